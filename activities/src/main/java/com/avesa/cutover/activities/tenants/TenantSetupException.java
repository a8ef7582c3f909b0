package com.avesa.cutover.activities.tenants;

/**
 * The target refused a tenant or service change, or its state conflicts with it (another
 * company under the same tenant id, an unknown tenant, a secret that is not a JSON object). The
 * message says what to do and never carries a credential.
 */
public final class TenantSetupException extends RuntimeException {
  public TenantSetupException(String message) {
    super(message);
  }
}
