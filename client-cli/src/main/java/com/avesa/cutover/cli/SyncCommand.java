package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.migration.Mode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code avesa sync}: starts a SYNC run; with {@code --wait} prints its verified report. */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description = "Copy only what is missing or changed since the last run, then verify (repeat to keep the target warm).",
    subcommands = {
      SyncScheduleCommand.class,
      SyncSchedulesCommand.class,
      SyncUnscheduleCommand.class,
      SyncPauseCommand.class,
      SyncResumeCommand.class
    },
    footer = {"", "Example:", "  avesa sync -c examples/local.yaml --wait --json"})
final class SyncCommand extends StartCommand {
  @Option(names = "--wait", description = "Follow the run to its end"
      + " (its progress: redrawn on a terminal, a line per phase elsewhere, JSON lines with -o jsonl)"
      + ", then print its report.")
  boolean await;

  @Override
  protected Mode mode() {
    return Mode.SYNC;
  }

  @Override
  protected boolean waitForReport() {
    return await;
  }
}
