package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.RunSearchAttributes;
import com.avesa.cutover.workflows.TaskQueues;
import com.avesa.cutover.workflows.config.BucketMapping;
import com.avesa.cutover.workflows.config.DataConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.migration.DataMigrationWorkflow;
import com.avesa.cutover.workflows.migration.MigrationInput;
import com.avesa.cutover.workflows.migration.MigrationReport;
import com.avesa.cutover.workflows.migration.Mode;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Starts {@code DataMigrationWorkflow} runs and reads their reports. */
final class MigrationRuns {
  private static final int MAX_SUMMARY = 400;

  private final TemporalConnection connection;

  MigrationRuns(TemporalConnection connection) {
    this.connection = connection;
  }

  /** The workflow id a mode uses unless {@code --id} is given: {@code {name}-plan|copy|sync}. */
  static String defaultId(MigrationConfig config, Mode mode) {
    return config.name() + "-" + mode.name().toLowerCase(Locale.ROOT);
  }

  /**
   * Starts a run and returns its workflow id.
   *
   * @throws CliException (exit 1) when a run with that id is already running
   */
  String start(MigrationConfig config, Mode mode, String workflowId) {
    return start(MigrationInput.of(config, mode), workflowId);
  }

  /** {@link #start(MigrationConfig, Mode, String)} for any input (a reverse plan). */
  String start(MigrationInput input, String workflowId) {
    String summary = summary(input.config(), input.mode());
    WorkflowOptions options = startOptions(workflowId)
        .setStaticSummary(input.reversed() && input.mode() != Mode.REVERSE ? "REVERSE " + summary : summary)
        .setTypedSearchAttributes(connection.runSearchAttributes(input.config().name(), RunSearchAttributes.MIGRATION)).build();
    DataMigrationWorkflow workflow =
        connection.client().newWorkflowStub(DataMigrationWorkflow.class, options);
    try {
      WorkflowClient.start(workflow::migrate, input);
    } catch (WorkflowExecutionAlreadyStarted e) {
      throw alreadyRunning(workflowId);
    }
    return workflowId;
  }

  /**
   * What every run the CLI starts shares: the task queue, the id, and its policies (a running id
   * is refused, a finished one may be started again).
   */
  static WorkflowOptions.Builder startOptions(String workflowId) {
    return WorkflowOptions.newBuilder()
        .setTaskQueue(TaskQueues.AVESA_CUTOVER)
        .setWorkflowId(workflowId)
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE);
  }

  /** Exit 1: a run with that id is still running. */
  static CliException alreadyRunning(String workflowId) {
    return new CliException(ExitCodes.RUN_FAILED, "a run with id " + workflowId
        + " is already running: follow it with `avesa status " + workflowId + "`, or pass --id");
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
    boolean completed = MigrationReport.COMPLETED.equals(report.status());
    boolean verified = report.verified() || report.mode() == Mode.PLAN;
    return completed && verified ? ExitCodes.OK : ExitCodes.RUN_FAILED;
  }

  private static MigrationReport reportOf(String workflowId, Mode mode, WorkflowFailedException e) {
    return RunResults.carried(e, MigrationReport.class).orElseGet(() -> {
      String message = RunResults.firstMessage(e);
      String problem = message == null || message.isBlank() ? e.getMessage() : message;
      return new MigrationReport(workflowId, mode, MigrationReport.FAILED, false,
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
