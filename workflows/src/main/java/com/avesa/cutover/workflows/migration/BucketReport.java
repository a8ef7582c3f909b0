package com.avesa.cutover.workflows.migration;

import java.util.Map;

/** One bucket mapping's totals over the whole run, its per-tenant counts, and what only the written bucket has. */
public record BucketReport(
    String source,
    String target,
    long objects,
    long bytes,
    long toCopy,
    long copied,
    long bytesCopied,
    long skipped,
    long failed,
    long verifiedObjects,
    Map<String, TenantTally> tenants,
    Extras extras) {
  public BucketReport {
    tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
    extras = Extras.orNone(extras);
  }

  public BucketReport(String source, String target, long objects, long bytes, long toCopy, long copied,
      long bytesCopied, long skipped, long failed, long verifiedObjects, Map<String, TenantTally> tenants) {
    this(source, target, objects, bytes, toCopy, copied, bytesCopied, skipped, failed, verifiedObjects, tenants,
        Extras.NONE);
  }
}
