package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.runbook.PhaseInput;
import picocli.CommandLine.Command;

/** {@code avesa infra}: runbook phase 2 on its own. */
@Command(
    name = "infra",
    mixinStandardHelpOptions = true,
    description = "Runbook phase 2: deploy (optional) and verify the target's infrastructure.",
    subcommands = {InfraCommand.Verify.class})
final class InfraCommand extends CommandGroup {
  /** {@code avesa infra verify}. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = "Have the worker run the deploy command infrastructure.deploy names, when set (one the worker "
          + "allows in its AVESA_DEPLOY_COMMANDS file; its output's tail in the report), "
          + "ensure the target buckets and tables, and check that infrastructure.stacks are *_COMPLETE and "
          + "infrastructure.functions and .rules exist in the target. Names every missing thing.",
      footer = {"", "Example:", "  avesa infra verify -c examples/aws.yaml --wait"})
  static final class Verify extends PhaseCommand {
    @Override
    protected PhaseRuns kind() {
      return PhaseRuns.INFRASTRUCTURE;
    }

    @Override
    protected Object input(MigrationConfig config, String identity) {
      return new PhaseInput(config, identity);
    }

    @Override
    protected String summary(MigrationConfig config) {
      var infra = config.runbook().infrastructure();
      return "infra verify " + config.name() + ": " + (infra.deploy() == null ? "" : "deploy, ")
          + infra.stacks().size() + " stack(s), " + infra.functions().size() + " function(s), "
          + infra.rules().size() + " rule(s), " + config.data().buckets().size() + " bucket(s), "
          + config.data().tables().size() + " table(s)";
    }
  }
}
