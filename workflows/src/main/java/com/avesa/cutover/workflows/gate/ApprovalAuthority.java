package com.avesa.cutover.workflows.gate;

import com.avesa.cutover.workflows.ActivityRetries;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.approval.ApprovalProof;
import com.avesa.cutover.workflows.approval.CallerIdentity;
import com.avesa.cutover.workflows.approval.CallerProof;
import com.avesa.cutover.workflows.approval.IdentityActivities;
import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.gate.Approval;
import com.avesa.cutover.workflows.run.WorkflowClock;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who made a decision, under {@code approvals.identity: aws-iam}: cheap checks of a decision's
 * proof for the update validators ({@link #refuseProof}), and the STS replay for the update
 * handlers ({@link #verify}), which returns the decision as made by the ARN STS answered. Keeps
 * the fingerprints of the proofs it accepted until they are too old to pass the age check anyway,
 * so a proof is good for one decision. Under {@code declared} (or a run from before identities)
 * it checks nothing. Workflow-thread only.
 */
public final class ApprovalAuthority {
  /** The change id of the start verification (a new activity call in the main flow). */
  public static final String CHANGE_ID = "approval-proof";
  public static final String NO_PROOF = "approvals.identity is aws-iam: this decision carries no proof of who made it; "
      + "use avesa approve/reject (they sign with your AWS credentials) or paste the output of avesa approval-token "
      + "into the update";
  public static final String SIGNAL_REFUSED = "approvals.identity is aws-iam and a signal cannot prove who sent it: "
      + "use the approveGate/rejectGate update (avesa approve/reject, or the Temporal UI's update with the output of "
      + "avesa approval-token)";

  private final ApprovalsConfig config;
  private final String stsUrl;
  private final Map<String, Instant> usedProofs = new LinkedHashMap<>();
  private IdentityActivities sts;

  public ApprovalAuthority(ApprovalsConfig config, String region, String endpoint) {
    this.config = config == null ? ApprovalsConfig.defaults() : config;
    this.stsUrl = ApprovalProof.stsUrl(endpoint, region);
  }

  /** The authority of a run of {@code config}. */
  public static ApprovalAuthority of(MigrationConfig config) {
    return new ApprovalAuthority(config.approvals(), config.region(), config.endpoint());
  }

  /** Whether decisions must carry a verified proof. */
  public boolean proofRequired() {
    return config.awsIam();
  }

  /** What a record of a decision this authority accepted says about its approver. */
  public String recordedIdentity() {
    if (config.identity() == null) {
      return null;
    }
    return proofRequired() ? ApprovalsConfig.AWS_IAM : ApprovalsConfig.DECLARED;
  }

  /**
   * The cheap checks, for a validator: a proof is there and well formed, signs this decision of
   * this run ({@code decision}: {@link ApprovalProof#APPROVE} or {@link ApprovalProof#REJECT}), is
   * at most {@link ApprovalProof#MAX_AGE} old by workflow time, and was not used before. Null when
   * it passes or no proof is required.
   */
  public String refuseProof(Approval approval, String decision, Instant now) {
    if (!proofRequired() || approval == null) {
      return null;
    }
    if (approval.proof() == null || approval.proof().isBlank()) {
      return NO_PROOF;
    }
    ApprovalProof proof;
    try {
      proof = ApprovalProof.decode(approval.proof());
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    String shape = proof.refuseShape();
    if (shape != null) {
      return shape;
    }
    String workflowId = Workflow.getInfo().getWorkflowId();
    String expected = ApprovalProof.digest(workflowId, approval.gate(), decision, approval.reason(),
        approval.windowStart());
    if (!expected.equals(proof.header(ApprovalProof.DIGEST_HEADER))) {
      return "the proof was signed for another decision: its digest does not match " + decision + " of gate "
          + approval.gate() + " of run " + workflowId + " with this reason and window start (sign each decision "
          + "with avesa approve/reject or avesa approval-token)";
    }
    Instant signed = proof.signedAt();
    if (signed == null) {
      return "the proof's X-Amz-Date is not a SigV4 date";
    }
    if (signed.isBefore(now.minus(ApprovalProof.MAX_AGE))) {
      return "the proof expired: signed at " + signed + ", more than " + ApprovalProof.MAX_AGE.toMinutes()
          + " minutes before " + now + "; sign a new one";
    }
    if (signed.isAfter(now.plus(ApprovalProof.MAX_SKEW))) {
      return "the proof is dated " + signed + ", in the future (now is " + now + "); check the signing clock";
    }
    if (usedProofs.containsKey(proof.fingerprint())) {
      return "this proof was already used; sign a new one for each decision";
    }
    return null;
  }

  /**
   * For an update handler, after {@link #refuseProof} passed: marks the proof used, replays it to
   * STS and returns the decision as made by the ARN STS answered.
   *
   * @throws ApplicationFailure {@code NOT_AUTHENTICATED} when STS refuses the proof
   */
  public Approval verify(Approval approval) {
    ApprovalProof proof = ApprovalProof.decode(approval.proof());
    remember(proof);
    return approval.by(identify(approval.proof()).arn());
  }

  /** Fingerprints of the proofs used and when each was signed (state to carry across a continue-as-new). */
  public Map<String, Instant> usedProofs() {
    return Map.copyOf(usedProofs);
  }

  /**
   * Who started the run: under aws-iam the ARN its start proof verifies to (a new activity call,
   * behind {@link #CHANGE_ID}); a child run takes its parent's, which verified it; otherwise the
   * typed {@code requestedBy}.
   *
   * @throws ApplicationFailure {@code NOT_AUTHENTICATED} naming why the start is not authenticated
   */
  public static String verifiedRequester(MigrationConfig config, String requestedBy, String startProof) {
    if (config.approvals() == null || !config.approvals().awsIam()
        || Workflow.getInfo().getParentWorkflowId().isPresent()) {
      return requestedBy;
    }
    if (Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
      return requestedBy;
    }
    ApprovalAuthority authority = of(config);
    Approval start = new Approval(ApprovalProof.START, requestedBy, config.name(), null, startProof);
    String refusal = authority.refuseProof(start, ApprovalProof.START, WorkflowClock.now());
    if (refusal != null) {
      throw notAuthenticated("the start of this run is not authenticated: " + refusal);
    }
    try {
      return authority.verify(start).approver();
    } catch (ApplicationFailure failure) {
      throw notAuthenticated("the start of this run is not authenticated: " + failure.getOriginalMessage());
    }
  }

  private CallerIdentity identify(String token) {
    try {
      return stub().identifyCaller(new CallerProof(stsUrl, token));
    } catch (ActivityFailure failure) {
      String why = failure.getCause() instanceof TemporalFailure cause ? cause.getOriginalMessage()
          : failure.getOriginalMessage();
      throw notAuthenticated("STS did not confirm who signed the proof: " + why);
    }
  }

  private void remember(ApprovalProof proof) {
    Instant now = WorkflowClock.now();
    usedProofs.values().removeIf(signed -> signed.isBefore(now.minus(ApprovalProof.MAX_AGE).minus(ApprovalProof.MAX_SKEW)));
    usedProofs.put(proof.fingerprint(), proof.signedAt());
  }

  private IdentityActivities stub() {
    if (sts == null) {
      // A verification answers a person waiting on an update: three quick attempts, then the
      // decision fails and can be sent again.
      sts = Workflow.newActivityStub(IdentityActivities.class, ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          .setRetryOptions(ActivityRetries.transientErrors(Duration.ofSeconds(5), 3))
          .build());
    }
    return sts;
  }

  private static ApplicationFailure notAuthenticated(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, FailureType.NOT_AUTHENTICATED.type());
  }
}
