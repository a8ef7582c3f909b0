package com.avesa.cutover.workflows.isolation;

import com.avesa.cutover.workflows.config.MigrationConfig;

/**
 * @param requestedBy the identity that started the run (four eyes at every gate)
 * @param startProof under {@code approvals.identity: aws-iam}, the signed GetCallerIdentity request
 *     that proves who started it ({@code ApprovalProof}); null otherwise and in older runs
 */
public record IsolationInput(MigrationConfig config, String requestedBy, String startProof) {

  /** A start without proof (declared identity). */
  public IsolationInput(MigrationConfig config, String requestedBy) {
    this(config, requestedBy, null);
  }
}
