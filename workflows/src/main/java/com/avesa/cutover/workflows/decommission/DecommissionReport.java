package com.avesa.cutover.workflows.decommission;

import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.avesa.cutover.workflows.runbook.PhaseItem;
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
    String outcome,
    List<ArchiveRecord> archives,
    Instant retentionEnds,
    List<ApprovalRecord> approvals,
    List<PhaseItem> changed,
    List<PhaseItem> unchanged,
    List<String> problems,
    Instant started,
    Instant ended) {}
