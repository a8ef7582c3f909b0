package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.run.RunIds;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code avesa sync schedule}: runs a final sync periodically (a Schedule, or a cron workflow). */
@Command(
    name = "schedule",
    mixinStandardHelpOptions = true,
    description = "Run a final sync periodically: a Temporal Schedule (overlap SKIP, catch-up 1 h),"
        + " or a cron workflow where the server has no Schedules.",
    footer = {"", "Example:", "  avesa sync schedule -c examples/local.yaml --every 1h"})
final class SyncScheduleCommand extends AvesaCommand {
  @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "The configuration file (YAML).")
  Path config;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Interval when;

  static final class Interval {
    @Option(names = "--every", paramLabel = "DURATION", converter = Durations.Converter.class,
        description = "Interval: 90s, 15m, 1h30m, 1d or ISO-8601 (PT1H).")
    Duration every;

    @Option(names = "--cron", paramLabel = "EXPR", description = "Cron expression, e.g. \"0 * * * *\".")
    String cron;
  }

  @Option(names = "--id", paramLabel = "NAME", description = "Schedule id (default: {name}-final-sync).")
  String id;

  @Mixin TemporalOptions temporal;

  @Override
  protected int execute() {
    MigrationConfig loaded = StartCommand.loadConfig(config);
    if (when.every != null && when.every.isZero()) {
      throw new CliException(ExitCodes.USAGE, "--every 0s: must be positive");
    }
    if (when.every != null) {
      GateCommand.atMostCliLimit("--every", when.every);
    }
    String name = id != null ? id : RunIds.finalSyncSchedule(loaded.name());
    SyncSchedules.When spec = new SyncSchedules.When(when.every, when.cron);
    try (TemporalConnection connection = temporal.connect()) {
      String kind = SyncSchedules.of(connection).create(name, loaded, spec, out()::println);
      out().println(name + " (" + kind + ", " + spec.describe() + ")");
      return ExitCodes.OK;
    }
  }
}
