package com.avesa.cutover.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code avesa sync schedules}: the periodic final syncs (Schedules, or cron workflows). */
@Command(
    name = "schedules",
    mixinStandardHelpOptions = true,
    description = "List the periodic final syncs: name, kind (schedule or cron), when, state.",
    footer = {"", "Example:", "  avesa sync schedules --json"})
final class SyncSchedulesCommand extends AvesaCommand {
  @Mixin OutputOptions output;

  @Mixin TemporalOptions temporal;

  @Override
  protected int execute() {
    try (TemporalConnection connection = temporal.connect()) {
      List<SyncSchedules.Entry> entries = SyncSchedules.of(connection).list();
      if (output.json()) {
        output.format().printAll(entries, out());
        return ExitCodes.OK;
      }
      String format = "%-32s %-9s %-24s %s%n";
      out().printf(format, "NAME", "KIND", "WHEN", "STATE");
      entries.forEach(e -> out().printf(format, e.name(), e.kind(), e.spec(), e.state()));
      return ExitCodes.OK;
    }
  }
}
