package com.avesa.cutover.workflows.migration;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Runbook phase 3: plan, copy and verify S3 objects, DynamoDB items and tenant secrets from one
 * account to the other. Work is cut into pages (at most 1,000 keys, one scan segment) so history
 * grows with pages; the run continues as new long before Temporal's history limits.
 *
 * <p>Returns the report when everything verified (or, for PLAN, was listed). When verification
 * finds differences, or a non-retryable error stops the run, the run fails with an
 * {@code ApplicationFailure} whose first detail is the {@link MigrationReport}.
 */
@WorkflowInterface
public interface DataMigrationWorkflow {

  @WorkflowMethod
  MigrationReport migrate(MigrationInput input);

  @QueryMethod(description = "Phase, current step and counts so far (objects, bytes, items, secrets).")
  MigrationProgress progress();
}
