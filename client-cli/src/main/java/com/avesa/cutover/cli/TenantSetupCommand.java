package com.avesa.cutover.cli;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.tenants.TenantChanges;
import com.avesa.cutover.activities.tenants.TenantRegistry;
import com.avesa.cutover.activities.tenants.TenantSetupException;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code tenant add} and {@code service add} share: load the config, act on the target with
 * the same credentials a worker uses (the deployment role with its ExternalId), and print what
 * changed. These talk to AWS directly, not through Temporal, so credentials stay out of histories.
 */
abstract class TenantSetupCommand extends AvesaCommand {
  @Option(names = {"-c", "--config"}, paramLabel = "FILE", required = true,
      description = "The configuration file (YAML); its tenants: section (or defaults) names the table and secrets.")
  Path config;

  @Mixin OutputOptions output;

  /** Makes this command's change; arguments it refuses are {@link IllegalArgumentException}s. */
  protected abstract TenantChanges change(TenantRegistry registry);

  @Override
  protected final int execute() {
    MigrationConfig loaded = StartCommand.loadConfig(config);
    TenantChanges changes = prepareAndChange(loaded);
    if (output.json()) {
      out().println(output.format().render(changes));
    } else {
      changes.changed().forEach(item -> out().println(line("changed", item)));
      changes.unchanged().forEach(item -> out().println(line("unchanged", item)));
    }
    return ExitCodes.OK;
  }

  private TenantChanges prepareAndChange(MigrationConfig loaded) {
    try (AwsClients clients = new AwsClients()) {
      return change(new TenantRegistry(clients, loaded));
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.USAGE, e.getMessage());
    } catch (TenantSetupException e) {
      throw new CliException(ExitCodes.RUN_FAILED, e.getMessage());
    }
  }

  private static String line(String what, PhaseItem item) {
    return String.format("%-10s %s: %s", what, item.item(), item.detail());
  }
}
