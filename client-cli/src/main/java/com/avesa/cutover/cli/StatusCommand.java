package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.migration.MigrationProgress;
import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code avesa status}: state, current step, progress and history length of a run. A cutover or a
 * rollback shows its outcome, phase, pending gate, window, approvals, steps and compensations.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show a run's state, current step, progress and history length "
        + "(a cutover's or rollback's: outcome, phase, pending gate, window, approvals, steps, compensations).",
    footer = {"", "Example:", "  avesa status avesa-prod-copy --json", "  avesa status avesa-prod-copy --watch --interval 5s",
        "  avesa status avesa-prod-cutover --watch"})
final class StatusCommand extends AvesaCommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The workflow id, e.g. avesa-prod-copy or avesa-prod-cutover.")
  String workflowId;

  @Mixin OutputOptions output;

  @Option(names = "--watch", description = "Follow the run until it ends: redraw its progress every interval on a "
      + "terminal, else print a line per change (JSON lines with -o json/jsonl); exit as `result` would.")
  boolean watch;

  @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "2s", converter = Durations.Converter.class,
      description = "Time between samples with --watch: 5s, 1m, ISO-8601 or a number of seconds (default: ${DEFAULT-VALUE}).")
  Duration interval;

  @Mixin TemporalOptions temporal;

  @Override
  protected int execute() throws InterruptedException {
    if (interval.toSeconds() < 1) {
      throw new CliException(ExitCodes.USAGE, "--interval must be at least 1s, not " + Durations.format(interval));
    }
    try (TemporalConnection connection = temporal.connect()) {
      RunInspector inspector = new RunInspector(connection);
      WorkflowExecutionInfo info = inspector.describe(workflowId);
      String type = info.getType().getName();
      if (watch) {
        return watch(connection, type);
      }
      if (CutoverRuns.isCutover(type)) {
        RunStatus<CutoverReport> status = new CutoverRuns(connection).inspect(inspector, info);
        print(status, () -> CutoverPrinter.printStatus(status, out()));
      } else if (PhaseRuns.ofType(type).isPresent()) {
        PhaseStatus phases = new PhaseStatus(connection);
        RunStatus<JsonNode> status = phases.sample(workflowId);
        print(status, () -> phases.lines(status, Instant.now()).forEach(out()::println));
      } else {
        RunStatus<MigrationProgress> status = inspector.inspect(info, MigrationProgress.class);
        print(status, () -> print(status, out()));
      }
      return ExitCodes.OK;
    }
  }

  private void print(RunStatus<?> status, Runnable table) {
    if (output.json()) {
      out().println(output.format().render(status));
    } else {
      table.run();
    }
  }

  /** Follows the run until it ends (live on a terminal, a line per change elsewhere, JSON lines with -o json/jsonl). */
  private int watch(TemporalConnection connection, String type) throws InterruptedException {
    ProgressPrinter.Mode mode = output.json() ? ProgressPrinter.Mode.JSONL
        : RunFollower.terminal() ? ProgressPrinter.Mode.LIVE : ProgressPrinter.Mode.LINES;
    RunFollower follower = new RunFollower(connection, mode, interval, out());
    if (CutoverRuns.isCutover(type)) {
      RunStatus<CutoverReport> last = follower.cutover(workflowId);
      // A completed run's sample is its result; any other end (failed, terminated) left no report.
      CutoverReport report = RunStatus.COMPLETED.equals(last.status()) ? last.progress() : null;
      return report == null ? ExitCodes.RUN_FAILED : CutoverPrinter.exitCode(report);
    }
    if (PhaseRuns.ofType(type).isPresent()) {
      RunStatus<JsonNode> last = follower.phase(workflowId);
      return RunStatus.COMPLETED.equals(last.status()) ? ExitCodes.OK : ExitCodes.RUN_FAILED;
    }
    RunStatus<MigrationProgress> last = follower.migration(workflowId);
    return StatusWatch.exitCode(last, () -> new MigrationRuns(connection).awaitReport(workflowId, null));
  }

  /** The first lines of every status table: id, run, state, start, close and history length. */
  static void printRunState(RunStatus<?> status, PrintWriter out) {
    out.printf("%s (run %s): %s%n", status.workflowId(), status.runId(), status.status());
    out.printf("  started  %s%n", status.startTime());
    if (status.closeTime() != null) {
      out.printf("  closed   %s%n", status.closeTime());
    }
    out.printf("  history  %d events%n", status.historyLength());
  }

  private static void print(RunStatus<MigrationProgress> status, PrintWriter out) {
    printRunState(status, out);
    MigrationProgress progress = status.progress();
    if (progress == null) {
      out.println("  progress unavailable (no worker answered the query)");
      return;
    }
    out.printf("  %s %s: %s%n", progress.mode(), progress.phase(), progress.step());
    out.printf("  objects  %d listed: %d copied, %d checked, %d failed, %d verified%n", progress.objects(),
        progress.objectsCopied(), progress.objectsChecked(), progress.objectsFailed(), progress.objectsVerified());
    out.printf("  bytes    %s listed, %s copied%n",
        ReportPrinter.bytes(progress.bytes()), ReportPrinter.bytes(progress.bytesCopied()));
    out.printf("  items    %d listed: %d copied, %d checked%n", progress.items(), progress.itemsCopied(),
        Math.max(0, progress.items() - progress.itemsCopied()));
    out.printf("  secrets  %d copied%n", progress.secretsCopied());
    if (progress.extras() > 0) {
      out.printf("  extras   %d only in the side written to (not a failure; `avesa result` lists them)%n",
          progress.extras());
    }
    out.printf("  pages %d, problems %d, runs %d%n", progress.pages(), progress.problems(), progress.runs());
  }
}
