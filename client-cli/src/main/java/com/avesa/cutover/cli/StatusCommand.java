package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.migration.MigrationProgress;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code avesa status}: state, current step, progress and history length of a run. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show a run's state, current step, progress and history length.",
    footer = {"", "Example:", "  avesa status avesa-prod-copy --json"})
final class StatusCommand extends AvesaCommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The workflow id, e.g. avesa-prod-copy.")
  String workflowId;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Mixin TemporalOptions temporal;

  @Override
  protected int execute() {
    try (TemporalConnection connection = temporal.connect()) {
      RunStatus status = new RunInspector(connection).inspect(workflowId);
      if (json) {
        out().println(Json.write(status));
      } else {
        print(status, out());
      }
      return ExitCodes.OK;
    }
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
