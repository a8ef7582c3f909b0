package com.avesa.cutover.cli;

import com.avesa.cutover.activities.tenants.TenantChanges;
import com.avesa.cutover.activities.tenants.TenantRegistry;
import java.io.InputStream;
import java.util.Iterator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code avesa service}: a tenant's services and their credentials in the target (runbook step 8). */
@Command(
    name = "service",
    mixinStandardHelpOptions = true,
    description = "Manage a tenant's services and their credentials in the target.",
    subcommands = {ServiceCommand.Add.class},
    footer = {"", "Example:",
      "  avesa service add --tenant-id test-tenant --service connectwise --credentials-file cw.json -c examples/aws.yaml"})
final class ServiceCommand extends CommandGroup {
  /**
   * {@code avesa service add}: merges the credentials into {@code tenant/{id}/{env}} and lists the
   * service in the tenant's item. Credentials come from a file or stdin, never from an argument
   * (arguments end up in shell histories and process lists), and are never printed.
   */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add a service to a tenant: merge its credentials (a JSON object) into the tenant's "
          + "tenant/{id}/{env} secret in the target and list the service in its TenantServices item.",
      footer = {"", "Example:",
        "  avesa service add --tenant-id test-tenant --service connectwise --credentials-file cw.json -c examples/aws.yaml",
        "  pass show avesa/cw | avesa service add --tenant-id test-tenant --service connectwise \\",
        "      --credentials-file - -c examples/aws.yaml"})
  static final class Add extends TenantSetupCommand {
    private final InputStream stdin;

    @Option(names = "--tenant-id", paramLabel = "ID", required = true, description = "The tenant (it must exist).")
    String tenantId;

    @Option(names = "--service", paramLabel = "SERVICE", required = true,
        completionCandidates = Services.class, description = "One of: ${COMPLETION-CANDIDATES}.")
    String service;

    @Option(names = "--credentials-file", paramLabel = "FILE", required = true,
        description = "A file holding the service's credentials as a JSON object; - reads them from stdin.")
    String credentialsFile;

    Add() {
      this(System.in);
    }

    Add(InputStream stdin) {
      this.stdin = stdin;
    }

    @Override
    protected TenantChanges change(TenantRegistry registry) {
      return registry.addService(tenantId, service, CredentialsFile.read(credentialsFile, stdin));
    }
  }

  /** The services {@code --service} accepts, for help and shell completion. */
  static final class Services implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return TenantRegistry.SERVICES.iterator();
    }
  }
}
