package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.validation.ValidationInput;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code avesa validate}: runbook phase 7 on its own. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Post-cutover validation of the target: new objects under raw/ and canonical/ since --since, "
        + "and tenant isolation (every tenant prefix belongs to a TenantServices tenant, no key outside them, "
        + "every tenant has its tenant/{id}/{env} secret). A report per tenant.",
    footer = {"", "Example:", "  avesa validate -c examples/aws.yaml --since 2026-12-01T02:40:00Z --wait"})
final class ValidateCommand extends PhaseCommand {
  @Option(names = "--since", required = true, paramLabel = "ISO",
      description = "Objects last modified at or after this instant count as new, e.g. 2026-12-01T02:40:00Z "
          + "(the cutover's DNS switch).")
  String since;

  private Instant checkedSince;

  @Override
  protected void check(MigrationConfig config) {
    try {
      checkedSince = Instant.parse(since.strip());
    } catch (DateTimeParseException notUtc) {
      try {
        checkedSince = OffsetDateTime.parse(since.strip()).toInstant();
      } catch (DateTimeParseException e) {
        throw new CliException(ExitCodes.USAGE, "--since: '" + since
            + "' is not an ISO-8601 instant such as 2026-12-01T02:40:00Z");
      }
    }
    if (config.runbook().tenants().bucket() == null) {
      throw new CliException(ExitCodes.USAGE, config.name() + ": no data lake bucket to validate: set tenants.bucket "
          + "or add data.buckets");
    }
  }

  @Override
  protected PhaseRuns kind() {
    return PhaseRuns.VALIDATE;
  }

  @Override
  protected Object input(MigrationConfig config, String identity) {
    return new ValidationInput(config, checkedSince, identity);
  }

  @Override
  protected String summary(MigrationConfig config) {
    return "validate " + config.name() + " since " + checkedSince;
  }
}
