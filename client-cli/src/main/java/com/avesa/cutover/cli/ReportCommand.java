package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.isolation.IsolationMarkdown;
import com.avesa.cutover.workflows.isolation.IsolationReport;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code avesa report}: the isolation run's report as a document for a change ticket — Markdown
 * or JSON — of a finished run (its result) or a running one (its state now).
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Print an isolation run's report — phases, durations, counts, approvals (who, when, why), "
        + "compensations, problems — as Markdown to attach to a change ticket, or as JSON. A running run "
        + "reports its state so far.",
    footer = {"", "Example:", "  avesa report avesa-prod-isolate --markdown > CAB-123-isolation.md",
        "  avesa report avesa-prod-isolate --json"})
final class ReportCommand extends AvesaCommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The isolation run's workflow id, e.g. avesa-prod-isolate.")
  String workflowId;

  @ArgGroup(exclusive = true)
  Format format = new Format();

  @Mixin TemporalOptions temporal;

  /** --markdown (default), --json, or -o with the CLI's formats (table is the Markdown). */
  static final class Format {
    @Option(names = "--markdown", description = "Markdown (the default; same as -o table).")
    boolean markdown;

    @Option(names = "--json", description = "JSON: the IsolationReport record (same as -o json).")
    boolean json;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT",
        description = "table (the Markdown), json or jsonl (the report on one line).")
    OutputOptions.Format output;

    OutputOptions.Format format() {
      return json ? OutputOptions.Format.json : output == null ? OutputOptions.Format.table : output;
    }
  }

  @Override
  protected int execute() {
    try (TemporalConnection connection = temporal.connect()) {
      RunInspector inspector = new RunInspector(connection);
      WorkflowExecutionInfo info = inspector.describe(workflowId);
      String type = info.getType().getName();
      if (!PhaseRuns.ISOLATE.type().equals(type)) {
        throw new CliException(ExitCodes.RUN_FAILED, "run " + workflowId + " is a " + type + ", not an isolation run: "
            + "`avesa result " + workflowId + "` prints its report");
      }
      // A cancelled run ends CANCELED without a result: its state is still answered by the query.
      String status = RunInspector.status(info);
      IsolationReport report = RunStatus.RUNNING.equals(status) || "CANCELED".equals(status)
          ? current(inspector)
          : (IsolationReport) PhaseRuns.ISOLATE.awaitReport(connection, workflowId);
      out().println(format.format().structured() ? format.format().render(report) : IsolationMarkdown.render(report));
      return ExitCodes.OK;
    }
  }

  private IsolationReport current(RunInspector inspector) {
    Optional<IsolationReport> progress = inspector.progress(workflowId, IsolationReport.class);
    return progress.orElseThrow(() -> new CliException(ExitCodes.RUN_FAILED, "no worker answered the progress query of "
        + workflowId + ": is a worker polling its task queue?"));
  }
}
