package com.avesa.cutover.workflows.migration;

import io.temporal.activity.ActivityInterface;

/** DynamoDB work, one parallel-scan segment per call. */
@ActivityInterface
public interface TableActivities {

  /**
   * Creates the table if missing with the key schema and key attribute definitions of the
   * other side's table, PAY_PER_REQUEST; waits until ACTIVE; turns point-in-time recovery on.
   * An existing table with a different key schema fails with non-retryable {@code BAD_CONFIG}.
   */
  void ensureTargetTable(EnsureTableRequest request);

  /**
   * Decides how a table is scanned: its size from DescribeTable (items and bytes; bytes estimated
   * from a sample of items when DescribeTable reports 0), the segment count (fixed by the request,
   * else {@link ScanPlan#segmentsFor}) and whether the other table is missing, empty or not
   * (one strongly consistent Scan of at most one item). Read-only.
   */
  ScanPlan scanPlan(ScanPlanRequest request);

  /**
   * Scans one segment and counts items and their digest. Read-only. A table that does not exist
   * fails (non-retryably, naming it).
   */
  SegmentResult digestSegment(SegmentRequest request);

  /**
   * Scans one segment and writes every item to the other table with {@code BatchWriteItem},
   * retrying {@code UnprocessedItems} with backoff. Heartbeats its scan position and resumes
   * from it when retried. Returns the source segment's count and digest, computed from the pages
   * it copied (so verification need not scan the source again). Items identical in the target
   * are not written, unless {@code writeAll} says the target was empty.
   */
  SegmentResult copySegment(SegmentRequest request);

  /**
   * Scans one segment of the table written to, looks every item's key up in the other table
   * ({@code BatchGetItem}, strongly consistent) and digests the items found there; the others
   * are extras. With {@code rule.delete} (and not {@code rule.dryRun}) deletes the extras nothing
   * protects. A table written to that does not exist has no items. A retried attempt scans again.
   */
  ExtrasSegmentResult extrasSegment(ExtrasSegmentRequest request);
}
