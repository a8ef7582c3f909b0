package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.migration.MigrationProgress;
import com.avesa.cutover.workflows.migration.MigrationReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * {@code avesa status --watch}: samples a run every interval and redraws a block of lines until
 * the run ends: for a data migration phase, step, bars of objects and bytes copied, rate and ETA;
 * for a cutover what {@link CutoverPrinter#watchLines} shows. On a terminal the block is redrawn
 * in place with ANSI escapes; otherwise each sample is printed below the last.
 */
final class StatusWatch<P> {
  private static final int BAR_WIDTH = 30;
  private static final String CONTINUED = "CONTINUED_AS_NEW";

  private final Supplier<RunStatus<P>> sample;
  private final Function<RunStatus<P>, List<String>> view;
  private final Duration interval;
  private final boolean redrawInPlace;
  private final PrintWriter out;
  private int linesDrawn;

  StatusWatch(Supplier<RunStatus<P>> sample, Function<RunStatus<P>, List<String>> view, Duration interval,
      boolean redrawInPlace, PrintWriter out) {
    this.sample = sample;
    this.view = view;
    this.interval = interval;
    this.redrawInPlace = redrawInPlace;
    this.out = out;
  }

  /** A watch of a data migration run. */
  static StatusWatch<MigrationProgress> ofMigration(Supplier<RunStatus<MigrationProgress>> sample, Duration interval,
      boolean redrawInPlace, PrintWriter out) {
    MigrationView view = new MigrationView();
    return new StatusWatch<>(sample, status -> view.render(status, System.nanoTime()), interval, redrawInPlace, out);
  }

  /** Draws until the run is no longer running and returns its last sample. */
  RunStatus<P> watch() throws InterruptedException {
    while (true) {
      RunStatus<P> status = sample.get();
      draw(view.apply(status));
      if (ended(status)) {
        return status;
      }
      Thread.sleep(interval.toMillis());
    }
  }

  /** A run has ended once it is neither running nor handing over to its next run. */
  static boolean ended(RunStatus<?> status) {
    return !"RUNNING".equals(status.status()) && !CONTINUED.equals(status.status());
  }

  /** The lines of a data migration sample; keeps the first sample to measure the copy rate from. */
  static final class MigrationView {
    private long firstNanos;
    private long firstCopied = -1;
    private long firstBytesCopied;

    List<String> render(RunStatus<MigrationProgress> status, long nowNanos) {
      List<String> lines = new ArrayList<>();
      MigrationProgress progress = status.progress();
      if (progress == null) {
        lines.add(String.format("%s: %s", status.workflowId(), status.status()));
        lines.add("  progress unavailable (no worker answered the query)");
        return lines;
      }
      lines.add(String.format("%s: %s  %s %s: %s", status.workflowId(), status.status(),
          progress.mode(), progress.phase(), progress.step()));
      lines.add(String.format("  objects  %s", bar(progress.objectsCopied(), progress.objects())));
      lines.add(String.format("  bytes    %s", bytesBar(progress.bytesCopied(), progress.bytes())));
      lines.add(String.format("  items    %s", bar(progress.itemsCopied(), progress.items())));
      lines.add("  " + rateAndEta(progress, nowNanos));
      lines.add(String.format("  secrets %d copied, pages %d, problems %d, runs %d",
          progress.secretsCopied(), progress.pages(), progress.problems(), progress.runs()));
      return lines;
    }

    /**
     * Objects and bytes per second since the first sample, and the time left. The ETA divides the
     * bytes left by the byte rate, since copy time follows bytes moved rather than object count;
     * when no bytes moved (only empty objects, or a worker that does not report bytes copied) it
     * falls back to objects left over the object rate.
     */
    private String rateAndEta(MigrationProgress progress, long nowNanos) {
      if (firstCopied < 0) {
        firstCopied = progress.objectsCopied();
        firstBytesCopied = progress.bytesCopied();
        firstNanos = nowNanos;
      }
      double seconds = (nowNanos - firstNanos) / 1e9;
      if (seconds <= 0) {
        return "rate     measuring";
      }
      double objectRate = (progress.objectsCopied() - firstCopied) / seconds;
      double byteRate = (progress.bytesCopied() - firstBytesCopied) / seconds;
      double secondsLeft = byteRate > 0
          ? (progress.bytes() - progress.bytesCopied()) / byteRate
          : objectRate > 0 ? (progress.objects() - progress.objectsCopied()) / objectRate : 0;
      String eta = secondsLeft > 0 ? "  ETA " + duration(Math.round(secondsLeft)) : "";
      return String.format(Locale.ROOT, "rate     %.1f objects/s, %s/s%s",
          objectRate, ReportPrinter.bytes(Math.round(byteRate)), eta);
    }
  }

  /** {@code [#####-----]  40%  2/5 copied} when the total is known, else just the count copied. */
  static String bar(long done, long total) {
    return bar(done, total, String::valueOf) + " copied";
  }

  /** {@code [#####-----]  40%  1.2 GiB/3.0 GiB} when the total is known, else the bytes copied. */
  static String bytesBar(long done, long total) {
    return total <= 0 ? ReportPrinter.bytes(done) + " copied" : bar(done, total, ReportPrinter::bytes);
  }

  private static String bar(long done, long total, LongFunction<String> amount) {
    if (total <= 0) {
      return amount.apply(done);
    }
    long clamped = Math.min(done, total);
    int filled = (int) (BAR_WIDTH * clamped / total);
    return String.format("[%s%s] %3d%%  %s/%s", "#".repeat(filled), "-".repeat(BAR_WIDTH - filled),
        100 * clamped / total, amount.apply(done), amount.apply(total));
  }

  static String duration(long seconds) {
    return seconds >= 3600
        ? String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60)
        : String.format("%dm%02ds", seconds / 60, seconds % 60);
  }

  private void draw(List<String> lines) {
    if (redrawInPlace && linesDrawn > 0) {
      // Up to the first line of the previous block, then clear to the end of the screen.
      out.print("\u001b[" + linesDrawn + "F\u001b[J");
    }
    lines.forEach(out::println);
    out.flush();
    linesDrawn = lines.size();
  }

  /** The exit code of the ended run, as {@code avesa result} would give it. */
  static int exitCode(RunStatus<?> status, Supplier<MigrationReport> report) {
    return MigrationReport.COMPLETED.equals(status.status())
        ? MigrationRuns.exitCode(report.get())
        : ExitCodes.RUN_FAILED;
  }
}
