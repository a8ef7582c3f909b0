package com.avesa.cutover.workflows.migration;

import java.util.Map;

/**
 * Where the listing of one (bucket, prefix) stands, and its totals so far. {@code stage} moves
 * COPY → VERIFY → DONE (PLAN runs go straight from COPY, meaning "listing", to DONE).
 * {@code token} null at the start of a stage.
 */
public record BucketCursor(
    int bucket,
    String prefix,
    Stage stage,
    String token,
    long pages,
    long objects,
    long bytes,
    long toCopy,
    long copied,
    long bytesCopied,
    long skipped,
    long failed,
    long verifiedObjects,
    Map<String, TenantTally> tenants) {

  public enum Stage {
    COPY,
    VERIFY,
    DONE
  }

  public BucketCursor {
    tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
  }

  public static BucketCursor start(int bucket, String prefix) {
    return new BucketCursor(bucket, prefix, Stage.COPY, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of());
  }
}
