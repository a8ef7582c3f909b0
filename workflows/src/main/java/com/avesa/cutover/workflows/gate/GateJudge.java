package com.avesa.cutover.workflows.gate;

import static com.avesa.cutover.workflows.run.WorkflowClock.now;

import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.approval.ApprovalProof;
import com.avesa.cutover.workflows.config.ApprovalsConfig;
import io.temporal.failure.ApplicationFailure;
import java.util.List;

/**
 * Judges every decision a gated run receives — update validators, update handlers, signals — by
 * its {@link ApprovalRules} and, under {@code approvals.identity: aws-iam}, its
 * {@link ApprovalAuthority}: the validator runs the cheap checks, the handler asks STS who signed
 * the proof and judges the decision again as made by that ARN (four eyes, approvers, a second
 * approval); a signal cannot carry a verified identity and is kept as REFUSED. Under declared
 * identity it judges the typed name, as before. The {@link GateKeeper} of every gated run uses
 * it. Workflow-thread only.
 */
public final class GateJudge {
  /** Where the decisions are kept. */
  public interface Ledger {
    String pendingGate();

    /** The decisions kept so far. */
    List<ApprovalRecord> decided();

    /** Keeps one decision ({@code note}: why it was refused, else null) and returns it as kept. */
    ApprovalRecord record(Approval decision, ApprovalRecord.Decision outcome, String note, String identity);
  }

  private final ApprovalRules rules;
  private final ApprovalAuthority authority;
  private final Ledger ledger;

  public GateJudge(ApprovalRules rules, ApprovalAuthority authority, Ledger ledger) {
    this.rules = rules;
    this.authority = authority;
    this.ledger = ledger;
  }

  public ApprovalRules rules() {
    return rules;
  }

  /** For the approveGate validator: why {@code approval} cannot go on to its handler, or null. */
  public String refuseApproval(Approval approval) {
    if (!authority.proofRequired()) {
      return rules.refuseApproval(approval, ledger.pendingGate(), ledger.decided(), now());
    }
    String refusal = rules.refuseBeforeIdentity(approval, ledger.pendingGate(), true, now());
    return refusal != null ? refusal : authority.refuseProof(approval, ApprovalProof.APPROVE, now());
  }

  /** For the rejectGate validator: why {@code rejection} cannot go on to its handler, or null. */
  public String refuseRejection(Approval rejection) {
    if (!authority.proofRequired()) {
      return rules.refuseRejection(rejection, ledger.pendingGate());
    }
    String refusal = rules.refuseBeforeIdentity(rejection, ledger.pendingGate(), false, now());
    return refusal != null ? refusal : authority.refuseProof(rejection, ApprovalProof.REJECT, now());
  }

  /**
   * The approveGate handler, after its validator passed: under aws-iam verifies the proof and
   * judges the approval of the verified ARN; a refusal is kept as REFUSED and fails the update
   * with its reason.
   */
  public ApprovalRecord approve(Approval approval) {
    if (!authority.proofRequired()) {
      return ledger.record(approval, ApprovalRecord.Decision.APPROVED, null, authority.recordedIdentity());
    }
    Approval verified = verified(approval);
    String refusal = rules.refuseApproval(verified, ledger.pendingGate(), ledger.decided(), now());
    return keepOrRefuse(verified, ApprovalRecord.Decision.APPROVED, refusal);
  }

  /** The rejectGate handler, after its validator passed; as {@link #approve}. */
  public ApprovalRecord reject(Approval rejection) {
    if (!authority.proofRequired()) {
      return ledger.record(rejection, ApprovalRecord.Decision.REJECTED, null, authority.recordedIdentity());
    }
    Approval verified = verified(rejection);
    return keepOrRefuse(verified, ApprovalRecord.Decision.REJECTED, rules.refuseRejection(verified, ledger.pendingGate()));
  }

  /** The approve signal: the same rules, a refusal kept as REFUSED; under aws-iam always refused. */
  public void approveSignal(Approval approval) {
    String refusal = authority.proofRequired() ? ApprovalAuthority.SIGNAL_REFUSED
        : rules.refuseApproval(approval, ledger.pendingGate(), ledger.decided(), now());
    ledger.record(approval, refusal == null ? ApprovalRecord.Decision.APPROVED : ApprovalRecord.Decision.REFUSED, refusal,
        declared());
  }

  /** The reject signal; as {@link #approveSignal}. */
  public void rejectSignal(Approval rejection) {
    String refusal = authority.proofRequired() ? ApprovalAuthority.SIGNAL_REFUSED
        : rules.refuseRejection(rejection, ledger.pendingGate());
    ledger.record(rejection, refusal == null ? ApprovalRecord.Decision.REJECTED : ApprovalRecord.Decision.REFUSED, refusal,
        declared());
  }

  private Approval verified(Approval decision) {
    try {
      return authority.verify(decision);
    } catch (ApplicationFailure failure) {
      ledger.record(decision, ApprovalRecord.Decision.REFUSED, failure.getOriginalMessage(), declared());
      throw failure;
    }
  }

  private ApprovalRecord keepOrRefuse(Approval verified, ApprovalRecord.Decision outcome, String refusal) {
    if (refusal == null) {
      return ledger.record(verified, outcome, null, ApprovalsConfig.AWS_IAM);
    }
    ledger.record(verified, ApprovalRecord.Decision.REFUSED, refusal, ApprovalsConfig.AWS_IAM);
    throw ApplicationFailure.newNonRetryableFailure(refusal, FailureType.DECISION_REFUSED.type());
  }

  private String declared() {
    return authority.recordedIdentity() == null ? null : ApprovalsConfig.DECLARED;
  }
}
