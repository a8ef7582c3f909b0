package com.avesa.cutover.workflows.migration;

import com.avesa.cutover.workflows.config.CopyMode;
import com.avesa.cutover.workflows.config.VerifyMode;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;

/**
 * One page (at most {@code pageSize} keys, never more than 1,000) of {@code fromBucket} under
 * {@code prefix}, starting at {@code continuationToken} (null: the first page), compared with
 * {@code toBucket}. {@code fromSide} is SOURCE except for REVERSE runs. Objects of at least
 * {@code multipartThreshold} bytes are copied in parallel parts (0: the default, 64 MiB).
 * {@code verify} and {@code verifySample}: {@code data.verify} and {@code data.verifySample}; null
 * (requests from before they existed): FULL, today's per-object comparison.
 * {@code startAfter} (exclusive) and {@code endAt} (inclusive) bound a partition's key range
 * (null: unbounded; absent on older payloads).
 */
public record BucketPageRequest(
    Estate estate,
    Side fromSide,
    String fromBucket,
    String toBucket,
    String prefix,
    String continuationToken,
    int pageSize,
    int concurrency,
    CopyMode copyMode,
    long multipartThreshold,
    VerifyMode verify,
    double verifySample,
    String startAfter,
    String endAt) {

  /** The whole listing (no key range). */
  public BucketPageRequest(Estate estate, Side fromSide, String fromBucket, String toBucket, String prefix,
      String continuationToken, int pageSize, int concurrency, CopyMode copyMode, long multipartThreshold,
      VerifyMode verify, double verifySample) {
    this(estate, fromSide, fromBucket, toBucket, prefix, continuationToken, pageSize, concurrency, copyMode,
        multipartThreshold, verify, verifySample, null, null);
  }

  /** Verified in full (today's per-object comparison), within a key range. */
  public BucketPageRequest(Estate estate, Side fromSide, String fromBucket, String toBucket, String prefix,
      String continuationToken, int pageSize, int concurrency, CopyMode copyMode, long multipartThreshold,
      String startAfter, String endAt) {
    this(estate, fromSide, fromBucket, toBucket, prefix, continuationToken, pageSize, concurrency, copyMode,
        multipartThreshold, null, 0, startAfter, endAt);
  }

  public BucketPageRequest(Estate estate, Side fromSide, String fromBucket, String toBucket, String prefix,
      String continuationToken, int pageSize, int concurrency, CopyMode copyMode, long multipartThreshold) {
    this(estate, fromSide, fromBucket, toBucket, prefix, continuationToken, pageSize, concurrency, copyMode,
        multipartThreshold, null, 0, null, null);
  }

  public BucketPageRequest(Estate estate, Side fromSide, String fromBucket, String toBucket, String prefix,
      String continuationToken, int pageSize, int concurrency, CopyMode copyMode) {
    this(estate, fromSide, fromBucket, toBucket, prefix, continuationToken, pageSize, concurrency, copyMode, 0);
  }
}
