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

  /** Scans one segment and counts items and their digest. Read-only. */
  SegmentResult digestSegment(SegmentRequest request);

  /**
   * Scans one segment and writes every item to the other table with {@code BatchWriteItem},
   * retrying {@code UnprocessedItems} with backoff. Heartbeats its scan position and resumes
   * from it when retried. Returns the source segment's count and digest.
   */
  SegmentResult copySegment(SegmentRequest request);
}
