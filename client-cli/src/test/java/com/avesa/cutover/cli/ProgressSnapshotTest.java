package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.cli.RecordedRuns.Sample;
import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.migration.MigrationProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The progress printers fed with recorded samples ({@link RecordedRuns}), compared with the
 * snapshots under {@code src/test/resources/snapshots/progress-*}: the line per change a pipe
 * gets, the JSON lines of {@code -o jsonl}, and the blocks a terminal redraws.
 */
class ProgressSnapshotTest {
  @Test
  void aMigrationWithoutATerminalPrintsOneLinePerPhaseAndASummary() {
    Snapshots.assertMatches("progress-migration-lines.txt",
        print(RecordedRuns.migration(), new MigrationProgressView(), ProgressPrinter.Mode.LINES));
  }

  @Test
  void aMigrationAsJsonLinesPrintsOneObjectPerChangedSample() {
    String jsonl = print(RecordedRuns.migration(), new MigrationProgressView(), ProgressPrinter.Mode.JSONL);

    assertThat(jsonl.lines()).hasSize(RecordedRuns.migration().size())
        .allMatch(line -> line.contains("\"event\":\"progress\"") && line.endsWith("}"));
    Snapshots.assertMatches("progress-migration.jsonl", jsonl);
  }

  @Test
  void aMigrationOnATerminalShowsSplitCountsRateAndTimeLeft() {
    Snapshots.assertMatches("progress-migration-blocks.txt", blocks(RecordedRuns.migration(), new MigrationProgressView(),
        List.of(3, 6, 7)));
  }

  @Test
  void aCutoverWithoutATerminalPrintsALinePerStepOrGateNotPerSample() {
    Snapshots.assertMatches("progress-cutover-lines.txt",
        print(RecordedRuns.cutover(), new CutoverProgressView(), ProgressPrinter.Mode.LINES));
  }

  @Test
  void aCutoverOnATerminalNamesTheStepOnceAndCountsTheMonitoringDown() {
    Snapshots.assertMatches("progress-cutover-blocks.txt", blocks(RecordedRuns.cutover(), new CutoverProgressView(),
        List.of(1, 2, 4, 5, 6)));
  }

  @Test
  void aTerminalRedrawsTheBlockInPlace() {
    List<Sample<MigrationProgress>> samples = RecordedRuns.migration();
    StringWriter text = new StringWriter();
    ProgressPrinter<MigrationProgress> printer = new ProgressPrinter<>(new MigrationProgressView(),
        ProgressPrinter.Mode.LIVE, new PrintWriter(text, true), 200);
    samples.subList(2, 4).forEach(sample -> printer.accept(sample.status(), sample.at()));
    String live = text.toString();

    // The second block starts by moving up over the six lines of the first and clearing them.
    assertThat(live).contains("\u001b[6F\u001b[J").endsWith("  secrets 0 copied, pages 3, problems 0, runs 1\n");
  }

  @Test
  void aTerminalGetsLinesCutToItsWidthSoRedrawsStayInPlace() {
    StringWriter text = new StringWriter();
    ProgressPrinter<MigrationProgress> printer = new ProgressPrinter<>(new MigrationProgressView(),
        ProgressPrinter.Mode.LIVE, new PrintWriter(text, true), 40);
    Sample<MigrationProgress> sample = RecordedRuns.migration().get(6);

    printer.accept(sample.status(), sample.at());

    assertThat(text.toString().lines()).allMatch(line -> line.length() < 40)
        .contains("snap-copy  COPY VERIFY: bucket dst-buc…", "  objects  [##########################…");
    assertThat(ProgressPrinter.columns("120")).isEqualTo(120);
    assertThat(ProgressPrinter.columns(null)).isEqualTo(80);
    assertThat(ProgressPrinter.columns("wide")).isEqualTo(80);
  }

  @Test
  void jsonOutputPrintsNoProgress() {
    assertThat(print(RecordedRuns.cutover(), new CutoverProgressView(), ProgressPrinter.Mode.QUIET)).isEmpty();
  }

  private static <P> String print(List<Sample<P>> samples, ProgressView<P> view, ProgressPrinter.Mode mode) {
    StringWriter text = new StringWriter();
    ProgressPrinter<P> printer = new ProgressPrinter<>(view, mode, new PrintWriter(text, true));
    for (Sample<P> sample : samples) {
      printer.accept(sample.status(), sample.at());
    }
    Sample<P> last = samples.get(samples.size() - 1);
    if (StatusWatch.ended(last.status())) {
      printer.finish(last.status(), last.at());
    }
    return text.toString();
  }

  /** The blocks of the samples at {@code shown}, each after a line naming when it was read; every sample is drawn. */
  private static <P> String blocks(List<Sample<P>> samples, ProgressView<P> view, List<Integer> shown) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < samples.size(); i++) {
      List<String> block = view.block(samples.get(i).status(), samples.get(i).at());
      if (shown.contains(i)) {
        text.append("== at ").append(samples.get(i).at()).append('\n');
        block.forEach(line -> text.append(line).append('\n'));
      }
    }
    return text.toString();
  }
}
