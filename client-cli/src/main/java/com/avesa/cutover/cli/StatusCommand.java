package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.migration.MigrationProgress;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code avesa status}: state, current step, progress and history length of a run. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show a run's state, current step, progress and history length.",
    footer = {"", "Example:", "  avesa status avesa-prod-copy --json", "  avesa status avesa-prod-copy --watch --interval 5"})
final class StatusCommand extends AvesaCommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The workflow id, e.g. avesa-prod-copy.")
  String workflowId;

  @Mixin OutputOptions output;

  @Option(names = "--watch", description = "Redraw the progress every interval until the run ends; exit as `result` would.")
  boolean watch;

  @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "2",
      description = "Seconds between samples with --watch (default: ${DEFAULT-VALUE}).")
  int interval;

  @Mixin TemporalOptions temporal;

  @Override
  protected int execute() throws InterruptedException {
    if (interval < 1) {
      throw new CliException(ExitCodes.USAGE, "--interval must be at least 1 second, not " + interval);
    }
    try (TemporalConnection connection = temporal.connect()) {
      RunInspector inspector = new RunInspector(connection);
      if (watch) {
        return watch(connection, inspector);
      }
      RunStatus status = inspector.inspect(workflowId);
      if (output.json()) {
        out().println(Json.write(status));
      } else {
        print(status, out());
      }
      return ExitCodes.OK;
    }
  }

  private int watch(TemporalConnection connection, RunInspector inspector) throws InterruptedException {
    boolean terminal = System.console() != null && !output.json();
    RunStatus last = new StatusWatch(() -> inspector.inspect(workflowId), Duration.ofSeconds(interval), terminal, out())
        .watch();
    out().printf("run %s ended: %s%n", workflowId, last.status());
    return StatusWatch.exitCode(last, () -> new MigrationRuns(connection).awaitReport(workflowId, null));
  }

  private static void print(RunStatus status, PrintWriter out) {
    out.printf("%s (run %s): %s%n", status.workflowId(), status.runId(), status.status());
    out.printf("  started  %s%n", status.startTime());
    if (status.closeTime() != null) {
      out.printf("  closed   %s%n", status.closeTime());
    }
    out.printf("  history  %d events%n", status.historyLength());
    MigrationProgress progress = status.progress();
    if (progress == null) {
      out.println("  progress unavailable (no worker answered the query)");
      return;
    }
    out.printf("  %s %s: %s%n", progress.mode(), progress.phase(), progress.step());
    out.printf("  objects  %d listed, %d copied (%s)%n",
        progress.objects(), progress.objectsCopied(), ReportPrinter.bytes(progress.bytes()));
    out.printf("  items    %d listed, %d copied%n", progress.items(), progress.itemsCopied());
    out.printf("  secrets  %d copied%n", progress.secretsCopied());
    out.printf("  pages %d, problems %d, runs %d%n", progress.pages(), progress.problems(), progress.runs());
  }
}
