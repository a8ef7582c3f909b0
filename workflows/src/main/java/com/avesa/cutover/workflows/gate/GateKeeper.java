package com.avesa.cutover.workflows.gate;

import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.cutover.Approval;
import com.avesa.cutover.workflows.cutover.ApprovalRecord;
import com.avesa.cutover.workflows.cutover.ApprovalRules;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The gates of one run: which one is pending, the decisions so far, and waiting for a decision.
 * Signals, updates and their validators all come here, so the UI and the CLI are judged by the
 * same {@link ApprovalRules} as the cutover's. Workflow-thread only.
 */
public final class GateKeeper {
  /** How a gate ended. */
  public enum Decision { APPROVED, REJECTED, EXPIRED }

  private final ApprovalRules rules;
  private final Duration timeout;
  private final List<ApprovalRecord> approvals = new ArrayList<>();
  private final Runnable onChange;
  private String pendingGate;

  /**
   * @param requestedBy the identity that started the run (four eyes)
   * @param onChange called after every change (to republish the run's details); may be null
   */
  public GateKeeper(ApprovalsConfig config, String requestedBy, Runnable onChange) {
    ApprovalsConfig approvals = config == null ? ApprovalsConfig.defaults() : config;
    this.rules = new ApprovalRules(approvals, requestedBy);
    this.timeout = approvals.timeout();
    this.onChange = onChange == null ? () -> { } : onChange;
  }

  /** The gate waiting for decisions, or null. */
  public String pendingGate() {
    return pendingGate;
  }

  /** Approvals the pending gate still needs; 0 when none is pending. */
  public int approvalsNeeded() {
    return pendingGate == null ? 0 : rules.needed(approvals, pendingGate);
  }

  /** Every decision so far, REFUSED signals included, in order. */
  public List<ApprovalRecord> approvals() {
    return List.copyOf(approvals);
  }

  /** Takes over the decisions an earlier run of the same workflow recorded before it continued as new. */
  public void resume(List<ApprovalRecord> decided) {
    if (decided != null) {
      approvals.addAll(decided);
    }
  }

  /**
   * Opens {@code gate} and blocks until it is approved (by as many approvers as the config
   * requires), rejected, or the approvals timeout passes.
   */
  public Decision await(String gate) {
    pendingGate = gate;
    onChange.run();
    boolean decided = Workflow.await(timeout, () -> rejection(gate) != null || rules.needed(approvals, gate) == 0);
    pendingGate = null;
    onChange.run();
    if (!decided) {
      return Decision.EXPIRED;
    }
    return rejection(gate) != null ? Decision.REJECTED : Decision.APPROVED;
  }

  /** The rejection of {@code gate}, or null. */
  public ApprovalRecord rejection(String gate) {
    return approvals.stream()
        .filter(a -> gate.equals(a.gate()) && ApprovalRecord.REJECTED.equals(a.decision()))
        .findFirst().orElse(null);
  }

  /** Who approved {@code gate}, comma-separated. */
  public String approvedBy(String gate) {
    return String.join(", ", approvals.stream()
        .filter(a -> gate.equals(a.gate()) && ApprovalRecord.APPROVED.equals(a.decision()))
        .map(ApprovalRecord::approver).toList());
  }

  /** The update validator: throws with the reason when {@code approval} cannot approve now. */
  public void validateApproval(Approval approval) {
    refuseIf(rules.refuseApproval(approval, pendingGate, approvals, now()));
  }

  /** The update validator: throws with the reason when {@code rejection} cannot reject now. */
  public void validateRejection(Approval rejection) {
    refuseIf(rules.refuseRejection(rejection, pendingGate));
  }

  /** The update handler, after its validator accepted. */
  public ApprovalRecord approveGate(Approval approval) {
    return record(approval, ApprovalRecord.APPROVED, null);
  }

  /** The update handler, after its validator accepted. */
  public ApprovalRecord rejectGate(Approval rejection) {
    return record(rejection, ApprovalRecord.REJECTED, null);
  }

  /** The signal handler: the same rules, a refusal recorded as REFUSED. */
  public void approveSignal(Approval approval) {
    String refusal = rules.refuseApproval(approval, pendingGate, approvals, now());
    record(approval, refusal == null ? ApprovalRecord.APPROVED : ApprovalRecord.REFUSED, refusal);
  }

  /** The signal handler: the same rules, a refusal recorded as REFUSED. */
  public void rejectSignal(Approval rejection) {
    String refusal = rules.refuseRejection(rejection, pendingGate);
    record(rejection, refusal == null ? ApprovalRecord.REJECTED : ApprovalRecord.REFUSED, refusal);
  }

  private ApprovalRecord record(Approval approval, String decision, String note) {
    Approval a = approval == null ? new Approval(null, null, null, null) : approval;
    ApprovalRecord record = new ApprovalRecord(a.gate(), a.approver() == null ? null : a.approver().trim(), decision,
        a.reason(), now(), null, note);
    approvals.add(record);
    onChange.run();
    return record;
  }

  private static void refuseIf(String refusal) {
    if (refusal != null) {
      throw new IllegalArgumentException(refusal);
    }
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
