package com.avesa.cutover.workflows.migration;

import java.util.Map;

/** One bucket mapping's totals over the whole run, and its per-tenant counts. */
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
    Map<String, TenantTally> tenants) {
  public BucketReport {
    tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
  }
}
