package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.approval.ApprovalProof;
import com.avesa.cutover.workflows.cutover.Gates;
import com.avesa.cutover.workflows.gate.Approval;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code avesa approval-token}: the signed decision a Temporal UI user pastes into the
 * {@code approveGate} (or {@code rejectGate}) update's input, instead of typing a name.
 */
@Command(
    name = "approval-token",
    mixinStandardHelpOptions = true,
    description = "Print the approval (or with --reject the rejection) of a pending gate, signed with your AWS "
        + "credentials, as the JSON to paste into the Temporal UI: Send an Update → approveGate (rejectGate) of the "
        + "run named on stderr. Valid for 15 minutes and for one decision.",
    footer = {"", "Example:",
        "  avesa approval-token avesa-prod-cutover --gate cutover --reason CAB-123 --profile cab"})
final class ApprovalTokenCommand extends GateCommand {
  @Option(names = "--window-start", paramLabel = "WHEN",
      description = "cutover gate only: when the maintenance window starts, `now` or an ISO-8601 instant.")
  String windowStart;

  @Option(names = "--reject", description = "Sign a rejection (for the rejectGate update) instead of an approval.")
  boolean reject;

  private String checkedWindowStart;

  @Override
  protected void checkOptions() {
    if (windowStart != null && (reject || !Gates.CUTOVER.equals(gate))) {
      throw new CliException(ExitCodes.USAGE, "--window-start: only an approval of the cutover gate opens a window");
    }
    checkedWindowStart = windowStart == null ? null : ApproveCommand.parseWindowStart(windowStart);
  }

  @Override
  protected String windowStart() {
    return checkedWindowStart;
  }

  @Override
  protected String decisionKind() {
    return reject ? ApprovalProof.REJECT : ApprovalProof.APPROVE;
  }

  @Override
  protected void decide(CutoverControl control, String holder, Approval approval) {
    // The token is JSON whatever -o says: pretty, or one line with -o jsonl.
    OutputOptions.Format format = output.format() == OutputOptions.Format.jsonl ? output.format() : OutputOptions.Format.json;
    out().println(format.render(approval));
    err().println((approval.proof() == null
        ? "run " + holder + " does not verify approvals (approvals.identity: declared): this carries no proof; "
        : "valid for 15 minutes, once; ")
        + "paste it into Send an Update → " + (reject ? "rejectGate" : "approveGate") + " of run " + holder);
  }
}
