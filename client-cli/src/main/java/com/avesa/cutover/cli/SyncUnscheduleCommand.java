package com.avesa.cutover.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code avesa sync unschedule NAME}: deletes the schedule, or terminates the cron workflow. */
@Command(
    name = "unschedule",
    mixinStandardHelpOptions = true,
    description = "Stop a periodic final sync: delete its Schedule, or terminate its cron workflow.",
    footer = {"", "Example:", "  avesa sync unschedule avesa-final-sync"})
final class SyncUnscheduleCommand extends AvesaCommand {
  @Parameters(paramLabel = "NAME", description = "The schedule id (see `avesa sync schedules`).")
  String name;

  @Mixin TemporalOptions temporal;

  @Override
  protected int execute() {
    try (TemporalConnection connection = temporal.connect()) {
      SyncSchedules.of(connection).delete(name);
      out().println("unscheduled " + name);
      return ExitCodes.OK;
    }
  }
}
