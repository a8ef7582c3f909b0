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
    footer = {"", "Example:", "  avesa status avesa-prod-copy --json", "  avesa status avesa-prod-copy --watch --interval 5",
        "  avesa status avesa-prod-cutover --watch"})
final class StatusCommand extends AvesaCommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The workflow id, e.g. avesa-prod-copy or avesa-prod-cutover.")
  String workflowId;

  @Mixin OutputOptions output;

  @Option(names = "--watch", description = "Redraw the progress every interval until the run ends; exit as `result` would.")
  boolean watch;

  @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "2",
      description = "Seconds between samples with --watch (default: ${DEFAULT-VALUE}).")
  int interval;

  @Mixin TemporalOptions temporal;

  @Override
  protected int execute() throws InterruptedException {
    if (interval < 1) {
      throw new CliException(ExitCodes.USAGE, "--interval must be at least 1 second, not " + interval);
    }
    try (TemporalConnection connection = temporal.connect()) {
      RunInspector inspector = new RunInspector(connection);
      WorkflowExecutionInfo info = inspector.describe(workflowId);
      if (CutoverRuns.isCutover(info.getType().getName())) {
        return cutover(new CutoverRuns(connection), inspector, info);
      }
      if (PhaseRuns.ofType(info.getType().getName()).isPresent()) {
        return phase(connection);
      }
      if (watch) {
        return watchMigration(connection, inspector);
      }
      RunStatus<MigrationProgress> status = inspector.inspect(info, MigrationProgress.class);
      if (output.json()) {
        out().println(Json.write(status));
      } else {
        print(status, out());
      }
      return ExitCodes.OK;
    }
  }

  private int cutover(CutoverRuns runs, RunInspector inspector, WorkflowExecutionInfo info)
      throws InterruptedException {
    if (watch) {
      RunStatus<CutoverReport> last = new StatusWatch<>(() -> runs.inspect(inspector, inspector.describe(workflowId)),
          CutoverPrinter::watchLines, Duration.ofSeconds(interval), redrawInPlace(), out()).watch();
      // A completed run's sample is its result; any other end (failed, terminated) left no report.
      CutoverReport report = RunStatus.COMPLETED.equals(last.status()) ? last.progress() : null;
      out().printf("run %s ended: %s%s%n", workflowId, last.status(),
          report == null ? "" : ", outcome " + report.outcome());
      return report == null ? ExitCodes.RUN_FAILED : CutoverPrinter.exitCode(report);
    }
    RunStatus<CutoverReport> status = runs.inspect(inspector, info);
    if (output.json()) {
      out().println(Json.write(status));
    } else {
      CutoverPrinter.printStatus(status, out());
    }
    return ExitCodes.OK;
  }

  private int phase(TemporalConnection connection) throws InterruptedException {
    PhaseStatus phases = new PhaseStatus(connection);
    if (watch) {
      RunStatus<JsonNode> last = new StatusWatch<>(() -> phases.sample(workflowId),
          status -> phases.lines(status, Instant.now()), Duration.ofSeconds(interval), redrawInPlace(), out()).watch();
      out().printf("run %s ended: %s%n", workflowId, last.status());
      return RunStatus.COMPLETED.equals(last.status()) ? ExitCodes.OK : ExitCodes.RUN_FAILED;
    }
    RunStatus<JsonNode> status = phases.sample(workflowId);
    if (output.json()) {
      out().println(Json.write(status));
    } else {
      phases.lines(status, Instant.now()).forEach(out()::println);
    }
    return ExitCodes.OK;
  }

  private int watchMigration(TemporalConnection connection, RunInspector inspector) throws InterruptedException {
    RunStatus<MigrationProgress> last = StatusWatch.ofMigration(
        () -> inspector.inspect(workflowId), Duration.ofSeconds(interval), redrawInPlace(), out()).watch();
    out().printf("run %s ended: %s%n", workflowId, last.status());
    return StatusWatch.exitCode(last, () -> new MigrationRuns(connection).awaitReport(workflowId, null));
  }

  private boolean redrawInPlace() {
    return System.console() != null && !output.json();
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
    out.printf("  objects  %d listed, %d copied%n", progress.objects(), progress.objectsCopied());
    out.printf("  bytes    %s listed, %s copied%n",
        ReportPrinter.bytes(progress.bytes()), ReportPrinter.bytes(progress.bytesCopied()));
    out.printf("  items    %d listed, %d copied%n", progress.items(), progress.itemsCopied());
    out.printf("  secrets  %d copied%n", progress.secretsCopied());
    if (progress.extras() > 0) {
      out.printf("  extras   %d only in the side written to (not a failure; `avesa result` lists them)%n",
          progress.extras());
    }
    out.printf("  pages %d, problems %d, runs %d%n", progress.pages(), progress.problems(), progress.runs());
  }
}
