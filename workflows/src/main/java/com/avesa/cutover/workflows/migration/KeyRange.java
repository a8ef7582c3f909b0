package com.avesa.cutover.workflows.migration;

/**
 * A partition of one listing: the keys after {@code startAfter} (exclusive) up to {@code endAt}
 * (inclusive), in S3's order (UTF-8 bytes); null ends are unbounded. The ranges of one listing
 * are contiguous, so together they hold every key exactly once.
 */
public record KeyRange(String startAfter, String endAt) {
  public static final KeyRange ALL = new KeyRange(null, null);
}
