package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.avesa.cutover.workflows.run.RunCounts;
import com.avesa.cutover.workflows.run.RunKind;
import com.avesa.cutover.workflows.run.RunProgress;
import com.avesa.cutover.workflows.run.RunReport;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of a cutover (the {@code progress} query) and, once it ended, its result. Also the
 * result of a {@code RollbackWorkflow}. Carries names, times and decisions, never data or secrets.
 *
 * @param kind CUTOVER or ROLLBACK (written by name, as the strings it replaced)
 * @param phase where the run is: PREFLIGHT, GATE, WAITING_FOR_WINDOW, CUTTING_OVER, MONITORING,
 *     SIGN_OFF, ROLLING_BACK, DONE
 * @param step the step being worked on, one line
 * @param pendingGate the gate waiting for approval, or null
 * @param approvalsNeeded distinct approvals the pending gate still needs
 * @param windowStart approved start of the maintenance window, null before approval
 * @param windowEnd when the window closes
 * @param reason why the run rolled back, was rejected or expired; null otherwise
 * @param remaining one line per thing a failed rollback left undone (empty unless ROLLBACK_INCOMPLETE)
 * @param finalSyncId the child workflow that ran the final sync, or null
 * @param reverseSyncId the child workflow that copied target data back, or null
 * @param ingestionPause source rules off → target rules on and its parts; null before the source
 *     rules are off and in payloads from before it was reported
 */
public record CutoverReport(
    String workflowId,
    RunKind kind,
    String name,
    Outcome outcome,
    String phase,
    String step,
    String requestedBy,
    String pendingGate,
    int approvalsNeeded,
    Instant windowStart,
    Instant windowEnd,
    String reason,
    List<ApprovalRecord> approvals,
    List<StepRecord> steps,
    List<CompensationRecord> compensations,
    List<String> remaining,
    CutoverChanges changes,
    String finalSyncId,
    String reverseSyncId,
    MigrationConfig config,
    IngestionPause ingestionPause) implements RunProgress, RunReport {

  /** A report without the measured ingestion pause. */
  public CutoverReport(String workflowId, RunKind kind, String name, Outcome outcome, String phase, String step,
      String requestedBy, String pendingGate, int approvalsNeeded, Instant windowStart, Instant windowEnd,
      String reason, List<ApprovalRecord> approvals, List<StepRecord> steps, List<CompensationRecord> compensations,
      List<String> remaining, CutoverChanges changes, String finalSyncId, String reverseSyncId,
      MigrationConfig config) {
    this(workflowId, kind, name, outcome, phase, step, requestedBy, pendingGate, approvalsNeeded, windowStart,
        windowEnd, reason, approvals, steps, compensations, remaining, changes, finalSyncId, reverseSyncId, config,
        null);
  }

  public CutoverReport {
    approvals = approvals == null ? List.of() : List.copyOf(approvals);
    steps = steps == null ? List.of() : List.copyOf(steps);
    compensations = compensations == null ? List.of() : List.copyOf(compensations);
    remaining = remaining == null ? List.of() : List.copyOf(remaining);
  }

  /** Changed: steps done; problems: steps failed and what a failed rollback left undone (its progress, {@link RunProgress}). */
  @JsonIgnore
  @Override
  public RunCounts counts() {
    long done = steps.stream().filter(s -> s.status() == StepRecord.Status.DONE).count();
    long failed = steps.stream().filter(s -> s.status() == StepRecord.Status.FAILED).count();
    return new RunCounts(done, 0, failed + remaining.size());
  }

  /** A cutover succeeded when it went live; a rollback when it undid everything. */
  @JsonIgnore
  @Override
  public boolean succeeded() {
    return outcome == (kind == RunKind.ROLLBACK ? Outcome.ROLLED_BACK : Outcome.CUT_OVER);
  }

  /**
   * Why a run that ended otherwise than it should did (its {@code reason}), then one line per thing
   * still to undo.
   */
  @JsonIgnore
  @Override
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (outcome != null && !outcome.running() && !succeeded() && reason != null) {
      problems.add(reason);
    }
    remaining.forEach(left -> problems.add("still to undo: " + left));
    return problems;
  }
}
