package com.avesa.cutover.activities.decommission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.activities.testing.TestEstates;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.decommission.ArchiveBucketRequest;
import com.avesa.cutover.workflows.decommission.ArchivePage;
import com.avesa.cutover.workflows.decommission.ArchivePageRequest;
import com.avesa.cutover.workflows.decommission.ResourceChange;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.Tag;

/** The archive against moto: both buckets in the source account (123456789012). */
class DecommissionActivitiesImplTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();

  static final String SOURCE = "data-storage-msp";
  static final String ARCHIVE = "data-storage-msp-archive";
  static final String MULTIPART_KEY = "raw/acme/connectwise/big.parquet";
  static final List<String> KEYS = List.of("raw/acme/connectwise/tickets/2026/11/with space.json",
      "canonical/globex/halo/café-日本.json", "canonical/initech/_SUCCESS");

  private AwsClients clients;
  private DecommissionActivitiesImpl activities;
  private Estate estate;
  private S3Client s3;

  @BeforeEach
  void setUp() {
    clients = new AwsClients();
    activities = new DecommissionActivitiesImpl(clients);
    estate = TestEstates.crossAccount(MOTO.endpoint());
    s3 = clients.s3(estate, Side.SOURCE);
    s3.createBucket(b -> b.bucket(SOURCE));
  }

  @AfterEach
  void tearDown() {
    clients.close();
  }

  @Test
  void archivesEveryObjectAsGlacierWithItsHeadersAndMetadataIntoAVersionedEncryptedBucket() {
    putSourceObjects();

    ResourceChange bucket = activities.ensureArchiveBucket(new ArchiveBucketRequest(estate, ARCHIVE));
    ArchivePage page = archivePage(null, 1000);

    assertThat(bucket.changed()).isTrue();
    assertThat(bucket.item()).contains(ARCHIVE).contains("source account " + TestEstates.SOURCE_ACCOUNT);
    assertThat(s3.getBucketVersioning(b -> b.bucket(ARCHIVE)).status()).isEqualTo(BucketVersioningStatus.ENABLED);
    assertThat(s3.getBucketEncryption(b -> b.bucket(ARCHIVE)).serverSideEncryptionConfiguration().rules().get(0)
        .applyServerSideEncryptionByDefault().sseAlgorithm()).isEqualTo(ServerSideEncryption.AES256);
    assertThat(page.objects()).isEqualTo(KEYS.size() + 1);
    assertThat(page.copied()).isEqualTo(KEYS.size() + 1);
    assertThat(page.verified()).isEqualTo(KEYS.size() + 1);
    assertThat(page.problems()).isEmpty();
    assertThat(page.nextToken()).isNull();
    assertThat(page.bytes()).isEqualTo(sourceBytes());
    HeadObjectResponse archived = s3.headObject(b -> b.bucket(ARCHIVE).key(SOURCE + "/" + KEYS.get(0)));
    assertThat(archived.storageClass()).isEqualTo(StorageClass.GLACIER);
    assertThat(archived.metadata()).containsEntry("tenant", "acme");
    assertThat(archived.contentType()).isEqualTo("application/json");
    assertThat(s3.headObject(b -> b.bucket(ARCHIVE).key(SOURCE + "/" + MULTIPART_KEY)).storageClass())
        .isEqualTo(StorageClass.GLACIER);
  }

  @Test
  void archivesWithTheConfiguredStorageClassAndKeepsTags() {
    putSourceObjects();
    activities.ensureArchiveBucket(new ArchiveBucketRequest(estate, ARCHIVE));

    // moto refuses GetObjectTagging on a GLACIER object (InvalidObjectState): tags are checked here.
    ArchivePage page = activities.archivePage(new ArchivePageRequest(estate, SOURCE, ARCHIVE, "STANDARD_IA", null, 1000));

    String key = SOURCE + "/" + KEYS.get(0);
    assertThat(page.verified()).isEqualTo(KEYS.size() + 1);
    assertThat(s3.headObject(b -> b.bucket(ARCHIVE).key(key)).storageClass()).isEqualTo(StorageClass.STANDARD_IA);
    assertThat(s3.getObjectTagging(b -> b.bucket(ARCHIVE).key(key)).tagSet())
        .extracting(Tag::key, Tag::value).containsExactly(tuple("tier", "raw"));
  }

  @Test
  void aSecondArchiveCopiesNothingAndFindsTheBucketInPlace() {
    putSourceObjects();
    activities.ensureArchiveBucket(new ArchiveBucketRequest(estate, ARCHIVE));
    archivePage(null, 1000);

    ResourceChange bucket = activities.ensureArchiveBucket(new ArchiveBucketRequest(estate, ARCHIVE));
    ArchivePage again = archivePage(null, 1000);

    assertThat(bucket).isEqualTo(ResourceChange.found(bucket.item(), PhaseItem.IN_PLACE));
    assertThat(again.copied()).isZero();
    assertThat(again.verified()).isEqualTo(KEYS.size() + 1);
    assertThat(s3.listObjectVersions(b -> b.bucket(ARCHIVE)).versions()).hasSize(KEYS.size() + 1);
  }

  @Test
  void verificationCatchesTamperedArchiveObjectsOfTheSameSize() {
    putSourceObjects();
    activities.ensureArchiveBucket(new ArchiveBucketRequest(estate, ARCHIVE));
    archivePage(null, 1000);
    String single = SOURCE + "/" + KEYS.get(0);
    String multipart = SOURCE + "/" + MULTIPART_KEY;
    long multipartSize = s3.headObject(b -> b.bucket(SOURCE).key(MULTIPART_KEY)).contentLength();
    s3.putObject(b -> b.bucket(ARCHIVE).key(single).storageClass(StorageClass.GLACIER),
        RequestBody.fromBytes(bytes(100, 99)));
    // With a SHA-256 checksum of its own: only the streamed source's SHA-256 can tell it apart.
    s3.putObject(b -> b.bucket(ARCHIVE).key(multipart).storageClass(StorageClass.GLACIER)
        .checksumAlgorithm(ChecksumAlgorithm.SHA256), RequestBody.fromBytes(bytes((int) multipartSize, 98)));

    ArchivePage page = archivePage(null, 1000);

    assertThat(page.copied()).isZero();
    assertThat(page.verified()).isEqualTo(KEYS.size() - 1);
    assertThat(page.problems()).hasSize(2);
    assertThat(page.problems()).anySatisfy(p -> assertThat(p)
        .startsWith("s3://" + ARCHIVE + "/" + single + ": content differs from the source (ETag"));
    assertThat(page.problems()).anySatisfy(p -> assertThat(p)
        .startsWith("s3://" + ARCHIVE + "/" + multipart + ": content differs from the source (SHA-256"));
  }

  @Test
  void pagesThroughTheSourceWithContinuationTokens() {
    for (int i = 0; i < 5; i++) {
      int n = i;
      s3.putObject(b -> b.bucket(SOURCE).key("raw/t/" + n + ".json"), RequestBody.fromBytes(bytes(10, n)));
    }
    activities.ensureArchiveBucket(new ArchiveBucketRequest(estate, ARCHIVE));

    List<Long> pages = new ArrayList<>();
    String token = null;
    do {
      ArchivePage page = archivePage(token, 2);
      pages.add(page.copied());
      token = page.nextToken();
    } while (token != null);

    assertThat(pages).containsExactly(2L, 2L, 1L);
    assertThat(s3.listObjectsV2(b -> b.bucket(ARCHIVE).prefix(SOURCE + "/raw/t/")).keyCount()).isEqualTo(5);
  }

  @Test
  void aMissingSourceBucketIsANonRetryableNotFound() {
    activities.ensureArchiveBucket(new ArchiveBucketRequest(estate, ARCHIVE));

    assertThatThrownBy(() -> activities.archivePage(
        new ArchivePageRequest(estate, "no-such-bucket", ARCHIVE, "GLACIER", null, 1000)))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo(FailureType.NOT_FOUND.type());
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getOriginalMessage()).contains("no-such-bucket").contains("data.buckets");
        });
  }

  private ArchivePage archivePage(String token, int pageSize) {
    return activities.archivePage(new ArchivePageRequest(estate, SOURCE, ARCHIVE, "GLACIER", token, pageSize));
  }

  private void putSourceObjects() {
    for (int i = 0; i < KEYS.size(); i++) {
      String key = KEYS.get(i);
      byte[] body = key.endsWith("_SUCCESS") ? new byte[0] : bytes(100, i);
      s3.putObject(b -> b.bucket(SOURCE).key(key).contentType("application/json").metadata(Map.of("tenant", "acme"))
          .tagging("tier=raw"), RequestBody.fromBytes(body));
    }
    String upload = s3.createMultipartUpload(b -> b.bucket(SOURCE).key(MULTIPART_KEY)).uploadId();
    List<CompletedPart> parts = new ArrayList<>();
    for (int part = 1; part <= 2; part++) {
      int number = part;
      String etag = s3.uploadPart(b -> b.bucket(SOURCE).key(MULTIPART_KEY).uploadId(upload).partNumber(number),
          RequestBody.fromBytes(bytes(number == 1 ? 5 << 20 : 1000, number))).eTag();
      parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
    }
    s3.completeMultipartUpload(b -> b.bucket(SOURCE).key(MULTIPART_KEY).uploadId(upload)
        .multipartUpload(m -> m.parts(parts)));
  }

  private long sourceBytes() {
    return s3.listObjectsV2(b -> b.bucket(SOURCE)).contents().stream().mapToLong(o -> o.size()).sum();
  }

  static byte[] bytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }
}
