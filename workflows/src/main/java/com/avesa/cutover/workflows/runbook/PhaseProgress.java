package com.avesa.cutover.workflows.runbook;

import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.run.RunCounts;
import com.avesa.cutover.workflows.run.RunProgress;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * What a runbook phase run answers to its {@code progress} query. The CLI reads {@code pendingGate},
 * {@code approvalsNeeded} and {@code outcome} of every gated run (cutover, decommission, isolation)
 * alike.
 *
 * @param phase the current step, e.g. SECURITY_BASELINE, RETENTION, GATE, REMOVING, DONE
 * @param outcome RUNNING while the run goes on, then its final outcome (SUCCEEDED, FAILED, REJECTED,
 *     EXPIRED, CANCELLED)
 * @param waitUntil when the current wait ends (e.g. the retention period), else null
 * @param approvals every decision so far
 * @param changed what the run changed so far; {@code unchanged}: what it found in place
 */
public record PhaseProgress(
    String workflowId,
    String phase,
    PhaseOutcome outcome,
    String pendingGate,
    int approvalsNeeded,
    Instant waitUntil,
    List<ApprovalRecord> approvals,
    List<PhaseItem> changed,
    List<PhaseItem> unchanged,
    List<String> problems) implements RunProgress {
  @JsonIgnore
  @Override
  public RunCounts counts() {
    return new RunCounts(size(changed), size(unchanged), size(problems));
  }

  private static int size(List<?> list) {
    return list == null ? 0 : list.size();
  }
}
