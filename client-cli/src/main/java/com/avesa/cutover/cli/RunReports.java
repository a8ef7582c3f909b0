package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.isolation.IsolationReport;
import com.avesa.cutover.workflows.report.RunFacts;
import com.avesa.cutover.workflows.run.RunKind;
import com.avesa.cutover.workflows.run.RunReport;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import java.util.Optional;

/**
 * The report of a run of any kind, for {@code avesa report}: a finished run's result (or the report
 * its failure carries); a running isolation, cutover or rollback's state so far (their progress is
 * their report). Other kinds report once they end.
 */
final class RunReports {
  private final TemporalConnection connection;
  private final RunInspector inspector;

  RunReports(TemporalConnection connection) {
    this.connection = connection;
    this.inspector = new RunInspector(connection);
  }

  /** The run's id, type, state and times. */
  RunFacts facts(WorkflowExecutionInfo info) {
    return new RunFacts(info.getExecution().getWorkflowId(), info.getType().getName(), RunInspector.status(info),
        RunInspector.instant(info.hasStartTime() ? info.getStartTime() : null),
        RunInspector.instant(info.hasCloseTime() ? info.getCloseTime() : null));
  }

  /**
   * The report of the run {@code info} describes.
   *
   * @throws CliException exit 1 for a kind without a report, a phase run still running, or a run
   *     that ended without one
   */
  RunReport report(WorkflowExecutionInfo info) {
    String workflowId = info.getExecution().getWorkflowId();
    String type = info.getType().getName();
    String status = RunInspector.status(info);
    // A cancelled run ends CANCELED without a result: its state is still answered by the query.
    boolean open = RunStatus.RUNNING.equals(status) || "CANCELED".equals(status);
    if (open && PhaseRuns.ISOLATE.type().equals(type)) {
      return progress(workflowId, IsolationReport.class);
    }
    boolean cutover = CutoverRuns.isCutover(type);
    if (open && cutover) {
      return progress(workflowId, CutoverReport.class);
    }
    if (!cutover && PhaseRuns.ofType(type).isEmpty() && !RunKind.MIGRATION.workflowType().equals(type)) {
      throw new CliException(ExitCodes.RUN_FAILED, "run " + workflowId + " is a " + type + ", which has no report: "
          + "`avesa status " + workflowId + "` shows its state");
    }
    if (RunStatus.RUNNING.equals(status)) {
      throw new CliException(ExitCodes.RUN_FAILED, "run " + workflowId + " is still running; its report comes when it "
          + "ends: `avesa status " + workflowId + "` shows its progress now");
    }
    return await(workflowId, type);
  }

  /**
   * Waits for the run {@code workflowId}, of workflow type {@code type}, to end and returns its
   * report: a cutover's or rollback's, a phase run's or isolation's, else a migration's.
   *
   * @throws CliException exit 1 when there is no such run, or it ended without a report
   */
  RunReport await(String workflowId, String type) {
    if (CutoverRuns.isCutover(type)) {
      return new CutoverRuns(connection).awaitReport(workflowId);
    }
    Optional<PhaseRuns> phase = PhaseRuns.ofType(type);
    return phase.isPresent() ? phase.get().awaitReport(connection, workflowId)
        : new MigrationRuns(connection).awaitReport(workflowId, null);
  }

  private <R extends RunReport> R progress(String workflowId, Class<R> type) {
    return inspector.progress(workflowId, type).orElseThrow(() -> new CliException(ExitCodes.RUN_FAILED,
        "no worker answered the progress query of " + workflowId + ": is a worker polling its task queue?"));
  }
}
