package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.run.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code avesa result}: waits for a run to end (following continue-as-new) and prints its report;
 * for a cutover or rollback its {@code CutoverReport}.
 */
@Command(
    name = "result",
    mixinStandardHelpOptions = true,
    description = "Wait for a run to end and print its report. Exit 0 only when a migration verified, "
        + "a cutover CUT_OVER, a rollback ROLLED_BACK, or a runbook phase or isolation SUCCEEDED.",
    footer = {"", "Example:", "  avesa result avesa-prod-copy --json", "  avesa result avesa-prod-cutover"})
final class ResultCommand extends AvesaCommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The workflow id, e.g. avesa-prod-copy or avesa-prod-cutover.")
  String workflowId;

  @Mixin OutputOptions output;

  @Mixin TemporalOptions temporal;

  @Override
  protected int execute() {
    try (TemporalConnection connection = temporal.connect()) {
      String type = new RunInspector(connection).describe(workflowId).getType().getName();
      RunReport report = new RunReports(connection).await(workflowId, type);
      return RunReportPrinter.printOutcome(report, output.format(), out(), err());
    }
  }
}
