package com.avesa.cutover.workflows.migration;

import io.temporal.activity.ActivityInterface;

/** Secrets Manager work. Values never leave the activity: results carry names only. */
@ActivityInterface
public interface SecretActivities {

  /**
   * Lists matching secret names and how many are missing or different, and the matching names
   * only the other side has (with {@code extras.delete}: which of them a run would delete). Writes nothing.
   */
  SecretsResult planSecrets(SecretsRequest request);

  /**
   * Copies each matching secret that is missing or different (string or binary value,
   * description, tags), under 50 writes per second. With {@code extras.delete} it also deletes
   * (30-day recovery window) the other side's matching secrets that this side lacks and nothing
   * protects, and reports them. Idempotent.
   */
  SecretsResult copySecrets(SecretsRequest request);

  /**
   * Compares every matching secret's value digest, description and tags, and reports the matching
   * names only the other side has as extras (never problems). Read-only.
   */
  SecretsResult verifySecrets(SecretsRequest request);
}
