package com.avesa.cutover.cli;

import com.avesa.cutover.activities.tenants.TenantChanges;
import com.avesa.cutover.activities.tenants.TenantRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code avesa tenant}: tenants of the target's TenantServices table (runbook step 8). */
@Command(
    name = "tenant",
    mixinStandardHelpOptions = true,
    description = "Manage tenants in the target's TenantServices table.",
    subcommands = {TenantCommand.Add.class},
    footer = {"", "Example:", "  avesa tenant add --tenant-id test-tenant --company-name 'Test Company' -c examples/aws.yaml"})
final class TenantCommand extends CommandGroup {
  /** {@code avesa tenant add}: puts the tenant's item unless it is there already. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add a tenant to the target's TenantServices table; a tenant already there for the same "
          + "company is left as it is, one of another company is refused.",
      footer = {"", "Example:", "  avesa tenant add --tenant-id test-tenant --company-name 'Test Company' -c examples/aws.yaml"})
  static final class Add extends TenantSetupCommand {
    @Option(names = "--tenant-id", paramLabel = "ID", required = true,
        description = "The tenant id (letters, digits, '.', '_', '-'): its S3 prefixes and secret name.")
    String tenantId;

    @Option(names = "--company-name", paramLabel = "NAME", required = true, description = "The tenant's company.")
    String companyName;

    @Override
    protected TenantChanges change(TenantRegistry registry) {
      return registry.addTenant(tenantId, companyName);
    }
  }
}
