package com.avesa.cutover.workflows.gate;

import static com.avesa.cutover.workflows.run.WorkflowClock.now;

import com.avesa.cutover.workflows.approval.ApprovalAuthority;
import com.avesa.cutover.workflows.approval.ApprovalLog;
import com.avesa.cutover.workflows.approval.GateJudge;
import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.cutover.Approval;
import com.avesa.cutover.workflows.cutover.ApprovalRecord;
import com.avesa.cutover.workflows.cutover.ApprovalRules;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;

/**
 * The gates of one run: which one is pending, the decisions so far, and waiting for a decision.
 * Signals, updates and their validators all come here and are judged by one {@link GateJudge}, so
 * the UI and the CLI are judged by the same {@link ApprovalRules} as the cutover's. Its state is
 * the pending gate, the {@link ApprovalLog} and the authority's used proofs. Workflow-thread only.
 */
public final class GateKeeper implements GateJudge.Ledger {
  /** How a gate ended. */
  public enum Decision { APPROVED, REJECTED, EXPIRED }

  private final ApprovalRules rules;
  private final GateJudge judge;
  private final Duration timeout;
  private final ApprovalLog approvals = new ApprovalLog();
  private final Runnable onChange;
  private String pendingGate;

  /**
   * Gates of a run of {@code config}: its approvals, and where its decisions' proofs are verified.
   *
   * @param requestedBy the identity that started the run (four eyes): under aws-iam the verified ARN
   * @param onChange called after every change (to republish the run's details); may be null
   */
  public GateKeeper(MigrationConfig config, String requestedBy, Runnable onChange) {
    ApprovalsConfig approvals = config.approvals() == null ? ApprovalsConfig.defaults() : config.approvals();
    this.rules = new ApprovalRules(approvals, requestedBy);
    this.judge = new GateJudge(rules, ApprovalAuthority.of(config), this);
    this.timeout = approvals.timeout();
    this.onChange = onChange == null ? () -> { } : onChange;
  }

  /** The gate waiting for decisions, or null. */
  @Override
  public String pendingGate() {
    return pendingGate;
  }

  /** Approvals the pending gate still needs; 0 when none is pending. */
  public int approvalsNeeded() {
    return pendingGate == null ? 0 : rules.needed(approvals.kept(), pendingGate);
  }

  /** Every decision so far, REFUSED ones included (at most {@link ApprovalLog#MAX_REFUSED}, then a count), in order. */
  public List<ApprovalRecord> approvals() {
    return approvals.report();
  }

  @Override
  public List<ApprovalRecord> decided() {
    return approvals.kept();
  }

  /** Takes over the decisions an earlier run of the same workflow recorded before it continued as new. */
  public void resume(List<ApprovalRecord> decided) {
    if (decided != null) {
      approvals.restore(decided);
    }
  }

  /**
   * Opens {@code gate} and blocks until it is approved (by as many approvers as the config
   * requires), rejected, or the approvals timeout passes.
   */
  public Decision await(String gate) {
    pendingGate = gate;
    onChange.run();
    boolean decided = Workflow.await(timeout,
        () -> rejection(gate) != null || rules.needed(approvals.kept(), gate) == 0);
    pendingGate = null;
    onChange.run();
    if (!decided) {
      return Decision.EXPIRED;
    }
    return rejection(gate) != null ? Decision.REJECTED : Decision.APPROVED;
  }

  /** The rejection of {@code gate}, or null. */
  public ApprovalRecord rejection(String gate) {
    return approvals.kept().stream()
        .filter(a -> gate.equals(a.gate()) && ApprovalRecord.REJECTED.equals(a.decision()))
        .findFirst().orElse(null);
  }

  /** Who approved {@code gate}, comma-separated. */
  public String approvedBy(String gate) {
    return String.join(", ", approvals.kept().stream()
        .filter(a -> gate.equals(a.gate()) && ApprovalRecord.APPROVED.equals(a.decision()))
        .map(ApprovalRecord::approver).toList());
  }

  /** The update validator: throws with the reason when {@code approval} cannot approve now. */
  public void validateApproval(Approval approval) {
    refuseIf(judge.refuseApproval(approval));
  }

  /** The update validator: throws with the reason when {@code rejection} cannot reject now. */
  public void validateRejection(Approval rejection) {
    refuseIf(judge.refuseRejection(rejection));
  }

  /** The update handler, after its validator accepted. */
  public ApprovalRecord approveGate(Approval approval) {
    return judge.approve(approval);
  }

  /** The update handler, after its validator accepted. */
  public ApprovalRecord rejectGate(Approval rejection) {
    return judge.reject(rejection);
  }

  /** The signal handler: the same rules, a refusal recorded as REFUSED. */
  public void approveSignal(Approval approval) {
    judge.approveSignal(approval);
  }

  /** The signal handler: the same rules, a refusal recorded as REFUSED. */
  public void rejectSignal(Approval rejection) {
    judge.rejectSignal(rejection);
  }

  @Override
  public ApprovalRecord record(Approval approval, String decision, String note, String identity) {
    Approval a = approval == null ? new Approval(null, null, null, null) : approval;
    ApprovalRecord kept = approvals.add(new ApprovalRecord(a.gate(), a.approver() == null ? null : a.approver().trim(),
        decision, a.reason(), now(), null, note, identity));
    onChange.run();
    return kept;
  }

  private static void refuseIf(String refusal) {
    if (refusal != null) {
      throw new IllegalArgumentException(refusal);
    }
  }
}
