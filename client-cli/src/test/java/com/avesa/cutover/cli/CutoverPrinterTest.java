package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.workflows.cutover.CutoverChanges;
import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.cutover.IngestionPause;
import com.avesa.cutover.workflows.cutover.Outcome;
import com.avesa.cutover.workflows.run.RunKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cutover report as the CLI prints it: the measured ingestion pause on its own line. */
class CutoverPrinterTest {
  private static final Instant START = Instant.parse("2026-12-02T02:00:00Z");

  private static String printed(IngestionPause pause) {
    CutoverReport report = new CutoverReport("avesa-prod-cutover", RunKind.CUTOVER, "avesa-prod",
        Outcome.CUT_OVER, "DONE", "CUT_OVER", "carol", null, 0, START, START.plus(Duration.ofHours(4)), null, List.of(),
        List.of(), List.of(), List.of(), CutoverChanges.none(), "avesa-prod-cutover-final-sync", null, null, pause);
    StringWriter out = new StringWriter();
    CutoverPrinter.printTable(report, new PrintWriter(out, true));
    return out.toString();
  }

  @Test
  void printsTheIngestionPauseAndItsParts() {
    String out = printed(new IngestionPause(START, START.plusSeconds(200), Duration.ofSeconds(200),
        Duration.ofSeconds(20), Duration.ofSeconds(170), null, Duration.ofSeconds(10)));

    assertThat(out.lines()).contains(
        "  ingestion     ingestion paused PT3M20S (drain PT20S, final sync PT2M50S, enable PT10S)");
  }

  @Test
  void aReportWithoutAMeasuredPausePrintsNoIngestionLine() {
    assertThat(printed(null)).doesNotContain("ingestion").contains("  final sync    avesa-prod-cutover-final-sync");
  }
}
