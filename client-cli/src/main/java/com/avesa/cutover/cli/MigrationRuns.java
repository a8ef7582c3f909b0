package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.config.BucketMapping;
import com.avesa.cutover.workflows.config.DataConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.migration.MigrationInput;
import com.avesa.cutover.workflows.migration.MigrationReport;
import com.avesa.cutover.workflows.migration.Mode;
import com.avesa.cutover.workflows.run.MigrationStatus;
import com.avesa.cutover.workflows.run.RunIds;
import com.avesa.cutover.workflows.run.RunKind;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code DataMigrationWorkflow} runs: their default ids, their start ({@link RunStarter}) and their reports. */
final class MigrationRuns {
  private static final int MAX_SUMMARY = 400;

  private final TemporalConnection connection;

  MigrationRuns(TemporalConnection connection) {
    this.connection = connection;
  }

  /** The workflow id a mode uses unless {@code --id} is given: {@code {name}-plan|copy|sync}. */
  static String defaultId(MigrationConfig config, Mode mode) {
    return RunIds.of(config.name(), mode.name().toLowerCase(Locale.ROOT));
  }

  /**
   * The start of a run of {@code input} ({@link RunStarter}): kind migration (also for a sync, a
   * reverse sync and a reverse plan), summarised by {@link #summary}, REVERSE before a reverse plan's.
   */
  static RunStarter.RunStart start(MigrationInput input, String workflowId) {
    String summary = summary(input.config(), input.mode());
    return new RunStarter.RunStart(RunKind.MIGRATION, workflowId, input.config().name(),
        input.reversed() && input.mode() != Mode.REVERSE ? "REVERSE " + summary : summary, input);
  }

  /**
   * Waits for the run to end, following continue-as-new, and returns its report. A failed run
   * yields the report it carries, or a FAILED report whose only problem is the failure's message.
   *
   * @param mode the run's mode when known (for the report of a run that carried none), else null
   */
  MigrationReport awaitReport(String workflowId, Mode mode) {
    WorkflowStub stub =
        connection.client().newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty());
    try {
      return stub.getResult(MigrationReport.class);
    } catch (WorkflowNotFoundException e) {
      throw RunInspector.noSuchRun(connection, workflowId);
    } catch (WorkflowFailedException e) {
      return reportOf(workflowId, mode, e);
    }
  }

  /**
   * Prints the report on {@code out} and, for a run that failed or did not verify, one line on
   * {@code err} saying why (the first problem, and how many more). Returns the exit code.
   */
  static int printOutcome(MigrationReport report, OutputOptions.Format format, PrintWriter out, PrintWriter err) {
    ReportPrinter.print(report, format, out);
    out.flush();
    int code = exitCode(report);
    if (code != ExitCodes.OK) {
      long more = report.problems().size() + report.problemsOmitted() - 1;
      String why = report.problems().isEmpty() ? "it did not verify" : report.problems().get(0)
          + (more > 0 ? " (and " + more + " more problem(s) listed above)" : "");
      err.println("avesa: run " + report.workflowId() + " failed: " + why);
      err.flush();
    }
    return code;
  }

  /** 0 when the run completed and verified (PLAN: completed); 1 otherwise. */
  static int exitCode(MigrationReport report) {
    boolean completed = MigrationStatus.COMPLETED.equals(report.status());
    boolean verified = report.verified() || report.mode() == Mode.PLAN;
    return completed && verified ? ExitCodes.OK : ExitCodes.RUN_FAILED;
  }

  private static MigrationReport reportOf(String workflowId, Mode mode, WorkflowFailedException e) {
    return RunResults.carried(e, MigrationReport.class).orElseGet(() -> {
      String message = RunResults.firstMessage(e);
      String problem = message == null || message.isBlank() ? e.getMessage() : message;
      return new MigrationReport(workflowId, mode, MigrationStatus.FAILED, false,
          List.of(), List.of(), null, List.of(problem), 0, 0);
    });
  }

  /** One line for the UI: mode, name and what is in scope. */
  static String summary(MigrationConfig config, Mode mode) {
    DataConfig data = config.data();
    String buckets = data.buckets().stream()
        .map(BucketMapping::source).collect(Collectors.joining(", "));
    String tables = data.tables().stream()
        .map(t -> t.source()).collect(Collectors.joining(", "));
    String summary = mode + " " + config.name() + ": "
        + data.buckets().size() + " bucket(s) [" + buckets + "], "
        + data.tables().size() + " table(s) [" + tables + "], "
        + "secrets " + data.secrets().include();
    return summary.length() <= MAX_SUMMARY ? summary : summary.substring(0, MAX_SUMMARY - 1) + "…";
  }
}
