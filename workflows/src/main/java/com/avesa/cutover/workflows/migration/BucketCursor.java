package com.avesa.cutover.workflows.migration;

import java.util.Map;

/**
 * Where the listing of one (bucket, prefix) stands, and its totals so far. {@code stage} moves
 * COPY → VERIFY → EXTRAS → DONE (PLAN runs go from COPY, meaning "listing", to EXTRAS); runs
 * without the {@code target-extras} version skip EXTRAS.
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
    Map<String, TenantTally> tenants,
    Extras extras) {

  public enum Stage {
    COPY,
    VERIFY,
    EXTRAS,
    DONE
  }

  public BucketCursor {
    tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
    extras = Extras.orNone(extras);
  }

  public BucketCursor(int bucket, String prefix, Stage stage, String token, long pages, long objects, long bytes,
      long toCopy, long copied, long bytesCopied, long skipped, long failed, long verifiedObjects,
      Map<String, TenantTally> tenants) {
    this(bucket, prefix, stage, token, pages, objects, bytes, toCopy, copied, bytesCopied, skipped, failed,
        verifiedObjects, tenants, Extras.NONE);
  }

  public static BucketCursor start(int bucket, String prefix) {
    return new BucketCursor(bucket, prefix, Stage.COPY, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of());
  }
}
