package com.avesa.cutover.workflows.migration;

import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;

/**
 * One page (at most {@code pageSize} keys) of {@code toBucket}, the bucket written to, under
 * {@code prefix} from {@code continuationToken} (null: the first page), whose keys are looked up
 * in {@code fromBucket} on {@code fromSide}. {@code startAfter} (exclusive) and {@code endAt}
 * (inclusive) bound a partition's key range (null: unbounded).
 */
public record ExtrasPageRequest(
    Estate estate,
    Side fromSide,
    String fromBucket,
    String toBucket,
    String prefix,
    String continuationToken,
    int pageSize,
    ExtrasRule rule,
    String startAfter,
    String endAt) {

  public ExtrasPageRequest(Estate estate, Side fromSide, String fromBucket, String toBucket, String prefix,
      String continuationToken, int pageSize, ExtrasRule rule) {
    this(estate, fromSide, fromBucket, toBucket, prefix, continuationToken, pageSize, rule, null, null);
  }
}
