package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.cutover.CutoverInput;
import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.cutover.RollbackInput;
import com.avesa.cutover.workflows.run.RunIds;
import com.avesa.cutover.workflows.run.RunKind;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.failure.TemporalFailure;
import java.io.PrintWriter;
import java.util.Optional;

/** Starts {@code CutoverWorkflow} and {@code RollbackWorkflow} runs and reads their reports. */
final class CutoverRuns {
  static final String CUTOVER_TYPE = RunKind.CUTOVER.workflowType();
  static final String ROLLBACK_TYPE = RunKind.ROLLBACK.workflowType();

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
    return RunIds.cutover(config.name());
  }

  /** The workflow id {@code avesa rollback --after} uses unless {@code --id} is given. */
  static String rollbackId(String cutoverId) {
    return RunIds.rollback(cutoverId);
  }

  /** The start of a cutover of {@code config} requested by {@code requestedBy} ({@link #launch}). */
  static RunStarter.RunStart cutover(MigrationConfig config, String requestedBy, String workflowId, String startProof) {
    return new RunStarter.RunStart(RunKind.CUTOVER, workflowId, config.name(), CutoverSummary.summary(config),
        CutoverSummary.details(config, requestedBy), new CutoverInput(config, requestedBy, startProof));
  }

  /** The start of the rollback of a finished cutover, requested by {@code requestedBy} ({@link #launch}). */
  static RunStarter.RunStart rollback(CutoverReport cutover, String requestedBy, String reason, String workflowId) {
    return new RunStarter.RunStart(RunKind.ROLLBACK, workflowId, cutover.name(),
        CutoverSummary.rollbackSummary(cutover, requestedBy, reason), new RollbackInput(cutover, requestedBy, reason));
  }

  /**
   * Starts a cutover or rollback ({@link RunFollower#launch}): prints its workflow id
   * ({@link OutputOptions.Format#started}) and returns 0, or, when {@code wait}, follows the run's
   * progress, prints its report as {@code avesa result} does and returns its exit code.
   *
   * @throws CliException (exit 1) when a run with that id is already running
   */
  int launch(RunStarter.RunStart start, boolean wait, OutputOptions.Format format, PrintWriter out, PrintWriter err) {
    return RunFollower.launch(connection, start, wait, format, out,
        () -> CutoverPrinter.printOutcome(awaitReport(start.workflowId()), format, out, err));
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
