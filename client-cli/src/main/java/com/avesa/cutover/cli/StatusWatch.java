package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.migration.MigrationReport;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Follows a run until it ends: samples it, hands each sample to a {@link ProgressPrinter}, and
 * between samples waits up to an interval for the run to end, so the last sample comes as soon as
 * it does. {@code avesa status --watch} and every {@code --wait} use it.
 */
final class StatusWatch<P> {
  private static final String CONTINUED = "CONTINUED_AS_NEW";

  /** Waits up to a duration for the run to end; true when it has. */
  interface EndWait {
    boolean awaitEnd(Duration atMost) throws InterruptedException;

    /** Sleeps the whole interval: the next sample tells whether the run ended. */
    EndWait SLEEP = atMost -> {
      Thread.sleep(atMost.toMillis());
      return false;
    };
  }

  private final Supplier<RunStatus<P>> sample;
  private final ProgressPrinter<P> printer;
  private final Duration interval;
  private final EndWait endWait;
  private final Clock clock;

  StatusWatch(Supplier<RunStatus<P>> sample, ProgressPrinter<P> printer, Duration interval, EndWait endWait,
      Clock clock) {
    this.sample = sample;
    this.printer = printer;
    this.interval = interval;
    this.endWait = endWait;
    this.clock = clock;
  }

  /** Shows samples until the run is no longer running, closes with the summary, and returns the last sample. */
  RunStatus<P> watch() throws InterruptedException {
    while (true) {
      RunStatus<P> status = sample.get();
      printer.accept(status, clock.instant());
      if (ended(status)) {
        printer.finish(status, clock.instant());
        return status;
      }
      endWait.awaitEnd(interval);
    }
  }

  /** A run has ended once it is neither running nor handing over to its next run. */
  static boolean ended(RunStatus<?> status) {
    return !RunStatus.RUNNING.equals(status.status()) && !CONTINUED.equals(status.status());
  }

  /** The exit code of the ended run, as {@code avesa result} would give it. */
  static int exitCode(RunStatus<?> status, Supplier<MigrationReport> report) {
    return RunStatus.COMPLETED.equals(status.status())
        ? MigrationRuns.exitCode(report.get())
        : ExitCodes.RUN_FAILED;
  }
}
