package com.avesa.cutover.cli;

import picocli.CommandLine.Command;

/**
 * {@code avesa sync pause NAME}: pauses a Temporal Schedule. A cron workflow (servers without
 * Schedules) cannot be paused: exit 2 with how to stop and restart it instead.
 */
@Command(
    name = "pause",
    mixinStandardHelpOptions = true,
    description = "Pause a periodic final sync (Temporal Schedules only).",
    footer = {"", "Example:", "  avesa sync pause avesa-final-sync"})
final class SyncPauseCommand extends NamedSyncCommand {
  @Override
  String actOn(SyncSchedules schedules, String name) {
    schedules.setPaused(name, true, "avesa sync pause");
    return "paused";
  }
}
