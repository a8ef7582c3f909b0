package com.avesa.cutover.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code avesa} command line: starts data migration and cutover runs on Temporal, approves,
 * rejects and rolls back cutovers, follows runs, prints their reports, and runs the embedded dev
 * server and the local demo. Exit codes are in {@link ExitCodes}.
 */
@Command(
    name = "avesa",
    mixinStandardHelpOptions = true,
    versionProvider = Avesa.Version.class,
    description = "Move AVESA's production environment into its own AWS account — account setup, "
        + "infrastructure, data migration, cutover, validation, decommission — as durable Temporal workflows.",
    subcommands = {
      PlanCommand.class,
      MigrateCommand.class,
      SyncCommand.class,
      CutoverCommand.class,
      ApproveCommand.class,
      RejectCommand.class,
      ApprovalTokenCommand.class,
      RollbackCommand.class,
      StatusCommand.class,
      ResultCommand.class,
      ListCommand.class,
      IsolateCommand.class,
      ReportCommand.class,
      AccountCommand.class,
      InfraCommand.class,
      SmokeTestCommand.class,
      ValidateCommand.class,
      DecommissionCommand.class,
      TenantCommand.class,
      ServiceCommand.class,
      DevServerCommand.class,
      DemoCommand.class,
      CompletionCommand.class
    },
    footer = {
      "",
      "Example:",
      "  avesa demo                         # a complete local migration",
      "  avesa plan -c examples/local.yaml",
      "",
      "  avesa cutover -c examples/aws.yaml --identity alice   # prints the run's id",
      "  avesa approve avesa-prod-cutover --gate cutover --reason CAB-123 \\",
      "      --window-start 2026-12-01T02:00:00Z --identity bob",
      "  avesa status avesa-prod-cutover --watch",
      "  avesa rollback avesa-prod-cutover --reason 'errors in canonical/'",
      "",
      "  avesa isolate -c examples/aws.yaml --identity alice    # the whole runbook",
      "  avesa approve avesa-prod-isolate --gate execute --reason CAB-123 --identity bob",
      "  avesa report avesa-prod-isolate --markdown",
      "  avesa tenant add --tenant-id test-tenant --company-name 'Test Company' -c examples/aws.yaml",
      "  avesa service add --tenant-id test-tenant --service connectwise --credentials-file cw.json -c examples/aws.yaml",
      "",
      "Exit codes: 0 success, 1 the run failed, did not verify or did not cut over,",
      "or a decision was refused, 2 usage or config error, 3 Temporal unreachable."
    })
public final class Avesa implements Runnable {
  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Avesa()).execute(args));
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** The version from the jar's manifest, or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Avesa.class.getPackage().getImplementationVersion();
      return new String[] {"avesa " + (version == null ? "development" : version)};
    }
  }
}
