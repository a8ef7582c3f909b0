package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.Deadlines;
import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.config.DurationLimits;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Who may decide a gate, and when it opens. Pure: the same answers in the update validator, the
 * update handler and the signal handler.
 */
public final class ApprovalRules {
  /** How far in the past an approved window start may lie (clock skew between people and server). */
  static final Duration PAST_TOLERANCE = Duration.ofMinutes(1);

  private final ApprovalsConfig config;
  private final String requestedBy;

  public ApprovalRules(ApprovalsConfig config, String requestedBy) {
    this.config = config;
    this.requestedBy = requestedBy;
  }

  /** Why {@code approval} cannot approve now, or null when it can. */
  public String refuseApproval(Approval approval, String pendingGate, List<ApprovalRecord> decided, Instant now) {
    String common = refuseDecision(approval, pendingGate);
    if (common != null) {
      return common;
    }
    String approver = approval.approver().trim();
    if (config.fourEyes() && approver.equals(requestedBy)) {
      return "four eyes: " + approver + " started this run and cannot approve it; another approver must";
    }
    if (approvers(decided, approval.gate()).contains(approver)) {
      return approver + " already approved gate " + approval.gate() + "; " + needed(decided, approval.gate())
          + " more approval(s) needed from someone else";
    }
    if (Gates.CUTOVER.equals(approval.gate())) {
      return refuseWindowStart(approval.windowStart(), now);
    }
    return null;
  }

  /** Why {@code rejection} cannot reject now, or null when it can. */
  public String refuseRejection(Approval rejection, String pendingGate) {
    return refuseDecision(rejection, pendingGate);
  }

  /**
   * The checks that do not depend on who decides (a validator's, before STS told who signed the
   * proof): a record, the pending gate, a reason, and for an approval of the cutover gate a window
   * start that is not in the past.
   */
  public String refuseBeforeIdentity(Approval decision, String pendingGate, boolean approving, Instant now) {
    String refusal = refuseGateAndReason(decision, pendingGate);
    if (refusal == null && approving && Gates.CUTOVER.equals(decision.gate())) {
      return refuseWindowStart(decision.windowStart(), now);
    }
    return refusal;
  }

  /**
   * Whether {@code who} is one of {@code approvers}: equal to an entry, or matching an entry with
   * {@code *}, which stands for any run of characters within one {@code /}-separated segment
   * ({@code arn:aws:sts::111122223333:assumed-role/CabApprover/*} matches every session of that role).
   */
  public static boolean listed(List<String> approvers, String who) {
    for (String entry : approvers) {
      if (entry.equals(who) || (entry.contains("*") && who.matches(globRegex(entry)))) {
        return true;
      }
    }
    return false;
  }

  private static String globRegex(String glob) {
    return Arrays.stream(glob.split("\\*", -1)).map(Pattern::quote)
        .collect(Collectors.joining("[^/]*"));
  }

  /** Approvals the gate still needs, given what was decided so far. */
  public int needed(List<ApprovalRecord> decided, String gate) {
    return Math.max(0, config.required() - approvers(decided, gate).size());
  }

  /**
   * The window start the approvals of the cutover gate agreed on: the last one given, else
   * {@code opened} (the moment the gate opened).
   */
  static Instant windowStart(List<ApprovalRecord> decided, Instant opened) {
    Instant start = null;
    for (ApprovalRecord a : decided) {
      if (Gates.CUTOVER.equals(a.gate()) && ApprovalRecord.APPROVED.equals(a.decision()) && a.windowStart() != null) {
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

  private String refuseDecision(Approval decision, String pendingGate) {
    String refusal = refuseGateAndReason(decision, pendingGate);
    if (refusal != null) {
      return refusal;
    }
    if (decision.approver() == null || decision.approver().isBlank()) {
      return "approver is required";
    }
    String approver = decision.approver().trim();
    if (!config.approvers().isEmpty() && !listed(config.approvers(), approver)) {
      return approver + " is not an approver (approvals.approvers: " + String.join(", ", config.approvers()) + ")";
    }
    return null;
  }

  private static String refuseGateAndReason(Approval decision, String pendingGate) {
    if (decision == null) {
      return "an approval record is required: {\"gate\",\"approver\",\"reason\",\"windowStart\"}";
    }
    if (decision.gate() == null || decision.gate().isBlank()) {
      return "gate is required" + (pendingGate == null ? "" : " (pending: " + pendingGate + ")");
    }
    if (!decision.gate().equals(pendingGate)) {
      return "gate " + decision.gate() + " is not pending"
          + (pendingGate == null ? " (no gate is pending now)" : " (pending: " + pendingGate + ")");
    }
    if (decision.reason() == null || decision.reason().isBlank()) {
      return "a reason is required (e.g. the change ticket)";
    }
    return null;
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

  private static Set<String> approvers(List<ApprovalRecord> decided, String gate) {
    Set<String> names = new LinkedHashSet<>();
    for (ApprovalRecord a : decided) {
      if (gate.equals(a.gate()) && ApprovalRecord.APPROVED.equals(a.decision())) {
        names.add(a.approver());
      }
    }
    return names;
  }
}
