package com.avesa.cutover.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

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
    System.exit(configure(new CommandLine(new Avesa())).execute(args));
  }

  /**
   * What every {@code avesa} command line gets: usage errors as one line (see {@link UsageErrors})
   * and the connection options under their own heading in help ({@link ConnectionHelp}).
   */
  static CommandLine configure(CommandLine commandLine) {
    return ConnectionHelp.apply(commandLine.setParameterExceptionHandler(new UsageErrors()));
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /**
   * The version the build wrote into {@code avesa-version.properties} (Maven filters
   * {@code ${project.version}} into it), else the jar manifest's, else "development".
   */
  static final class Version implements CommandLine.IVersionProvider {
    static final String RESOURCE = "/avesa-version.properties";

    @Override
    public String[] getVersion() {
      return new String[] {"avesa " + version()};
    }

    static String version() {
      try (InputStream in = Avesa.class.getResourceAsStream(RESOURCE)) {
        if (in != null) {
          Properties properties = new Properties();
          properties.load(in);
          String built = properties.getProperty("version", "");
          if (!built.isBlank() && !built.contains("${")) {
            return built.strip();
          }
        }
      } catch (IOException unreadable) {
        // fall back to the manifest
      }
      String manifest = Avesa.class.getPackage().getImplementationVersion();
      return manifest == null ? "development" : manifest;
    }
  }
}
