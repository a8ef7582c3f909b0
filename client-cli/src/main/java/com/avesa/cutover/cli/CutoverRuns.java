package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.RunSearchAttributes;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.cutover.CutoverInput;
import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.cutover.CutoverWorkflow;
import com.avesa.cutover.workflows.cutover.RollbackInput;
import com.avesa.cutover.workflows.cutover.RollbackWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.TemporalFailure;
import java.io.PrintWriter;
import java.util.Optional;

/** Starts {@code CutoverWorkflow} and {@code RollbackWorkflow} runs and reads their reports. */
final class CutoverRuns {
  static final String CUTOVER_TYPE = "CutoverWorkflow";
  static final String ROLLBACK_TYPE = "RollbackWorkflow";

  private final TemporalConnection connection;

  CutoverRuns(TemporalConnection connection) {
    this.connection = connection;
  }

  /** True for the workflow types whose state is a {@link CutoverReport}. */
  static boolean isCutover(String workflowType) {
    return CUTOVER_TYPE.equals(workflowType) || ROLLBACK_TYPE.equals(workflowType);
  }

  /** The workflow id {@code avesa cutover} uses unless {@code --id} is given: {@code {name}-cutover}. */
  static String defaultId(MigrationConfig config) {
    return config.name() + "-cutover";
  }

  /** The workflow id {@code avesa rollback --after} uses unless {@code --id} is given. */
  static String rollbackId(String cutoverId) {
    return cutoverId + "-rollback";
  }

  /**
   * Starts a cutover of {@code config} requested by this connection's identity.
   *
   * @throws CliException (exit 1) when a run with that id is already running
   */
  String startCutover(MigrationConfig config, String workflowId, String startProof) {
    WorkflowOptions options = MigrationRuns.startOptions(workflowId)
        .setStaticSummary(CutoverSummary.summary(config))
        .setStaticDetails(CutoverSummary.details(config, connection.identity()))
        .setTypedSearchAttributes(connection.runSearchAttributes(config.name(), RunSearchAttributes.CUTOVER))
        .build();
    CutoverWorkflow workflow = connection.client().newWorkflowStub(CutoverWorkflow.class, options);
    try {
      WorkflowClient.start(workflow::cutover, new CutoverInput(config, connection.identity(), startProof));
    } catch (WorkflowExecutionAlreadyStarted e) {
      throw MigrationRuns.alreadyRunning(workflowId);
    }
    return workflowId;
  }

  /**
   * Starts the rollback of a finished cutover, requested by this connection's identity.
   *
   * @throws CliException (exit 1) when a run with that id is already running
   */
  String startRollback(CutoverReport cutover, String reason, String workflowId) {
    WorkflowOptions options = MigrationRuns.startOptions(workflowId)
        .setStaticSummary(CutoverSummary.rollbackSummary(cutover, connection.identity(), reason))
        .setTypedSearchAttributes(connection.runSearchAttributes(cutover.name(), RunSearchAttributes.ROLLBACK))
        .build();
    RollbackWorkflow workflow = connection.client().newWorkflowStub(RollbackWorkflow.class, options);
    try {
      WorkflowClient.start(workflow::rollBack, new RollbackInput(cutover, connection.identity(), reason));
    } catch (WorkflowExecutionAlreadyStarted e) {
      throw MigrationRuns.alreadyRunning(workflowId);
    }
    return workflowId;
  }

  /**
   * After a start: prints the workflow id ({@link OutputOptions.Format#started}) and returns 0, or,
   * when {@code wait}, follows the run's progress, prints its report as {@code avesa result} does
   * and returns its exit code.
   */
  int printStarted(String workflowId, boolean wait, OutputOptions.Format format, PrintWriter out, PrintWriter err) {
    return RunFollower.afterStart(connection, workflowId, ProgressKind.CUTOVER, wait, format, out,
        () -> CutoverPrinter.printOutcome(awaitReport(workflowId), format, out, err));
  }

  /**
   * Waits for a cutover or rollback to end and returns its report (a finished run returns it
   * whatever the outcome).
   *
   * @throws CliException (exit 1) when there is no such run, or it failed or was terminated
   *     without a report
   */
  CutoverReport awaitReport(String workflowId) {
    try {
      return connection.client().newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty())
          .getResult(CutoverReport.class);
    } catch (WorkflowNotFoundException e) {
      throw RunInspector.noSuchRun(connection, workflowId);
    } catch (WorkflowFailedException e) {
      throw new CliException(ExitCodes.RUN_FAILED,
          "run " + workflowId + " ended without a report: " + failureMessage(e));
    }
  }

  private static String failureMessage(WorkflowFailedException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof TemporalFailure failure && failure.getOriginalMessage() != null
          && !failure.getOriginalMessage().isBlank()) {
        return failure.getOriginalMessage();
      }
    }
    return e.getMessage();
  }
}
