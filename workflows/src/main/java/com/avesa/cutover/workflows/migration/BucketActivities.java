package com.avesa.cutover.workflows.migration;

import io.temporal.activity.ActivityInterface;

/** S3 work, one page of at most 1,000 keys per call so that history grows with pages. */
@ActivityInterface
public interface BucketActivities {

  /**
   * Creates the bucket if missing, then (idempotently) turns versioning on, sets AES256 default
   * encryption and blocks public access.
   */
  void ensureTargetBucket(EnsureBucketRequest request);

  /**
   * Splits one listing into contiguous key ranges along its prefixes (one or two levels of "/")
   * or, when those are few, along the characters its keys branch at; a few small LISTs, no
   * object is read. At least one range; an empty or missing bucket gives {@link KeyRange#ALL}.
   */
  java.util.List<KeyRange> partitions(PartitionRequest request);

  /** Lists one page and compares it with the other bucket. Writes nothing anywhere. */
  BucketPage planPage(BucketPageRequest request);

  /**
   * Lists one page and copies each object that is missing or different in the other bucket
   * (current version only; content headers, user metadata and tags preserved). Identical objects
   * are skipped. Idempotent: a retried page re-checks and skips what already arrived.
   */
  BucketPage copyPage(BucketPageRequest request);

  /**
   * Lists one page and compares every object with its copy by size, SHA-256 of the content,
   * content headers, user metadata and tags. Read-only; each difference is a problem line.
   */
  BucketPage verifyPage(BucketPageRequest request);

  /**
   * Lists one page of the bucket written to and looks its keys up in the other bucket: the keys
   * only it has are extras. With {@code rule.delete} (and not {@code rule.dryRun}) deletes the
   * extras nothing protects (their current version: a delete marker in a versioned bucket).
   * A bucket written to that does not exist has no extras. Idempotent: a retried page finds
   * what was deleted gone.
   */
  ExtrasPage extrasPage(ExtrasPageRequest request);
}
