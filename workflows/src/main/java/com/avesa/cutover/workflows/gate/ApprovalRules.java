package com.avesa.cutover.workflows.gate;

import com.avesa.cutover.workflows.config.ApprovalsConfig;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Who may decide a gate, and (through the run's {@link GateWindow}) when it opens. Pure: the same
 * answers in the update validator, the update handler and the signal handler.
 */
public final class ApprovalRules {
  private final ApprovalsConfig config;
  private final String requestedBy;
  private final GateWindow window;

  public ApprovalRules(ApprovalsConfig config, String requestedBy, GateWindow window) {
    this.config = config;
    this.requestedBy = requestedBy;
    this.window = window == null ? GateWindow.NONE : window;
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
    return window.refuse(approval, now);
  }

  /** Why {@code rejection} cannot reject now, or null when it can. */
  public String refuseRejection(Approval rejection, String pendingGate) {
    return refuseDecision(rejection, pendingGate);
  }

  /**
   * The checks that do not depend on who decides (a validator's, before STS told who signed the
   * proof): a record, the pending gate, a reason, and for an approval the window it asks for
   * (the cutover gate's start, not in the past).
   */
  public String refuseBeforeIdentity(Approval decision, String pendingGate, boolean approving, Instant now) {
    String refusal = refuseGateAndReason(decision, pendingGate);
    if (refusal == null && approving) {
      return window.refuse(decision, now);
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

  private static Set<String> approvers(List<ApprovalRecord> decided, String gate) {
    Set<String> names = new LinkedHashSet<>();
    for (ApprovalRecord a : decided) {
      if (gate.equals(a.gate()) && a.decision() == ApprovalRecord.Decision.APPROVED) {
        names.add(a.approver());
      }
    }
    return names;
  }
}
