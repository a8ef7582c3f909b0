package com.avesa.cutover.workflows.validation;

/** One tenant's keys under {@code raw/{id}/} and {@code canonical/{id}/}, and how many of each are new. */
public record TenantObjects(String tenantId, long rawObjects, long canonicalObjects, long newRawObjects,
    long newCanonicalObjects) {

  public static TenantObjects none(String tenantId) {
    return new TenantObjects(tenantId, 0, 0, 0, 0);
  }

  public long objects() {
    return rawObjects + canonicalObjects;
  }
}
