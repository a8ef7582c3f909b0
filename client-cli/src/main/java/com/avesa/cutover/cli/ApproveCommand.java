package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.approval.ApprovalProof;
import com.avesa.cutover.workflows.cutover.Gates;
import com.avesa.cutover.workflows.gate.Approval;
import com.avesa.cutover.workflows.gate.ApprovalRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code avesa approve}: approves a pending gate of a running cutover with the {@code approveGate} update. */
@Command(
    name = "approve",
    mixinStandardHelpOptions = true,
    description = "Approve a pending gate (execute, cutover, signOff, validation, decommission) as --identity. The run "
        + "answers at once: accepted (exit 0) or refused with its reason (exit 1).",
    footer = {"", "Example:",
        "  avesa approve avesa-prod-cutover --gate cutover --reason CAB-123 \\",
        "      --window-start 2026-12-01T02:00:00Z",
        "  avesa approve avesa-prod-cutover --gate signOff --reason 'all green' \\",
        "      --wait-gate 10m",
        "  avesa approve avesa-prod-isolate --gate execute --reason CAB-123"})
final class ApproveCommand extends GateCommand {
  static final String NOW = "now";

  @Option(names = "--window-start", paramLabel = "WHEN",
      description = "cutover gate only: when the maintenance window starts, `now` or an ISO-8601 instant "
          + "(default: now).")
  String windowStart;

  private String checkedWindowStart;

  @Override
  protected void checkOptions() {
    if (windowStart != null && !Gates.CUTOVER.equals(gate)) {
      throw new CliException(ExitCodes.USAGE, "--window-start: only the cutover gate opens a window, not " + gate);
    }
    checkedWindowStart = windowStart == null ? null : parseWindowStart(windowStart);
  }

  @Override
  protected String windowStart() {
    return checkedWindowStart;
  }

  /** {@code now}, or the instant as ISO-8601 UTC; exit 2 naming the flag for anything else. */
  static String parseWindowStart(String value) {
    String text = value.strip();
    if (NOW.equalsIgnoreCase(text)) {
      return NOW;
    }
    try {
      return Instant.parse(text).toString();
    } catch (DateTimeParseException notUtc) {
      try {
        return OffsetDateTime.parse(text).toInstant().toString();
      } catch (DateTimeParseException e) {
        throw new CliException(ExitCodes.USAGE, "--window-start: '" + value
            + "' is neither `now` nor an ISO-8601 instant such as 2026-12-01T02:00:00Z");
      }
    }
  }

  @Override
  protected String decisionKind() {
    return ApprovalProof.APPROVE;
  }

  @Override
  protected void decide(CutoverControl control, String holder, Approval approval) {
    ApprovalRecord record = control.update(holder, "approveGate", ApprovalRecord.class, approval, "approval");
    Optional<GateView> after = control.progress(holder);
    String approver = record != null && record.approver() != null ? record.approver() : approval.approver();
    StringBuilder line = new StringBuilder(approver + " approved gate " + gate + " of " + holder);
    Integer needed = after.map(report -> gate.equals(report.pendingGate()) ? report.approvalsNeeded() : 0).orElse(null);
    if (needed != null) {
      line.append(needed == 0 ? ": no more approvals needed"
          : ": " + needed + " more approval" + (needed == 1 ? "" : "s") + " needed");
    }
    Instant start = record != null && record.windowStart() != null ? record.windowStart()
        : after.map(GateView::windowStart).orElse(null);
    if (Gates.CUTOVER.equals(gate)) {
      line.append("; window starts ").append(start == null ? "when the last approval arrives" : CutoverPrinter.time(start));
    }
    printDecision(line.toString(), new GateDecision(holder, gate, ApprovalRecord.Decision.APPROVED, approver,
        approval.reason(), needed, start));
  }
}
