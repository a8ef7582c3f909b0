package com.avesa.cutover.workflows.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.workflows.cutover.CutoverChanges;
import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.cutover.IngestionPause;
import com.avesa.cutover.workflows.cutover.Outcome;
import com.avesa.cutover.workflows.run.RunKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The isolation report's cutover row states the measured ingestion pause. */
class CutoverPhaseResultTest {
  private static final Instant START = Instant.parse("2026-12-02T02:00:00Z");

  private static CutoverReport report(Outcome outcome, String reason, IngestionPause pause) {
    return new CutoverReport("c", RunKind.CUTOVER, "avesa-prod", outcome, "DONE", outcome.name(), "carol", null, 0,
        START, START.plus(Duration.ofHours(4)), reason, List.of(), List.of(), List.of(), List.of(), CutoverChanges.none(),
        null, null, null, pause);
  }

  @Test
  void aCutOverRowNamesTheIngestionPauseAndCountsItsSeconds() {
    IngestionPause pause = new IngestionPause(START.plusSeconds(2), START.plusSeconds(293), Duration.ofSeconds(291),
        Duration.ofSeconds(45), Duration.ofMinutes(3), Duration.ofSeconds(63), Duration.ofSeconds(3));

    PhaseResult result = PhaseResults.cutover(report(Outcome.CUT_OVER, null, pause));

    assertThat(result.summary()).isEqualTo("CUT_OVER in the window " + START + " → " + START.plus(Duration.ofHours(4))
        + "; ingestion paused PT4M51S (drain PT45S, final sync PT3M, DNS PT1M3S, enable PT3S)");
    assertThat(result.counts()).containsEntry("ingestionPauseSeconds", 291L);
  }

  @Test
  void aReportFromBeforeThePauseWasMeasuredReadsAsBefore() {
    PhaseResult result = PhaseResults.cutover(report(Outcome.ROLLED_BACK, "alarm", null));

    assertThat(result.summary()).isEqualTo("ROLLED_BACK: alarm");
    assertThat(result.counts()).doesNotContainKey("ingestionPauseSeconds");
  }
}
