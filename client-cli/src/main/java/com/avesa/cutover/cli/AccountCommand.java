package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.runbook.PhaseInput;
import picocli.CommandLine.Command;

/** {@code avesa account}: runbook phase 1 on its own. */
@Command(
    name = "account",
    mixinStandardHelpOptions = true,
    description = "Runbook phase 1: the production account, its deployment role and security baseline.",
    subcommands = {AccountCommand.Setup.class})
final class AccountCommand extends CommandGroup {
  /** {@code avesa account setup}. */
  @Command(
      name = "setup",
      mixinStandardHelpOptions = true,
      description = "Create the account (account.create) or use target.accountId; create or check the "
          + "deployment role (trust: the source account, ExternalId required); verify AssumeRole + "
          + "GetCallerIdentity; put GuardDuty, AWS Config, CloudTrail, the billing alarm and the alert topic "
          + "in place. Idempotent: a second run changes nothing and says so item by item.",
      footer = {"", "Example:", "  avesa account setup -c examples/aws.yaml --wait"})
  static final class Setup extends PhaseCommand {
    @Override
    protected boolean acceptsCreatedAccount() {
      return true;
    }

    @Override
    protected PhaseRuns kind() {
      return PhaseRuns.ACCOUNT_SETUP;
    }

    @Override
    protected Object input(MigrationConfig config, String identity) {
      return new PhaseInput(config, identity);
    }

    @Override
    protected String summary(MigrationConfig config) {
      return "account setup " + config.name() + ": "
          + (config.runbook().account().create() != null ? "create account " + config.runbook().account().create().name()
              : "account " + config.target().accountId())
          + ", role " + config.runbook().role().name() + ", security baseline";
    }

    @Override
    protected void check(MigrationConfig config) {
      if (config.target().externalId() == null) {
        throw new CliException(ExitCodes.USAGE, config.name() + ": target.externalId: required for account setup "
            + "(the ExternalId the deployment role's trust policy will require)");
      }
    }
  }
}
