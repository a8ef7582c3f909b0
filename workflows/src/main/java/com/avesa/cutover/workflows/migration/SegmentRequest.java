package com.avesa.cutover.workflows.migration;

import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;

/**
 * One parallel-scan segment of table {@code from} on {@code fromSide}; for copies, written to
 * table {@code to} on the other side. {@code writeAll}: the target table was empty when the
 * table's {@link ScanPlan} was made, so the copy writes every item without reading the target
 * first (false on payloads without it: only what is missing or different is written).
 */
public record SegmentRequest(
    Estate estate, Side fromSide, String from, String to, int segment, int totalSegments, int concurrency,
    boolean writeAll) {

  /** A copy that writes only what is missing or different. */
  public SegmentRequest(Estate estate, Side fromSide, String from, String to, int segment, int totalSegments,
      int concurrency) {
    this(estate, fromSide, from, to, segment, totalSegments, concurrency, false);
  }
}
