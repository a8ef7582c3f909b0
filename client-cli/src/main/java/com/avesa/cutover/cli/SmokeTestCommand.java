package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.runbook.PhaseInput;
import picocli.CommandLine.Command;

/** {@code avesa smoke-test}: runbook step 4 on its own. */
@Command(
    name = "smoke-test",
    mixinStandardHelpOptions = true,
    description = "Invoke the target's functions: cutover.smokeTests, else every infrastructure.functions entry "
        + "with {\"test\":true}. Fails when any answers a FunctionError.",
    footer = {"", "Example:", "  avesa smoke-test -c examples/aws.yaml --wait"})
final class SmokeTestCommand extends PhaseCommand {
  @Override
  protected PhaseRuns kind() {
    return PhaseRuns.SMOKE_TEST;
  }

  @Override
  protected Object input(MigrationConfig config, String identity) {
    return new PhaseInput(config, identity);
  }

  @Override
  protected String summary(MigrationConfig config) {
    return "smoke test " + config.name();
  }
}
