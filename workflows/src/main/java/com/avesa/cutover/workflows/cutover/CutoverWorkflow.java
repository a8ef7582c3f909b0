package com.avesa.cutover.workflows.cutover;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Runbook phase 6: preflight → cutover gate → wait for the window → disable source ingestion →
 * final sync → switch DNS → enable target ingestion → smoke tests → monitor alarms → optional
 * sign-off. Each step registers its compensation before it acts; a failure, a rejection, an
 * operator's rollback or a window about to close undoes every change in reverse order and copies
 * what the target received back to the source.
 *
 * <p>Every gate takes a Signal (for any Temporal UI) and an Update whose validator answers at once
 * with the reason for a refusal (the CLI uses it). Signals the same rules refuse are recorded as
 * REFUSED and change nothing else. The run always returns its {@link CutoverReport}; only
 * {@link Outcome#CUT_OVER} means success.
 */
@WorkflowInterface
public interface CutoverWorkflow {

  @WorkflowMethod
  CutoverReport cutover(CutoverInput input);

  @SignalMethod(name = "approve", description = "Approve a pending gate. One JSON object: "
      + "{\"gate\":\"cutover\",\"approver\":\"alice\",\"reason\":\"CAB-123\",\"windowStart\":\"2026-12-01T02:00:00Z\"}"
      + " (windowStart: ISO-8601 or \"now\", cutover gate only). Refused approvals are recorded as REFUSED.")
  void approve(Approval approval);

  @SignalMethod(name = "reject", description = "Reject a pending gate: {\"gate\":\"cutover\",\"approver\":\"bob\","
      + "\"reason\":\"not tonight\"}. Rejecting the cutover gate ends the run with nothing changed; rejecting "
      + "the sign-off rolls back.")
  void reject(Approval rejection);

  @SignalMethod(name = "rollback", description = "Roll back now, until sign-off: {\"operator\":\"bob\","
      + "\"reason\":\"errors in canonical/\"}.")
  void rollback(RollbackRequest request);

  @UpdateMethod(name = "approveGate", description = "Approve a pending gate; answers at once, or refuses with "
      + "the reason (gate not pending, approver not allowed, requester under four eyes, no reason, window start "
      + "in the past). Same payload as the approve signal.")
  ApprovalRecord approveGate(Approval approval);

  @UpdateValidatorMethod(updateName = "approveGate")
  void validateApproval(Approval approval);

  @UpdateMethod(name = "rejectGate", description = "Reject a pending gate; refuses with the reason when the gate "
      + "is not pending, the approver is not allowed or the reason is missing.")
  ApprovalRecord rejectGate(Approval rejection);

  @UpdateValidatorMethod(updateName = "rejectGate")
  void validateRejection(Approval rejection);

  @UpdateMethod(name = "requestRollback", description = "Roll back now (until sign-off); refuses when the run "
      + "is past sign-off, already rolling back, or the reason is missing.")
  String requestRollback(RollbackRequest request);

  @UpdateValidatorMethod(updateName = "requestRollback")
  void validateRollback(RollbackRequest request);

  @QueryMethod(name = "progress", description = "The run's state: phase, step, pending gate, window, approvals, "
      + "steps, compensations.")
  CutoverReport progress();
}
