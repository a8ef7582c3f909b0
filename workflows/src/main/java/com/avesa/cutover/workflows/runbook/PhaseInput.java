package com.avesa.cutover.workflows.runbook;

import com.avesa.cutover.workflows.config.MigrationConfig;

/**
 * What every runbook phase run starts with.
 *
 * @param config the validated configuration (for a run that created its account, with the new
 *     account id and role filled in by {@code ProductionIsolationWorkflow})
 * @param requestedBy the identity that started the run (four eyes at gates); from a parent run,
 *     the identity the parent verified
 * @param startProof under {@code approvals.identity: aws-iam}, the signed GetCallerIdentity request
 *     that proves who started a run started on its own ({@code ApprovalProof}); null otherwise
 */
public record PhaseInput(MigrationConfig config, String requestedBy, String startProof) {

  /** A start without proof (declared identity, or a child of a run that verified its requester). */
  public PhaseInput(MigrationConfig config, String requestedBy) {
    this(config, requestedBy, null);
  }
}
