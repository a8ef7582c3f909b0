package com.avesa.cutover.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code avesa sync pause NAME}: pauses a Temporal Schedule. A cron workflow (servers without
 * Schedules) cannot be paused: exit 2 with how to stop and restart it instead.
 */
@Command(
    name = "pause",
    mixinStandardHelpOptions = true,
    description = "Pause a periodic final sync (Temporal Schedules only).",
    footer = {"", "Example:", "  avesa sync pause avesa-final-sync"})
final class SyncPauseCommand extends AvesaCommand {
  @Parameters(paramLabel = "NAME", description = "The schedule id (see `avesa sync schedules`).")
  String name;

  @Mixin TemporalOptions temporal;

  @Override
  protected int execute() {
    try (TemporalConnection connection = temporal.connect()) {
      SyncSchedules.of(connection).setPaused(name, true, "avesa sync pause");
      out().println("paused " + name);
      return ExitCodes.OK;
    }
  }
}
