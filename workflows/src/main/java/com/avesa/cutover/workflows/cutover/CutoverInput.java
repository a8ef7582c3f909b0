package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.config.MigrationConfig;

/**
 * Input of {@link CutoverWorkflow}.
 *
 * @param config a config with a {@code cutover:} section
 * @param requestedBy the identity that started the run (refused as an approver under four eyes)
 * @param startProof under {@code approvals.identity: aws-iam}, the signed GetCallerIdentity request
 *     that proves who started it ({@code ApprovalProof}); null otherwise, in older runs, and in the
 *     child of an isolation run (which verified its requester)
 */
public record CutoverInput(MigrationConfig config, String requestedBy, String startProof) {

  /** A start without proof. */
  public CutoverInput(MigrationConfig config, String requestedBy) {
    this(config, requestedBy, null);
  }
}
