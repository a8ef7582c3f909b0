package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.migration.Mode;
import picocli.CommandLine.Command;

/** {@code avesa plan}: a dry run that changes nothing; waits and prints the report. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = "List what is in scope and what the target lacks, changing nothing; print the report.",
    footer = {"", "Example:", "  avesa plan -c examples/local.yaml --json"})
final class PlanCommand extends StartCommand {
  @Override
  protected Mode mode() {
    return Mode.PLAN;
  }

  @Override
  protected boolean waitForReport() {
    return true;
  }
}
