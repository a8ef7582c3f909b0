package com.avesa.cutover.workflows.decommission;

import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import java.time.Instant;
import java.util.List;

/**
 * What one run of a decommission hands to the next on continue-as-new: cursors, counters and the
 * report so far, never key lists. The chain keeps its workflow id, so {@code status}, {@code approve}
 * and {@code report} reach whichever run is current.
 *
 * @param phase where the next run resumes: {@code ARCHIVE} (at {@code archive}) or {@code REMOVING}
 *     (the gate was approved; at removal number {@code removalsDone}, in runbook order)
 * @param runs runs completed before the next one
 * @param started when the first run started
 * @param retentionEnds the retention's absolute end once it was set, else null
 * @param approvals every decision recorded so far, REFUSED signals included
 * @param requestedBy who started the chain, as its first run verified it (an ARN under aws-iam)
 */
public record DecommissionCheckpoint(
    String phase,
    int runs,
    Instant started,
    ArchiveCursor archive,
    int removalsDone,
    List<ArchiveRecord> archives,
    List<PhaseItem> changed,
    List<PhaseItem> unchanged,
    List<String> problems,
    long problemsOmitted,
    Instant retentionEnds,
    List<ApprovalRecord> approvals,
    String requestedBy) {

  public DecommissionCheckpoint {
    archives = archives == null ? List.of() : List.copyOf(archives);
    changed = changed == null ? List.of() : List.copyOf(changed);
    unchanged = unchanged == null ? List.of() : List.copyOf(unchanged);
    problems = problems == null ? List.of() : List.copyOf(problems);
    approvals = approvals == null ? List.of() : List.copyOf(approvals);
  }

  /** The same checkpoint carrying the chain's verified requester. */
  public DecommissionCheckpoint withRequestedBy(String requester) {
    return new DecommissionCheckpoint(phase, runs, started, archive, removalsDone, archives, changed, unchanged,
        problems, problemsOmitted, retentionEnds, approvals, requester);
  }
}
