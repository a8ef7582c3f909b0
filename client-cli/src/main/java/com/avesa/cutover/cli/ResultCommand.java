package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.migration.MigrationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code avesa result}: waits for a run to end (following continue-as-new) and prints its report. */
@Command(
    name = "result",
    mixinStandardHelpOptions = true,
    description = "Wait for a run to end and print its report.",
    footer = {"", "Example:", "  avesa result avesa-prod-copy --json"})
final class ResultCommand extends AvesaCommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The workflow id, e.g. avesa-prod-copy.")
  String workflowId;

  @Mixin OutputOptions output;

  @Mixin TemporalOptions temporal;

  @Override
  protected int execute() {
    try (TemporalConnection connection = temporal.connect()) {
      MigrationReport report = new MigrationRuns(connection).awaitReport(workflowId, null);
      return MigrationRuns.printOutcome(report, output.json(), out(), err());
    }
  }
}
