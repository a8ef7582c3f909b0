package com.avesa.cutover.workflows.decommission;

import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.run.RunKind;
import com.avesa.cutover.workflows.run.RunReport;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * What a decommission did.
 *
 * @param outcome SUCCEEDED, FAILED, REJECTED, EXPIRED or CANCELLED
 * @param changed every removal (and the archive copies), in order; {@code unchanged}: what was already gone
 */
public record DecommissionReport(
    String workflowId,
    PhaseOutcome outcome,
    List<ArchiveRecord> archives,
    Instant retentionEnds,
    List<ApprovalRecord> approvals,
    List<PhaseItem> changed,
    List<PhaseItem> unchanged,
    List<String> problems,
    Instant started,
    Instant ended) implements RunReport {

  @JsonIgnore
  @Override
  public RunKind kind() {
    return RunKind.DECOMMISSION;
  }
}
