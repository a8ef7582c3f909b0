package com.avesa.cutover.workflows.decommission;

import io.temporal.activity.ActivityInterface;

/**
 * The side effects of a decommission, all in the SOURCE account. Every method is idempotent: a
 * retry (or a second run) finds what the first attempt did and does not do it again.
 */
@ActivityInterface
public interface DecommissionActivities {

  /**
   * Creates the archive bucket if missing, with the SOURCE account's credentials (the archive
   * belongs with the old data), then turns versioning on, sets AES256 default encryption and
   * blocks public access. Changed when the bucket was created.
   */
  ResourceChange ensureArchiveBucket(ArchiveBucketRequest request);

  /**
   * Lists one page (at most 1,000 keys) of the source bucket, copies each object not yet in the
   * archive to {@code {sourceBucket}/{key}} (storage class as requested, headers, metadata and tags
   * preserved, SHA-256 checksum added), then verifies every object of the page against its source.
   * An object already archived is not copied again; a difference is a problem line, never repaired.
   */
  ArchivePage archivePage(ArchivePageRequest request);

  /** Removes the rule's targets, then deletes the rule. A missing rule is unchanged: already gone. */
  ResourceChange removeRule(RemovalRequest request);

  /** Deletes the Lambda function (every version). A missing function is unchanged: already gone. */
  ResourceChange removeFunction(RemovalRequest request);

  /** Deletes the table and waits until it is gone. A missing table is unchanged: already gone. */
  ResourceChange removeTable(RemovalRequest request);

  /**
   * Deletes every object version and delete marker of the bucket, in batches of at most 1,000;
   * the bucket itself stays. Heartbeats its count; a retry lists again and deletes what is left.
   * An empty (or missing) bucket is unchanged: already gone.
   */
  ResourceChange removeBucketObjects(RemovalRequest request);
}
