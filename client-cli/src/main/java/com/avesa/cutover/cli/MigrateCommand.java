package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.migration.Mode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code avesa migrate}: starts a COPY run; with {@code --wait} prints its verified report. */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = "Ensure the target, copy what is missing or different, verify everything.",
    footer = {"", "Example:", "  avesa migrate -c examples/local.yaml --wait"})
final class MigrateCommand extends StartCommand {
  @Option(names = "--wait", description = "Follow the run to its end"
      + " (its progress: redrawn on a terminal, a line per phase elsewhere, JSON lines with -o jsonl)"
      + ", then print its report.")
  boolean await;

  @Override
  protected Mode mode() {
    return Mode.COPY;
  }

  @Override
  protected boolean waitForReport() {
    return await;
  }
}
