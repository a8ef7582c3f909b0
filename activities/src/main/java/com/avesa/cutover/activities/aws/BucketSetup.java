package com.avesa.cutover.activities.aws;

import com.avesa.cutover.workflows.FailureType;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Idempotently brings a bucket to the runbook's baseline: versioned, AES256, no public access.
 * Shared by the data phase (the target buckets), the security baseline (the trail bucket) and the
 * decommission (the archive bucket); {@code configKey} names the setting to change when a name
 * cannot be used.
 */
public final class BucketSetup {
  private static final String US_EAST_1 = "us-east-1";

  private final S3Client s3;
  private final String region;

  public BucketSetup(S3Client s3, String region) {
    this.s3 = s3;
    this.region = region;
  }

  /** Ensures a target data bucket. */
  public void ensure(String bucket, String accountId) {
    try {
      ensure(bucket, accountId, "the target bucket");
    } catch (SdkException e) {
      throw Failures.classify("ensure bucket " + bucket + " (account " + accountId + ")", e);
    }
  }

  /** Creates {@code bucket} if absent and sets the baseline; true when this call created it. */
  public boolean ensure(String bucket, String accountId, String configKey) {
    boolean created = !exists(bucket, accountId, configKey) && create(bucket, configKey);
    s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    s3.putBucketEncryption(b -> b.bucket(bucket).serverSideEncryptionConfiguration(c -> c.rules(
        r -> r.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256)))));
    s3.putPublicAccessBlock(b -> b.bucket(bucket).publicAccessBlockConfiguration(p -> p
        .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));
    return created;
  }

  /** Whether {@code bucket} exists and {@code accountId} may use it (a 403 is a non-retryable ACCESS_DENIED). */
  public boolean exists(String bucket, String accountId, String configKey) {
    try {
      s3.headBucket(b -> b.bucket(bucket));
      return true;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      if (e.statusCode() == 403) {
        throw Failures.nonRetryable(FailureType.ACCESS_DENIED, "bucket " + bucket + " exists but account "
            + accountId + " may not use it (403 on HeadBucket); choose another name for " + configKey);
      }
      throw e;
    }
  }

  /**
   * Creates {@code bucket} in this region and waits until it exists; true when this call created
   * it (false: an earlier attempt of ours did). A name another account owns is a non-retryable BAD_CONFIG.
   */
  public boolean create(String bucket, String configKey) {
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
        throw Failures.nonRetryable(FailureType.BAD_CONFIG, "bucket name " + bucket
            + " is taken by another account; choose another name for " + configKey);
      }
      throw e;
    }
    s3.waiter().waitUntilBucketExists(b -> b.bucket(bucket));
    return true;
  }
}
