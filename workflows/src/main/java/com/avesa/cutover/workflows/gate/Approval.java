package com.avesa.cutover.workflows.gate;

/**
 * One approval or rejection of a gate, as the CLI sends it and as a person types it into the
 * Temporal UI: {@code {"gate":"cutover","approver":"alice","reason":"CAB-123","windowStart":"2026-12-01T02:00:00Z"}}.
 * Under {@code approvals.identity: aws-iam} it also carries {@code proof} ({@code avesa
 * approval-token} prints the whole object), and the approver is the ARN the proof verifies to;
 * the typed {@code approver} is ignored.
 *
 * @param gate the pending gate's name (the cutover's {@code cutover} or {@code signOff}, {@code execute},
 *     {@code validation}, {@code decommission})
 * @param approver who decides (the CLI sends its identity)
 * @param reason why: a change ticket, a finding; required
 * @param windowStart cutover gate only: ISO-8601 instant or {@code now}; absent means now
 * @param proof a signed STS GetCallerIdentity request binding this decision
 *     ({@link com.avesa.cutover.workflows.approval.ApprovalProof}); null under declared identity
 */
public record Approval(String gate, String approver, String reason, String windowStart, String proof) {

  /** A decision without proof (declared identity). */
  public Approval(String gate, String approver, String reason, String windowStart) {
    this(gate, approver, reason, windowStart, null);
  }

  /** The same decision as made by {@code who} (the ARN its proof verified to). */
  public Approval by(String who) {
    return new Approval(gate, who, reason, windowStart, proof);
  }
}
