package com.avesa.cutover.cli;

import com.avesa.cutover.runtime.config.ConfigLoader;
import com.avesa.cutover.workflows.config.ConfigException;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.migration.MigrationInput;
import com.avesa.cutover.workflows.migration.Mode;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code plan}, {@code migrate} and {@code sync} share: read and validate the config before
 * anything else, connect, start the run, and either print its id or wait for its report.
 */
abstract class StartCommand extends AvesaCommand {
  // Checked in execute(), not by picocli: `avesa sync` has subcommands that do not take it.
  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "The configuration file (YAML); required.")
  Path config;

  @Mixin OutputOptions output;

  @Option(names = "--id", paramLabel = "ID",
      description = "Workflow id (default: {name}-plan, {name}-copy, {name}-sync or {name}-reverse-sync).")
  String id;

  @Mixin TemporalOptions temporal;

  /** The mode this command starts. */
  protected abstract Mode mode();

  /** Whether to wait for the run's report instead of returning once it started. */
  protected abstract boolean waitForReport();

  /** The run's input; {@link #mode()} over the whole config unless a command says otherwise. */
  protected MigrationInput input(MigrationConfig config) {
    return MigrationInput.of(config, mode());
  }

  /** The workflow id without {@code --id}. */
  protected String defaultId(MigrationConfig config) {
    return MigrationRuns.defaultId(config, mode());
  }

  /** Options checked before the config is read; a wrong combination throws a ParameterException (exit 2). */
  protected void checkOptions() {}

  @Override
  protected final int execute() {
    if (config == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--config=FILE'");
    }
    checkOptions();
    MigrationConfig loaded = loadConfig(config);
    try (TemporalConnection connection = temporal.connect()) {
      return launch(connection, input(loaded), id == null ? defaultId(loaded) : id, waitForReport(), output.format(),
          out(), err());
    }
  }

  /**
   * Reads the config; every problem becomes one stderr line and exit code 2. The target account
   * must be known: only {@code account setup} and {@code isolate} run on a config whose account
   * Organizations has yet to create.
   */
  static MigrationConfig loadConfig(Path file) {
    return loadConfig(file, false);
  }

  /** {@link #loadConfig(Path)}; with {@code accountMayBeCreated}, the target account id may be missing under account.create. */
  static MigrationConfig loadConfig(Path file, boolean accountMayBeCreated) {
    MigrationConfig config;
    try {
      config = ConfigLoader.load(file);
    } catch (ConfigException e) {
      throw new CliException(ExitCodes.USAGE, e.lines());
    }
    if (!accountMayBeCreated && config.target().accountId() == null) {
      throw new CliException(ExitCodes.USAGE, file + ": target.accountId: required here; account.create leaves it out "
          + "only for `avesa account setup` and `avesa isolate`: once the account exists, put its id in "
          + "target.accountId (and the deployment role in target.roleArn)");
    }
    return config;
  }

  /**
   * Starts a run of {@code mode} and, when {@code wait}, follows its progress (see
   * {@link RunFollower#forWait}), prints its report and returns the exit code it deserves;
   * otherwise prints the workflow id ({@link OutputOptions.Format#started}) and returns 0.
   */
  static int launch(TemporalConnection connection, MigrationConfig config, Mode mode, String id,
      boolean wait, OutputOptions.Format format, PrintWriter out, PrintWriter err) {
    return launch(connection, MigrationInput.of(config, mode), id == null ? MigrationRuns.defaultId(config, mode) : id,
        wait, format, out, err);
  }

  /** {@link #launch(TemporalConnection, MigrationConfig, Mode, String, boolean, OutputOptions.Format, PrintWriter, PrintWriter)} for any input. */
  static int launch(TemporalConnection connection, MigrationInput input, String id,
      boolean wait, OutputOptions.Format format, PrintWriter out, PrintWriter err) {
    MigrationRuns runs = new MigrationRuns(connection);
    return RunFollower.launch(connection, MigrationRuns.start(input, id), wait, format, out,
        () -> MigrationRuns.printOutcome(runs.awaitReport(id, input.mode()), format, out, err));
  }
}
