package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.Deadlines;
import com.avesa.cutover.workflows.config.DurationLimits;
import com.avesa.cutover.workflows.gate.Approval;
import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.avesa.cutover.workflows.gate.GateWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The cutover's hook on its gate keeper: an approval of gate {@link Gates#CUTOVER} may name when
 * the window starts ({@code windowStart}: an ISO-8601 instant or {@code now}), not in the past and
 * not beyond what the CLI can wait for; the approvals agree on the last start given. Pure.
 */
final class CutoverWindow implements GateWindow {
  /** How far in the past an approved window start may lie (clock skew between people and server). */
  static final Duration PAST_TOLERANCE = Duration.ofMinutes(1);

  @Override
  public String refuse(Approval approval, Instant now) {
    return Gates.CUTOVER.equals(approval.gate()) ? refuseWindowStart(approval.windowStart(), now) : null;
  }

  @Override
  public Instant start(Approval approval) {
    return Gates.CUTOVER.equals(approval.gate()) ? parseWindowStart(approval.windowStart()) : null;
  }

  /**
   * The window start the approvals of the cutover gate agreed on: the last one given, else
   * {@code opened} (the moment the gate opened).
   */
  static Instant windowStart(List<ApprovalRecord> decided, Instant opened) {
    Instant start = null;
    for (ApprovalRecord a : decided) {
      if (Gates.CUTOVER.equals(a.gate()) && a.decision() == ApprovalRecord.Decision.APPROVED && a.windowStart() != null) {
        start = a.windowStart();
      }
    }
    return start == null ? opened : start;
  }

  /** The instant an approval asks for; null for absent or {@code now}. Call after validation. */
  static Instant parseWindowStart(String windowStart) {
    if (windowStart == null || windowStart.isBlank() || windowStart.trim().equalsIgnoreCase("now")) {
      return null;
    }
    return Instant.parse(windowStart.trim());
  }

  private static String refuseWindowStart(String windowStart, Instant now) {
    Instant start;
    try {
      start = parseWindowStart(windowStart);
    } catch (DateTimeParseException e) {
      return "windowStart " + windowStart + " is not an ISO-8601 instant (e.g. 2026-12-01T02:00:00Z) or now";
    }
    if (start != null && start.isBefore(now.minus(PAST_TOLERANCE))) {
      return "windowStart " + start + " is in the past (now is " + now + "); give a later start or now";
    }
    if (start != null && start.isAfter(Deadlines.plus(now, DurationLimits.CLI))) {
      return "windowStart " + start + " is more than " + DurationLimits.describe(DurationLimits.CLI)
          + " ahead (now is " + now + "); give an earlier start";
    }
    return null;
  }
}
