package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.run.RunCounts;
import com.avesa.cutover.workflows.run.RunProgress;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * The state of a cutover (the {@code progress} query) and, once it ended, its result. Also the
 * result of a {@code RollbackWorkflow}. Carries names, times and decisions, never data or secrets.
 *
 * @param kind CUTOVER or ROLLBACK
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
    String kind,
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
    IngestionPause ingestionPause) implements RunProgress {

  public static final String CUTOVER = "CUTOVER";
  public static final String ROLLBACK = "ROLLBACK";

  /** A report without the measured ingestion pause. */
  public CutoverReport(String workflowId, String kind, String name, Outcome outcome, String phase, String step,
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
    long done = steps.stream().filter(s -> StepRecord.DONE.equals(s.status())).count();
    long failed = steps.stream().filter(s -> StepRecord.FAILED.equals(s.status())).count();
    return new RunCounts(done, 0, failed + remaining.size());
  }
}
