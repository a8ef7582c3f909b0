package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.run.RunReport;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code avesa report}: a run's report as a document for a change ticket — Markdown or JSON — for
 * every run kind: a finished run's result; a running isolation, cutover or rollback's state now.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Print a run's report — outcome, times, counts, approvals (who, when, why), steps or phases, "
        + "compensations, problems, warnings — as Markdown to attach to a change ticket, or as JSON. Every run "
        + "kind: isolation, migration/sync, cutover, rollback, decommission, account, infra, smoke, validate. A "
        + "running isolation, cutover or rollback reports its state so far; other kinds once they end.",
    footer = {"", "Example:", "  avesa report avesa-prod-isolate --markdown > CAB-123-isolation.md",
        "  avesa report avesa-prod-cutover --markdown > CAB-123-cutover.md",
        "  avesa report avesa-prod-isolate --json"})
final class ReportCommand extends AvesaCommand {
  @Parameters(index = "0", paramLabel = "ID",
      description = "The run's workflow id, e.g. avesa-prod-isolate, avesa-prod-cutover, avesa-prod-copy.")
  String workflowId;

  @ArgGroup(exclusive = true)
  Format format = new Format();

  @Mixin TemporalOptions temporal;

  /** --markdown (default), --json, or -o with the CLI's formats (table is the Markdown). */
  static final class Format {
    @Option(names = "--markdown", description = "Markdown (the default; same as -o table).")
    boolean markdown;

    @Option(names = "--json",
        description = "JSON: the run's report record (IsolationReport, CutoverReport, MigrationReport, ...; same as -o json).")
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
      RunReports reports = new RunReports(connection);
      WorkflowExecutionInfo info = new RunInspector(connection).describe(workflowId);
      RunReport report = reports.report(info);
      out().println(format.format().structured() ? format.format().render(report)
          : ReportMarkdown.render(reports.facts(info), report));
      return ExitCodes.OK;
    }
  }
}
