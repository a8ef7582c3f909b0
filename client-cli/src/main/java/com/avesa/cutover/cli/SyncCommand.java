package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.migration.MigrationInput;
import com.avesa.cutover.workflows.migration.Mode;
import com.avesa.cutover.workflows.run.RunIds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code avesa sync}: starts a SYNC run (with {@code --reverse} a REVERSE run, with {@code --dry-run}
 * a PLAN of it); with {@code --wait} prints its report.
 */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description = {
      "Copy only what is missing or changed since the last run, then verify (repeat to keep the target warm).",
      "With --reverse: the rollback's reverse sync on its own, target -> source; it WRITES INTO THE SOURCE "
          + "ACCOUNT (what only the source has is reported as extras). --reverse --dry-run lists and compares "
          + "target -> source and changes nothing."
    },
    subcommands = {
      SyncScheduleCommand.class,
      SyncSchedulesCommand.class,
      SyncUnscheduleCommand.class,
      SyncPauseCommand.class,
      SyncResumeCommand.class
    },
    footer = {"", "Examples:", "  avesa sync -c examples/local.yaml --wait --json",
        "  avesa sync --reverse -c examples/local.yaml --dry-run --wait   # rehearse the rollback: what would be copied back"})
final class SyncCommand extends StartCommand {
  @Option(names = "--wait", description = "Follow the run to its end"
      + " (its progress: redrawn on a terminal, a line per phase elsewhere, JSON lines with -o jsonl)"
      + ", then print its report.")
  boolean await;

  @Option(names = "--reverse", description = "Copy target -> source, writing into the SOURCE account "
      + "(default id {name}-reverse-sync).")
  boolean reverse;

  @Option(names = "--dry-run", description = "With --reverse: list and compare target -> source, change nothing.")
  boolean dryRun;

  @Override
  protected void checkOptions() {
    if (dryRun && !reverse) {
      throw new ParameterException(spec.commandLine(),
          "--dry-run: only with --reverse (a dry run of the forward direction is `avesa plan`)");
    }
  }

  @Override
  protected Mode mode() {
    return !reverse ? Mode.SYNC : dryRun ? Mode.PLAN : Mode.REVERSE;
  }

  @Override
  protected MigrationInput input(MigrationConfig config) {
    return reverse && dryRun ? MigrationInput.reversePlan(config) : MigrationInput.of(config, mode());
  }

  @Override
  protected String defaultId(MigrationConfig config) {
    return reverse ? RunIds.reverseSync(config.name()) : super.defaultId(config);
  }

  @Override
  protected boolean waitForReport() {
    return await;
  }
}
