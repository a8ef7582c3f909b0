package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.isolation.IsolationReport;
import com.avesa.cutover.workflows.report.RunFacts;
import com.avesa.cutover.workflows.run.RunKind;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import java.util.Optional;

/**
 * The report of a run of any kind, for {@code avesa report}: a finished run's result (or the report
 * its failure carries); a running isolation, cutover or rollback's state so far (their progress is
 * their report). Other kinds report once they end.
 */
final class RunReports {
  static final String MIGRATION_TYPE = RunKind.MIGRATION.workflowType();

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
  Object report(WorkflowExecutionInfo info) {
    String workflowId = info.getExecution().getWorkflowId();
    String type = info.getType().getName();
    String status = RunInspector.status(info);
    // A cancelled run ends CANCELED without a result: its state is still answered by the query.
    boolean open = RunStatus.RUNNING.equals(status) || "CANCELED".equals(status);
    if (PhaseRuns.ISOLATE.type().equals(type)) {
      return open ? progress(workflowId, IsolationReport.class) : PhaseRuns.ISOLATE.awaitReport(connection, workflowId);
    }
    if (CutoverRuns.isCutover(type)) {
      return open ? progress(workflowId, CutoverReport.class) : new CutoverRuns(connection).awaitReport(workflowId);
    }
    Optional<PhaseRuns> phase = PhaseRuns.ofType(type);
    if (phase.isEmpty() && !MIGRATION_TYPE.equals(type)) {
      throw new CliException(ExitCodes.RUN_FAILED, "run " + workflowId + " is a " + type + ", which has no report: "
          + "`avesa status " + workflowId + "` shows its state");
    }
    if (RunStatus.RUNNING.equals(status)) {
      throw new CliException(ExitCodes.RUN_FAILED, "run " + workflowId + " is still running; its report comes when it "
          + "ends: `avesa status " + workflowId + "` shows its progress now");
    }
    return phase.isPresent() ? phase.get().awaitReport(connection, workflowId)
        : new MigrationRuns(connection).awaitReport(workflowId, null);
  }

  private <R> R progress(String workflowId, Class<R> type) {
    return inspector.progress(workflowId, type).orElseThrow(() -> new CliException(ExitCodes.RUN_FAILED,
        "no worker answered the progress query of " + workflowId + ": is a worker polling its task queue?"));
  }
}
