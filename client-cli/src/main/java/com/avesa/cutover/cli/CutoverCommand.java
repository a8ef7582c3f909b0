package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.config.MigrationConfig;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code avesa cutover}: starts the cutover of a config with a {@code cutover:} section, requested
 * by {@code --identity}; prints its workflow id, or with {@code --wait} its report.
 */
@Command(
    name = "cutover",
    mixinStandardHelpOptions = true,
    description = "Start the cutover (runbook phase 6): preflight, approval gate, window, stop source ingestion, "
        + "final sync, DNS switch, target ingestion, smoke tests, monitoring, sign-off; undone on any failure.",
    footer = {"", "Example:",
        "  avesa cutover -c examples/aws.yaml --identity alice",
        "  {\"workflowId\": \"avesa-prod-cutover\"}",
        "  avesa approve avesa-prod-cutover --gate cutover --reason CAB-123 \\",
        "      --identity bob",
        "  avesa status avesa-prod-cutover --watch"})
final class CutoverCommand extends AvesaCommand {
  @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE",
      description = "The configuration file (YAML) with a cutover: section; required.")
  Path config;

  @Option(names = "--id", paramLabel = "ID", description = "Workflow id (default: {name}-cutover).")
  String id;

  @Option(names = "--wait", description = "Follow the cutover to its end"
      + " (its progress: redrawn on a terminal, a line per phase elsewhere, JSON lines with -o jsonl)"
      + ", then print its report; exit as `result` would.")
  boolean await;

  @Mixin OutputOptions output;

  @Mixin TemporalOptions temporal;

  @Mixin SigningOptions signing;

  private final Function<Path, MigrationConfig> configs;

  CutoverCommand() {
    this(StartCommand::loadConfig);
  }

  /** A command that reads its config with {@code configs} (exit 2 on a bad file). */
  CutoverCommand(Function<Path, MigrationConfig> configs) {
    this.configs = configs;
  }

  @Override
  protected int execute() {
    MigrationConfig loaded = configs.apply(config);
    if (loaded.cutover() == null) {
      throw new CliException(ExitCodes.USAGE, config + ": no `cutover:` section: a cutover needs one "
          + "(window, rules, DNS record, smoke tests, alarms)");
    }
    try (TemporalConnection connection = temporal.connect()) {
      CutoverRuns runs = new CutoverRuns(connection);
      String workflowId = id == null ? CutoverRuns.defaultId(loaded) : id;
      String startProof = new RunSigning(new ApprovalSigner(signing)).startProof(loaded, workflowId);
      return runs.launch(CutoverRuns.cutover(loaded, connection.identity(), workflowId, startProof), await,
          output.format(), out(), err());
    }
  }
}
