package com.avesa.cutover.workflows.validation;

import io.temporal.activity.ActivityInterface;

/**
 * Read-only checks of the target for the post-cutover validation. Nothing here writes, so every
 * method is safe to retry. A missing table or bucket and refused access are non-retryable
 * {@code ApplicationFailure}s typed by {@code FailureType}.
 */
@ActivityInterface
public interface ValidationActivities {

  /** Every {@code tenant_id} in the TenantServices table, read page by page, sorted. */
  TenantList listTenants(TenantListRequest request);

  /**
   * Lists every key of the data lake once and returns aggregates only (counts per tenant and a
   * sample of stray keys), so the result does not grow with the number of objects. Heartbeats
   * its continuation token with the aggregates so far, and a retry resumes from there.
   */
  DataLakeSummary summarizeDataLake(DataLakeRequest request);

  /** Which of the named secrets do not exist (or are scheduled for deletion). Never reads a value. */
  TenantSecrets checkTenantSecrets(TenantSecretsRequest request);
}
