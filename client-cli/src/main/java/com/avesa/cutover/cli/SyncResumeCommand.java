package com.avesa.cutover.cli;

import picocli.CommandLine.Command;

/**
 * {@code avesa sync resume NAME}: resumes a Temporal Schedule. A cron workflow (servers without
 * Schedules) cannot be resumed: exit 2 with how to stop and restart it instead.
 */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = "Resume a periodic final sync (Temporal Schedules only).",
    footer = {"", "Example:", "  avesa sync resume avesa-final-sync"})
final class SyncResumeCommand extends NamedSyncCommand {
  @Override
  String actOn(SyncSchedules schedules, String name) {
    schedules.setPaused(name, false, "avesa sync resume");
    return "resumed";
  }
}
