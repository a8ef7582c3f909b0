package com.avesa.cutover.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code avesa sync resume NAME}: resumes a Temporal Schedule. A cron workflow (servers without
 * Schedules) cannot be resumed: exit 2 with how to stop and restart it instead.
 */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = "Resume a periodic final sync (Temporal Schedules only).",
    footer = {"", "Example:", "  avesa sync resume avesa-final-sync"})
final class SyncResumeCommand extends AvesaCommand {
  @Parameters(paramLabel = "NAME", description = "The schedule id (see `avesa sync schedules`).")
  String name;

  @Mixin TemporalOptions temporal;

  @Override
  protected int execute() {
    try (TemporalConnection connection = temporal.connect()) {
      SyncSchedules.of(connection).setPaused(name, false, "avesa sync resume");
      out().println("resumed " + name);
      return ExitCodes.OK;
    }
  }
}
