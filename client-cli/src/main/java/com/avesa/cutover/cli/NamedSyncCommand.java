package com.avesa.cutover.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** A {@code sync} subcommand that acts on one periodic final sync by name and says what it did. */
abstract class NamedSyncCommand extends AvesaCommand {
  @Parameters(paramLabel = "NAME", description = "The schedule id (see `avesa sync schedules`).")
  String name;

  @Mixin TemporalOptions temporal;

  /** Acts on the sync {@code name}; returns the past participle printed before it, e.g. "paused". */
  abstract String actOn(SyncSchedules schedules, String name);

  @Override
  protected int execute() {
    try (TemporalConnection connection = temporal.connect()) {
      out().println(actOn(SyncSchedules.of(connection), name) + " " + name);
      return ExitCodes.OK;
    }
  }
}
