package com.avesa.cutover.workflows.migration;

import io.temporal.activity.ActivityInterface;

/** Checks made before anything is written. */
@ActivityInterface
public interface AccountActivities {

  /**
   * Calls {@code GetCallerIdentity} with each side's credentials (assuming the target role with
   * its ExternalId) and checks the source buckets and tables exist. Read-only. A mismatched
   * account fails with non-retryable {@code ACCOUNT_MISMATCH} naming both ids; a missing bucket
   * or table with {@code NOT_FOUND}; refused credentials with {@code ACCESS_DENIED}.
   */
  AccountCheck verifyAccess(PreflightRequest request);
}
