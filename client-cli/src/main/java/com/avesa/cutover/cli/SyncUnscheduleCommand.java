package com.avesa.cutover.cli;

import picocli.CommandLine.Command;

/** {@code avesa sync unschedule NAME}: deletes the schedule, or terminates the cron workflow. */
@Command(
    name = "unschedule",
    mixinStandardHelpOptions = true,
    description = "Stop a periodic final sync: delete its Schedule, or terminate its cron workflow.",
    footer = {"", "Example:", "  avesa sync unschedule avesa-final-sync"})
final class SyncUnscheduleCommand extends NamedSyncCommand {
  @Override
  String actOn(SyncSchedules schedules, String name) {
    schedules.delete(name);
    return "unscheduled";
  }
}
