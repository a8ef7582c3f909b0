package com.avesa.cutover.workflows.infra;

import io.temporal.activity.ActivityInterface;

/**
 * Phase 2's side effects in the target account. The checks are read-only; the deploy command is
 * run again when retried (after a worker died), so it must be idempotent, as {@code cdk deploy}
 * is. Errors retrying cannot fix are non-retryable {@code ApplicationFailure}s typed by
 * {@code FailureType}.
 */
@ActivityInterface
public interface InfrastructureActivities {

  /**
   * Runs the deploy command (no shell) in its working directory, stdout and stderr merged,
   * heartbeating its last output line every few seconds. Returns its exit code 0 and the tail of
   * its output. A non-zero exit, a command that does not finish within its timeout (it is killed)
   * and a program that cannot be started are non-retryable {@code BAD_CONFIG} failures; the first
   * two carry a {@link DeployResult} (exit code, output tail) as their first detail.
   */
  DeployResult runDeployCommand(DeployRequest request);

  /**
   * Which of the target's data buckets and tables exist, and which parts of the runbook's baseline
   * each lacks (versioning, AES256 encryption, public access block; point-in-time recovery).
   * Read-only.
   */
  TargetStorage inspectTargetStorage(StorageRequest request);

  /**
   * Looks up each configured CloudFormation stack, Lambda function and EventBridge rule in the
   * target: what is there, with its status or state, and a sentence for each one missing (a stack
   * that is not {@code *_COMPLETE}, or that failed to create, counts as missing). Read-only.
   */
  DeployedResources verifyDeployedResources(DeployedResourcesRequest request);
}
