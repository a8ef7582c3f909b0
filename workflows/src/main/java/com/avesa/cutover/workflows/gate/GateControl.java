package com.avesa.cutover.workflows.gate;

import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;

/**
 * The approval handlers every gated run shares (the cutover, the decommission, the whole runbook):
 * the same names and payloads on all of them, so {@code avesa approve} and the Temporal UI work
 * alike everywhere. Implementations delegate to a {@link GateKeeper} ({@link GatedWorkflow}).
 */
public interface GateControl {

  @SignalMethod(name = "approve", description = "Approve the pending gate. One JSON object: "
      + "{\"gate\":\"cutover\",\"approver\":\"alice\",\"reason\":\"CAB-123\",\"windowStart\":\"2026-12-01T02:00:00Z\"}"
      + " (windowStart: ISO-8601 or \"now\", cutover gate only; gates: execute, cutover, signOff, validation, decommission)."
      + " Refused approvals are recorded as REFUSED; under approvals.identity aws-iam every signal is (use the"
      + " approveGate update with the output of avesa approval-token).")
  void approve(Approval approval);

  @SignalMethod(name = "reject", description = "Reject the pending gate: {\"gate\":\"cutover\",\"approver\":\"bob\","
      + "\"reason\":\"not tonight\"}. Rejecting the cutover, execute or decommission gate ends the run with nothing "
      + "more changed; rejecting the sign-off rolls the cutover back.")
  void reject(Approval rejection);

  @UpdateMethod(name = "approveGate", description = "Approve the pending gate; answers at once, or refuses with "
      + "the reason (gate not pending, approver not allowed, requester under four eyes, no reason, window start "
      + "in the past). Same payload as the approve signal; under approvals.identity aws-iam with its \"proof\" "
      + "(avesa approval-token prints the whole object), and the approver is the ARN STS answers for it.")
  ApprovalRecord approveGate(Approval approval);

  @UpdateValidatorMethod(updateName = "approveGate")
  void validateApproval(Approval approval);

  @UpdateMethod(name = "rejectGate", description = "Reject the pending gate; refuses with the reason when the gate "
      + "is not pending, the approver is not allowed or the reason is missing.")
  ApprovalRecord rejectGate(Approval rejection);

  @UpdateValidatorMethod(updateName = "rejectGate")
  void validateRejection(Approval rejection);
}
