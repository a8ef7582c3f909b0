package com.avesa.cutover.activities.decommission;

import com.avesa.cutover.activities.Heartbeats;
import com.avesa.cutover.activities.Failures;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.decommission.ResourceChange;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The archive bucket, in the SOURCE account: the archive belongs with the old data, outlives the
 * decommission and is read by the people who owned that data, not by the new production account.
 * Brought to the runbook's bucket baseline (versioned, AES256, no public access) like the target's.
 */
final class ArchiveBucket {
  private static final String US_EAST_1 = "us-east-1";

  private final S3Client s3;
  private final String region;
  private final String accountId;

  ArchiveBucket(S3Client s3, String region, String accountId) {
    this.s3 = s3;
    this.region = region;
    this.accountId = accountId;
  }

  ResourceChange ensure(String bucket) {
    String item = "s3 bucket " + bucket + " (archive, source account " + accountId + ")";
    try {
      boolean created = !exists(bucket) && create(bucket);
      s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
      s3.putBucketEncryption(b -> b.bucket(bucket).serverSideEncryptionConfiguration(c -> c.rules(
          r -> r.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256)))));
      s3.putPublicAccessBlock(b -> b.bucket(bucket).publicAccessBlockConfiguration(p -> p
          .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));
      return created ? ResourceChange.done(item, "created (versioned, AES256, public access blocked)")
          : ResourceChange.found(item, PhaseItem.IN_PLACE);
    } catch (SdkException e) {
      throw DecommissionErrors.classify("ensure archive bucket " + bucket + " (source account " + accountId + ")", e);
    }
  }

  private boolean exists(String bucket) {
    try {
      s3.headBucket(b -> b.bucket(bucket));
      return true;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      if (e.statusCode() == 403) {
        throw Failures.nonRetryable(FailureType.ACCESS_DENIED, "archive bucket " + bucket + " exists but source account "
            + accountId + " may not use it (403 on HeadBucket); choose another decommission.archiveBucket");
      }
      throw e;
    }
  }

  /** True when this call created the bucket (false: a concurrent attempt of ours did). */
  private boolean create(String bucket) {
    CreateBucketRequest.Builder create = CreateBucketRequest.builder().bucket(bucket);
    if (!US_EAST_1.equals(region)) {
      create.createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.fromValue(region)));
    }
    try {
      s3.createBucket(create.build());
    } catch (BucketAlreadyOwnedByYouException alreadyOurs) {
      return false;
    } catch (S3Exception e) {
      if ("BucketAlreadyExists".equals(Failures.errorCode(e))) {
        throw Failures.nonRetryable(FailureType.BAD_CONFIG, "archive bucket name " + bucket
            + " is taken by another account; choose another decommission.archiveBucket");
      }
      throw e;
    }
    s3.waiter().waitUntilBucketExists(b -> b.bucket(bucket));
    return true;
  }
}
