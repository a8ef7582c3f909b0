package com.avesa.cutover.workflows.migration;

import io.temporal.activity.ActivityInterface;

/** Secrets Manager work. Values never leave the activity: results carry names only. */
@ActivityInterface
public interface SecretActivities {

  /** Lists matching secret names and how many are missing or different. Writes nothing. */
  SecretsResult planSecrets(SecretsRequest request);

  /**
   * Copies each matching secret that is missing or different (string or binary value,
   * description, tags), under 50 writes per second. Idempotent.
   */
  SecretsResult copySecrets(SecretsRequest request);

  /** Compares every matching secret's value digest, description and tags. Read-only. */
  SecretsResult verifySecrets(SecretsRequest request);
}
