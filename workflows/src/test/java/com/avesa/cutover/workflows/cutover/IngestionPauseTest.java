package com.avesa.cutover.workflows.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.workflows.run.CutoverStep;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestionPauseTest {
  private static final Instant T = Instant.parse("2026-12-02T02:00:00Z");

  private static StepRecord step(String name, StepRecord.Status status, int from, Integer to) {
    return new StepRecord(CutoverStep.of(name).orElseThrow(), status, T.plusSeconds(from), to == null ? null : T.plusSeconds(to), null);
  }

  @Test
  void measuresSourceRulesOffToTargetRulesOnAndEachPartFromTheSteps() {
    IngestionPause pause = IngestionPause.of(List.of(
        step("disableSourceIngestion", StepRecord.Status.DONE, 0, 2),
        step("drainSourceIngestion", StepRecord.Status.DONE, 2, 47),
        step("finalSync", StepRecord.Status.DONE, 47, 227),
        step("switchDns", StepRecord.Status.DONE, 227, 290),
        step("enableTargetIngestion", StepRecord.Status.DONE, 290, 293)));

    assertThat(pause).isEqualTo(new IngestionPause(T.plusSeconds(2), T.plusSeconds(293), Duration.ofSeconds(291),
        Duration.ofSeconds(45), Duration.ofMinutes(3), Duration.ofSeconds(63), Duration.ofSeconds(3)));
    assertThat(pause.describe())
        .isEqualTo("ingestion paused PT4M51S (drain PT45S, final sync PT3M, DNS PT1M3S, enable PT3S)");
  }

  @Test
  void hasNoTotalWhenTargetIngestionNeverCameOnAndIsNullBeforeSourceIngestionStopped() {
    IngestionPause rolledBack = IngestionPause.of(List.of(
        step("disableSourceIngestion", StepRecord.Status.DONE, 0, 2),
        step("finalSync", StepRecord.Status.FAILED, 2, 30)));

    assertThat(rolledBack.total()).isNull();
    assertThat(rolledBack.drain()).isNull();
    assertThat(rolledBack.describe()).isEqualTo("source ingestion off since " + T.plusSeconds(2)
        + ", target ingestion not on (final sync PT28S)");
    assertThat(IngestionPause.of(List.of(step("disableSourceIngestion", StepRecord.Status.RUNNING, 0, null)))).isNull();
  }
}
