package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.gate.ApprovalRecord;
import java.time.Instant;

/**
 * What {@code approve} and {@code reject} print with {@code -o json}: the decision the run
 * accepted.
 *
 * @param workflowId the run whose gate was decided (an isolation's child when it holds the gate)
 * @param decision APPROVED or REJECTED
 * @param by who the run recorded as deciding (under aws-iam: the ARN STS verified)
 * @param approvalsNeeded approvals the gate still needs after this one; null when unknown (a reject, or no answer)
 * @param windowStart a cutover gate's window start, when known
 */
record GateDecision(String workflowId, String gate, ApprovalRecord.Decision decision, String by, String reason,
    Integer approvalsNeeded, Instant windowStart) {}
