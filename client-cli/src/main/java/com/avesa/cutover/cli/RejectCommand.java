package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.approval.ApprovalProof;
import com.avesa.cutover.workflows.gate.Approval;
import com.avesa.cutover.workflows.gate.ApprovalRecord;
import picocli.CommandLine.Command;

/** {@code avesa reject}: rejects a pending gate of a running cutover with the {@code rejectGate} update. */
@Command(
    name = "reject",
    mixinStandardHelpOptions = true,
    description = "Reject a pending gate as --identity: the cutover gate ends the run with nothing changed, "
        + "the sign-off rolls it back, execute and decommission end the run with nothing more changed. "
        + "Refused with its reason: exit 1.",
    footer = {"", "Example:", "  avesa reject avesa-prod-cutover --gate cutover --reason 'release freeze'"})
final class RejectCommand extends GateCommand {
  @Override
  protected void checkOptions() {
    // --gate, --reason and --wait-gate are all this command takes.
  }

  @Override
  protected String decisionKind() {
    return ApprovalProof.REJECT;
  }

  @Override
  protected void decide(CutoverControl control, String holder, Approval rejection) {
    ApprovalRecord record = control.update(holder, "rejectGate", ApprovalRecord.class, rejection, "rejection");
    String approver = record != null && record.approver() != null ? record.approver() : rejection.approver();
    printDecision(approver + " rejected gate " + gate + " of " + holder + ": " + rejection.reason(),
        new GateDecision(holder, gate, ApprovalRecord.Decision.REJECTED, approver, rejection.reason(), null, null));
  }
}
