package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.config.MigrationConfig;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What the runbook phase commands share ({@code account setup}, {@code infra verify},
 * {@code smoke-test}, {@code validate}, {@code decommission}, {@code isolate}): read and check the
 * config before connecting, start the run as {@code --identity}, and print its id — or, with
 * {@code --wait}, its report, exiting 0 only when it SUCCEEDED.
 */
abstract class PhaseCommand extends AvesaCommand {
  @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE",
      description = "The configuration file (YAML); required.")
  Path config;

  @Option(names = "--id", paramLabel = "ID", description = "Workflow id (default: {name}-<phase>, e.g. avesa-prod-${COMMAND-NAME}).")
  String id;

  @Option(names = "--wait", description = "Follow the run to its end"
      + " (its progress: redrawn on a terminal, a line per phase elsewhere, JSON lines with -o jsonl)"
      + ", then print its report; exit 0 only when it SUCCEEDED.")
  boolean await;

  @Mixin OutputOptions output;

  @Mixin TemporalOptions temporal;

  @Mixin SigningOptions signing;

  /** The kind of run this command starts. */
  protected abstract PhaseRuns kind();

  /** The run's input. */
  protected abstract Object input(MigrationConfig config, String identity);

  /**
   * The input of a run with gates, which under {@code approvals.identity: aws-iam} carries
   * {@code startProof}; by default {@link #input(MigrationConfig, String)} (phases without gates).
   */
  protected Object input(MigrationConfig config, String identity, String startProof) {
    return input(config, identity);
  }

  /** Whether runs of this phase have gates (and so need their start signed under aws-iam). */
  protected boolean gated() {
    return false;
  }

  /** One line for the Temporal UI. */
  protected abstract String summary(MigrationConfig config);

  /** Whether this phase runs on a config whose account is still to be created (account.create, no target.accountId). */
  protected boolean acceptsCreatedAccount() {
    return false;
  }

  /** Refuses (exit 2, naming what to add) a config this phase cannot run with; nothing by default. */
  protected void check(MigrationConfig config) {}

  @Override
  protected final int execute() {
    MigrationConfig loaded = StartCommand.loadConfig(config, acceptsCreatedAccount());
    check(loaded);
    try (TemporalConnection connection = temporal.connect()) {
      PhaseRuns kind = kind();
      String workflowId = id == null ? kind.defaultId(loaded) : id;
      String startProof = gated() ? new RunSigning(new ApprovalSigner(signing)).startProof(loaded, workflowId) : null;
      RunStarter.RunStart start =
          kind.start(loaded.name(), workflowId, summary(loaded), input(loaded, connection.identity(), startProof));
      return RunFollower.launch(connection, start, await, output.format(), out(),
          () -> PhasePrinter.printOutcome(kind.awaitReport(connection, workflowId), output.format(), out(), err()));
    }
  }
}
