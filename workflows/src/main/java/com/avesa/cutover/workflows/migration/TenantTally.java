package com.avesa.cutover.workflows.migration;

/** Objects and bytes of one tenant (the first path segment after raw/ or canonical/). */
public record TenantTally(long objects, long bytes) {
  public TenantTally plus(TenantTally other) {
    return new TenantTally(objects + other.objects, bytes + other.bytes);
  }
}
