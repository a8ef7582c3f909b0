package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.run.RunProgress;
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
      ProgressKind<?> kind = ProgressKind.ofWorkflowType(info.getType().getName());
      return watch ? watch(connection, kind) : show(inspector, info, kind);
    }
  }

  /** Prints the run's state and its typed progress once: as JSON, or the table its kind's view prints. */
  private <P extends RunProgress> int show(RunInspector inspector, WorkflowExecutionInfo info, ProgressKind<P> kind) {
    RunStatus<P> status = inspector.inspect(info, kind);
    if (output.json()) {
      out().println(output.format().render(status));
    } else {
      kind.view(inspector).table(status, Instant.now(), out());
    }
    return ExitCodes.OK;
  }

  /** Follows the run until it ends (live on a terminal, a line per change elsewhere, JSON lines with -o json/jsonl). */
  private <P extends RunProgress> int watch(TemporalConnection connection, ProgressKind<P> kind)
      throws InterruptedException {
    ProgressPrinter.Mode mode = output.json() ? ProgressPrinter.Mode.JSONL
        : RunFollower.terminal() ? ProgressPrinter.Mode.LIVE : ProgressPrinter.Mode.LINES;
    RunStatus<P> last = new RunFollower(connection, mode, interval, out()).follow(workflowId, kind);
    return kind.exitCode(last, connection);
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
}
