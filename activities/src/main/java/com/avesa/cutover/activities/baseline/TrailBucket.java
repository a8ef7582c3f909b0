package com.avesa.cutover.activities.baseline;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.aws.BucketSetup;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The bucket CloudTrail and AWS Config deliver into: created in the estate's region when missing,
 * versioned, encrypted (AES256 unless it has an encryption of its own), no public access, and the
 * bucket policy both services need ({@link TrailBucketPolicy}). Shared by the CloudTrail and the
 * Config steps, whichever runs first creates it.
 */
final class TrailBucket {
  static final String KIND = "s3-bucket";

  private final AwsClients clients;

  TrailBucket(AwsClients clients) {
    this.clients = clients;
  }

  void ensure(Estate admin, String accountId, String bucket, StepReport report) {
    S3Client s3 = clients.s3(admin, Side.TARGET);
    String item = "s3 bucket " + bucket;
    String what = "ensure trail bucket " + bucket + " (account " + accountId + ")";
    BucketSetup setup = new BucketSetup(s3, admin.region());
    if (BaselineFailures.call(what, () -> setup.exists(bucket, accountId, "security.trailBucket"))) {
      List<String> fixes = BaselineFailures.call(what, () -> bringToBaseline(s3, bucket));
      if (fixes.isEmpty()) {
        report.inPlace(item);
      } else {
        report.changed(item, String.join(", ", fixes));
      }
    } else {
      BaselineFailures.run(what, () -> {
        setup.create(bucket, "security.trailBucket");
        bringToBaseline(s3, bucket);
      });
      report.created(item, KIND, bucket);
    }
    ensurePolicy(s3, bucket, accountId, report);
  }

  /** Empties the bucket (every version) and deletes it; a missing bucket is gone already. */
  void remove(Estate admin, String bucket) {
    S3Client s3 = clients.s3(admin, Side.TARGET);
    try {
      for (var page : s3.listObjectVersionsPaginator(b -> b.bucket(bucket))) {
        List<ObjectIdentifier> keys = new ArrayList<>();
        page.versions().forEach(v -> keys.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
        page.deleteMarkers().forEach(m -> keys.add(ObjectIdentifier.builder().key(m.key()).versionId(m.versionId()).build()));
        if (!keys.isEmpty()) {
          s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(keys).quiet(true)));
        }
      }
      s3.deleteBucket(b -> b.bucket(bucket));
    } catch (S3Exception e) {
      if (!BaselineFailures.hasCode(e, "NoSuchBucket")) {
        throw BaselineFailures.classify("delete trail bucket " + bucket, e);
      }
    }
  }

  /** Versioning, encryption and the public access block, each set only when missing; what was set. */
  private static List<String> bringToBaseline(S3Client s3, String bucket) {
    List<String> fixes = new ArrayList<>();
    BucketVersioningStatus versioning = s3.getBucketVersioning(b -> b.bucket(bucket)).status();
    if (versioning != BucketVersioningStatus.ENABLED) {
      s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
      fixes.add("versioning enabled (was " + (versioning == null ? "off" : versioning.toString().toLowerCase(Locale.ROOT)) + ")");
    }
    if (lookup(() -> s3.getBucketEncryption(b -> b.bucket(bucket)), "ServerSideEncryptionConfigurationNotFoundError").isEmpty()) {
      s3.putBucketEncryption(b -> b.bucket(bucket).serverSideEncryptionConfiguration(c -> c.rules(
          r -> r.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256)))));
      fixes.add("AES256 encryption set (was none)");
    }
    var block = lookup(() -> s3.getPublicAccessBlock(b -> b.bucket(bucket)).publicAccessBlockConfiguration(),
        "NoSuchPublicAccessBlockConfiguration");
    boolean blocked = block.isPresent() && Boolean.TRUE.equals(block.get().blockPublicAcls())
        && Boolean.TRUE.equals(block.get().ignorePublicAcls()) && Boolean.TRUE.equals(block.get().blockPublicPolicy())
        && Boolean.TRUE.equals(block.get().restrictPublicBuckets());
    if (!blocked) {
      s3.putPublicAccessBlock(b -> b.bucket(bucket).publicAccessBlockConfiguration(p -> p
          .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));
      fixes.add("public access blocked (was " + (block.isPresent() ? "partly open" : "not blocked") + ")");
    }
    return fixes;
  }

  private static void ensurePolicy(S3Client s3, String bucket, String accountId, StepReport report) {
    String item = "s3 bucket policy " + bucket;
    String what = "put the CloudTrail and AWS Config statements into the policy of bucket " + bucket;
    Optional<String> current = BaselineFailures.call(what,
        () -> lookup(() -> s3.getBucketPolicy(b -> b.bucket(bucket)).policy(), "NoSuchBucketPolicy"));
    Optional<TrailBucketPolicy.Merge> merge = new TrailBucketPolicy(bucket, accountId).merge(current.orElse(null));
    if (merge.isEmpty()) {
      report.inPlace(item, "CloudTrail and AWS Config statements");
      return;
    }
    BaselineFailures.run(what, () -> s3.putBucketPolicy(b -> b.bucket(bucket).policy(merge.get().policy())));
    report.changed(item, (current.isEmpty() ? "created with " : "added ") + String.join(", ", merge.get().addedSids()));
  }

  /** A read whose "there is none" answer is {@code noneCode}: empty then. */
  private static <T> Optional<T> lookup(Supplier<T> read, String noneCode) {
    try {
      return Optional.ofNullable(read.get());
    } catch (S3Exception e) {
      if (BaselineFailures.hasCode(e, noneCode)) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
