package com.avesa.cutover.activities.infra;

import com.avesa.cutover.activities.aws.BucketSetup;
import com.avesa.cutover.workflows.infra.TargetStorage.StorageState;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Reads, without changing anything, whether the target's buckets and tables exist and meet the
 * runbook's baseline — the same baseline the data migration's ensure activities set: versioning,
 * AES256 default encryption and a full public access block; point-in-time recovery.
 */
final class StorageInspection {
  static final String VERSIONING = "versioning";
  static final String ENCRYPTION = "AES256 encryption";
  static final String PUBLIC_ACCESS_BLOCK = "public access block";
  static final String PITR = "point-in-time recovery";
  private static final Set<String> NOT_CONFIGURED = Set.of(
      "ServerSideEncryptionConfigurationNotFoundError", "NoSuchPublicAccessBlockConfiguration");

  private final S3Client s3;
  private final BucketSetup buckets;
  private final DynamoDbClient dynamoDb;
  private final String account;

  StorageInspection(S3Client s3, String region, DynamoDbClient dynamoDb, String account) {
    this.s3 = s3;
    this.buckets = new BucketSetup(s3, region);
    this.dynamoDb = dynamoDb;
    this.account = account;
  }

  StorageState bucket(String bucket) {
    if (!buckets.exists(bucket, account, "the target bucket")) {
      return new StorageState(bucket, false, List.of());
    }
    try {
      List<String> lacking = new ArrayList<>();
      if (s3.getBucketVersioning(b -> b.bucket(bucket)).status() != BucketVersioningStatus.ENABLED) {
        lacking.add(VERSIONING);
      }
      if (!encryptedWithAes256(bucket)) {
        lacking.add(ENCRYPTION);
      }
      if (!publicAccessBlocked(bucket)) {
        lacking.add(PUBLIC_ACCESS_BLOCK);
      }
      return new StorageState(bucket, true, lacking);
    } catch (SdkException e) {
      throw InfraErrors.classify("inspect bucket " + bucket + " (account " + account + ")", e);
    }
  }

  StorageState table(String table) {
    try {
      dynamoDb.describeTable(b -> b.tableName(table));
    } catch (ResourceNotFoundException e) {
      return new StorageState(table, false, List.of());
    } catch (SdkException e) {
      throw InfraErrors.classify("describe table " + table + " (account " + account + ")", e);
    }
    try {
      PointInTimeRecoveryStatus pitr = dynamoDb.describeContinuousBackups(b -> b.tableName(table))
          .continuousBackupsDescription().pointInTimeRecoveryDescription().pointInTimeRecoveryStatus();
      return new StorageState(table, true, pitr == PointInTimeRecoveryStatus.ENABLED ? List.of() : List.of(PITR));
    } catch (SdkException e) {
      throw InfraErrors.classify("read point-in-time recovery of table " + table + " (account " + account + ")", e);
    }
  }

  private boolean encryptedWithAes256(String bucket) {
    try {
      return s3.getBucketEncryption(b -> b.bucket(bucket)).serverSideEncryptionConfiguration().rules().stream()
          .anyMatch(r -> r.applyServerSideEncryptionByDefault() != null
              && r.applyServerSideEncryptionByDefault().sseAlgorithm() == ServerSideEncryption.AES256);
    } catch (S3Exception e) {
      if (notConfigured(e)) {
        return false;
      }
      throw e;
    }
  }

  private boolean publicAccessBlocked(String bucket) {
    try {
      PublicAccessBlockConfiguration block = s3.getPublicAccessBlock(b -> b.bucket(bucket)).publicAccessBlockConfiguration();
      return Boolean.TRUE.equals(block.blockPublicAcls()) && Boolean.TRUE.equals(block.ignorePublicAcls())
          && Boolean.TRUE.equals(block.blockPublicPolicy()) && Boolean.TRUE.equals(block.restrictPublicBuckets());
    } catch (S3Exception e) {
      if (notConfigured(e)) {
        return false;
      }
      throw e;
    }
  }

  private static boolean notConfigured(S3Exception e) {
    return e.awsErrorDetails() != null && NOT_CONFIGURED.contains(String.valueOf(e.awsErrorDetails().errorCode()));
  }
}
