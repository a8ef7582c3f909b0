package com.avesa.cutover.workflows.migration;

import java.util.Map;

/**
 * Where the listing of one (bucket, prefix) stands, and its totals so far. {@code stage} moves
 * COPY → VERIFY → EXTRAS → DONE (PLAN runs go from COPY, meaning "listing", to EXTRAS); runs
 * without the {@code target-extras} version skip EXTRAS.
 * {@code token} null at the start of a stage. {@code startAfter} (exclusive) and {@code endAt}
 * (inclusive) bound the key range of a partition (version {@code partitioned-listings}); null:
 * unbounded.
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
    Extras extras,
    String startAfter,
    String endAt) {

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
      Map<String, TenantTally> tenants, Extras extras) {
    this(bucket, prefix, stage, token, pages, objects, bytes, toCopy, copied, bytesCopied, skipped, failed,
        verifiedObjects, tenants, extras, null, null);
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

  /** A fresh cursor over the part of (bucket, prefix) that {@code range} bounds. */
  public static BucketCursor start(int bucket, String prefix, KeyRange range) {
    return new BucketCursor(bucket, prefix, Stage.COPY, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), Extras.NONE,
        range.startAfter(), range.endAt());
  }
}
