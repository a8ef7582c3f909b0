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
   * Runs the worker's deploy command {@code request.name()} — program, arguments, working
   * directory and timeout from the worker's own file ({@code AVESA_DEPLOY_COMMANDS}), no shell —
   * with stdout and stderr merged, heartbeating its last output line every few seconds. The
   * process starts with an empty environment plus short-lived credentials of the target's
   * deployment role (assumed here with the ExternalId, never returned), {@code CDK_DEFAULT_ACCOUNT},
   * {@code CDK_DEFAULT_REGION}, {@code AWS_REGION}, the request's {@code AVESA_*} variables,
   * {@code AWS_ENDPOINT_URL} with an emulator, and the worker's {@code PATH} and {@code HOME}.
   * Returns its exit code 0 and the tail of its output.
   *
   * <p>Non-retryable: a name the worker does not allow, an argv ({@code request.command()}) or any
   * other variable from workflow input ({@code DEPLOY_NOT_ALLOWED}, nothing is run); a non-zero
   * exit, a command that does not finish within its timeout (it is killed) and a program that
   * cannot be started ({@code BAD_CONFIG}); the first two carry a {@link DeployResult} (exit code,
   * output tail) as their first detail.
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
