package com.avesa.cutover.activities.migration;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.activities.testing.S3Fixture;
import com.avesa.cutover.activities.testing.TestEstates;
import com.avesa.cutover.workflows.config.CopyMode;
import com.avesa.cutover.workflows.config.VerifyMode;
import com.avesa.cutover.workflows.estate.AccountConfig;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.migration.BucketPage;
import com.avesa.cutover.workflows.migration.BucketPageRequest;
import com.avesa.cutover.workflows.migration.EnsureBucketRequest;
import com.avesa.cutover.workflows.migration.ExtrasPage;
import com.avesa.cutover.workflows.migration.ExtrasPageRequest;
import com.avesa.cutover.workflows.migration.ExtrasRule;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code data.verify: listing} against moto: what a copy and a verification cost in S3 requests
 * (counted by an interceptor on the clients), and what each mode notices. Source and target are
 * one account here: moto keeps object tags per account, so its CopyObject with TaggingDirective
 * COPY drops the tags of a source in another account (S3 copies them).
 */
class ListingVerificationTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();
  private static final String SOURCE = "data-storage-msp";
  private static final String TARGET = "data-storage-msp-prod";

  private final S3RequestCounter counter = new S3RequestCounter();
  private AwsClients clients;
  private BucketActivitiesImpl activities;
  private Estate estate;
  private S3Fixture source;
  private S3Fixture target;

  @BeforeEach
  void setUp() {
    clients = S3RequestCounter.clients(counter);
    activities = new BucketActivitiesImpl(clients, new MigrationMetrics(new SimpleMeterRegistry()));
    AccountConfig account = new AccountConfig(TestEstates.SOURCE_ACCOUNT, null, null, null);
    estate = new Estate(MotoExtension.REGION, MOTO.endpoint(), account, account);
    source = new S3Fixture(clients.s3(estate, Side.SOURCE), SOURCE);
    target = new S3Fixture(clients.s3(estate, Side.TARGET), TARGET);
    source.createBucket();
    activities.ensureTargetBucket(new EnsureBucketRequest(estate, Side.TARGET, TARGET));
  }

  @AfterEach
  void tearDown() {
    activities.close();
    clients.close();
  }

  @Test
  void aFreshCopyIsOneCopyObjectPerObjectAndANoOpSyncOnlyLists() {
    int objects = 200;
    for (int i = 0; i < objects; i++) {
      source.put(String.format("raw/acme/halo/%04d.json", i), S3Fixture.randomBytes(1024, i),
          Map.of("origin", "ingest"), Map.of("tier", "raw", "n", String.valueOf(i)));
    }
    counter.reset();

    BucketPage copied = activities.copyPage(request(VerifyMode.LISTING, 0));

    assertThat(copied.copied()).isEqualTo(objects);
    assertThat(copied.failed()).isZero();
    Map<String, Integer> calls = counter.calls();
    assertThat(calls.get("CopyObject")).isEqualTo(objects);
    assertThat(calls.keySet()).containsOnly("CopyObject", "ListObjectsV2", "HeadObject", "GetObjectTagging");
    assertThat(calls.get("ListObjectsV2")).as("the source page and the target's range").isEqualTo(2);
    assertThat(calls.get("HeadObject")).as("the page's first copy, checked in full: one HEAD a side").isEqualTo(2);
    assertThat(calls.get("GetObjectTagging")).as("and its tags on each side").isEqualTo(2);
    assertThat(counter.total() / (double) objects).isLessThanOrEqualTo(1.1);
    String key = "raw/acme/halo/0007.json";
    assertThat(target.state(key).differencesFrom(source.state(key))).as("S3 copied headers, metadata and tags").isEmpty();
    assertThat(target.body(key)).isEqualTo(source.body(key));

    counter.reset();
    BucketPage again = activities.copyPage(request(VerifyMode.LISTING, 0.5));
    BucketPage verified = activities.verifyPage(request(VerifyMode.LISTING, 0.5));

    assertThat(again.skipped()).isEqualTo(objects);
    assertThat(again.copied()).isZero();
    assertThat(verified.failed()).isZero();
    assertThat(verified.objects()).isEqualTo(objects);
    assertThat(counter.calls()).as("no per-object request").containsOnlyKeys("ListObjectsV2");
    assertThat(counter.total()).isEqualTo(4);

    counter.reset();
    ExtrasPage extras = activities.extrasPage(new ExtrasPageRequest(estate, Side.SOURCE, SOURCE, TARGET, "", null,
        1000, ExtrasRule.REPORT_ONLY));
    assertThat(extras.extras().count()).isZero();
    assertThat(counter.calls()).as("the extras pass lists both sides, the first key included, and HEADs nothing")
        .containsOnlyKeys("ListObjectsV2");
  }

  @Test
  void listingVerificationFindsAMissingObjectAChangedSizeAndAChangedBodyOfTheSameSize() {
    for (String name : List.of("body", "gone", "longer", "same")) {
      source.put("raw/acme/" + name + ".json", S3Fixture.randomBytes(500, name.hashCode()), Map.of(), Map.of());
    }
    activities.copyPage(request(VerifyMode.LISTING, 0));
    target.put("raw/acme/body.json", S3Fixture.randomBytes(500, 99), Map.of(), Map.of());
    target.delete("raw/acme/gone.json");
    target.put("raw/acme/longer.json", S3Fixture.randomBytes(501, 1), Map.of(), Map.of());
    counter.reset();

    BucketPage page = activities.verifyPage(request(VerifyMode.LISTING, 0));

    assertThat(page.failed()).isEqualTo(3);
    assertThat(page.problems()).containsExactlyInAnyOrder(
        SOURCE + "/raw/acme/body.json -> " + TARGET + ": content differs (same size)",
        SOURCE + "/raw/acme/gone.json -> " + TARGET + ": missing",
        SOURCE + "/raw/acme/longer.json -> " + TARGET + ": size 500 vs 501");
    assertThat(counter.calls()).as("plain MD5 ETags settle it: one HEAD a side for the changed body only")
        .containsEntry("HeadObject", 2).doesNotContainKey("GetObject");

    counter.reset();
    BucketPage repaired = activities.copyPage(request(VerifyMode.LISTING, 0));
    assertThat(repaired.copied()).isEqualTo(3);
    assertThat(activities.verifyPage(request(VerifyMode.LISTING, 0)).failed()).isZero();
  }

  @Test
  void aTagOrMetadataChangeIsFoundByFullVerificationOnlyWhichIsListingModesDocumentedLimit() {
    source.put("raw/acme/tagged.json", S3Fixture.randomBytes(300, 1), Map.of("m", "1"), Map.of("tier", "raw"));
    source.put("raw/acme/meta.json", S3Fixture.randomBytes(300, 2), Map.of("m", "1"), Map.of());
    activities.copyPage(request(VerifyMode.LISTING, 0));
    target.tag("raw/acme/tagged.json", Map.of("tier", "changed"));
    target.put("raw/acme/meta.json", source.body("raw/acme/meta.json"), Map.of("m", "2"), Map.of());

    BucketPage listing = activities.verifyPage(request(VerifyMode.LISTING, 1));
    BucketPage full = activities.verifyPage(request(VerifyMode.FULL, 0));

    assertThat(listing.failed()).isZero();
    assertThat(full.problems()).containsExactlyInAnyOrder(
        SOURCE + "/raw/acme/meta.json -> " + TARGET + ": user metadata",
        SOURCE + "/raw/acme/tagged.json -> " + TARGET + ": tags");
  }

  @Test
  void theSampleChecksTheObjectsItCopiesInFull() {
    List<String> keys = IntStream.range(0, 40).mapToObj(i -> "raw/acme/s/" + i + ".json").toList();
    keys.forEach(key -> source.put(key, S3Fixture.randomBytes(64, key.hashCode()), Map.of(), Map.of("tier", "raw")));
    List<String> sampled = keys.stream().filter(key -> ObjectSync.sampled(key, 0.25)).toList();
    assertThat(sampled).isNotEmpty().hasSizeLessThan(keys.size());
    String spoiled = sampled.get(0);
    String first = keys.stream().sorted().findFirst().orElseThrow();
    String unsampled = keys.stream().filter(key -> !sampled.contains(key) && !key.equals(first)).findFirst()
        .orElseThrow();
    // a store that loses the tags of some copies
    counter.after((operation, request) -> {
      if (operation.equals("CopyObject")) {
        String key = ((CopyObjectRequest) request).destinationKey();
        if (key.equals(spoiled) || key.equals(unsampled)) {
          target.tag(key, Map.of("tier", "lost"));
        }
      }
    });

    BucketPage page = activities.copyPage(request(VerifyMode.LISTING, 0.25));

    assertThat(page.copied()).isEqualTo(keys.size());
    assertThat(page.failed()).isEqualTo(1);
    assertThat(page.problems()).containsExactly(SOURCE + "/" + spoiled + " -> " + TARGET + ": tags");
    counter.after((operation, request) -> {});
    counter.reset();
    assertThat(activities.copyPage(request(VerifyMode.LISTING, 0.25)).skipped())
        .as("a no-op sync samples nothing").isEqualTo(keys.size());
    assertThat(counter.calls()).containsOnlyKeys("ListObjectsV2");
  }

  @Test
  void thePagesFirstCopyIsCheckedInFullEvenWithoutASampleSoAStoreThatDropsTagsIsFound() {
    List<String> keys = IntStream.range(0, 20).mapToObj(i -> String.format("raw/acme/g/%02d.json", i)).toList();
    keys.forEach(key -> source.put(key, S3Fixture.randomBytes(64, key.hashCode()), Map.of(), Map.of("tier", "raw")));
    // a store that loses the tags of every copy (moto across accounts)
    counter.after((operation, request) -> {
      if (operation.equals("CopyObject")) {
        target.tag(((CopyObjectRequest) request).destinationKey(), Map.of("tier", "lost"));
      }
    });

    BucketPage page = activities.copyPage(request(VerifyMode.LISTING, 0));

    assertThat(page.copied()).isEqualTo(keys.size());
    assertThat(page.problems()).containsExactly(SOURCE + "/" + keys.get(0) + " -> " + TARGET + ": tags");
    counter.after((operation, request) -> {});
  }

  @Test
  void theSampleIsAStableShareOfTheKeys() {
    List<String> keys = IntStream.range(0, 20_000).mapToObj(i -> "raw/tenant-" + (i % 37) + "/" + i + ".parquet").toList();

    long share = keys.stream().filter(key -> ObjectSync.sampled(key, 0.01)).count();

    assertThat(share).isBetween(140L, 260L);
    assertThat(keys.stream().filter(key -> ObjectSync.sampled(key, 0.01)).count()).isEqualTo(share);
    assertThat(keys.stream().filter(key -> ObjectSync.sampled(key, 0)).count()).isZero();
    assertThat(keys.stream().allMatch(key -> ObjectSync.sampled(key, 1))).isTrue();
  }

  @Test
  void multipartObjectsAreVerifiedByTheirStoredChecksumsWithoutReadingTheBodies() {
    String key = "raw/acme/big.parquet";
    byte[] body = S3Fixture.randomBytes((10 << 20) + 1024, 5);
    S3Client sourceS3 = clients.s3(estate, Side.SOURCE);
    S3Client targetS3 = clients.s3(estate, Side.TARGET);
    putMultipart(sourceS3, SOURCE, key, body, 5 << 20, ChecksumAlgorithm.CRC32);
    // what a copy in other parts leaves: the same bytes, another multipart ETag, the same full-object checksum
    putMultipart(targetS3, TARGET, key, body, 6 << 20, ChecksumAlgorithm.CRC32);
    assertThat(target.state(key).eTag()).endsWith("-2").isNotEqualTo(source.state(key).eTag());
    counter.reset();

    BucketPage same = activities.verifyPage(request(VerifyMode.LISTING, 0));

    assertThat(same.failed()).isZero();
    assertThat(counter.calls()).containsEntry("HeadObject", 2).doesNotContainKey("GetObject");

    byte[] other = body.clone();
    other[body.length / 2] ^= 1;
    putMultipart(targetS3, TARGET, key, other, 6 << 20, ChecksumAlgorithm.CRC32);
    counter.reset();
    BucketPage changed = activities.verifyPage(request(VerifyMode.LISTING, 0));

    assertThat(changed.problems()).containsExactly(SOURCE + "/" + key + " -> " + TARGET + ": content differs (same size)");
    assertThat(counter.calls()).doesNotContainKey("GetObject");
  }

  @Test
  void withoutAStoredChecksumOnOneSideTheBodiesAreStreamed() {
    String key = "raw/acme/big.parquet";
    byte[] body = S3Fixture.randomBytes((10 << 20) + 1024, 5);
    putMultipart(clients.s3(estate, Side.SOURCE), SOURCE, key, body, 5 << 20, ChecksumAlgorithm.CRC32);
    putMultipart(clients.s3(estate, Side.TARGET), TARGET, key, body, 6 << 20, null);
    counter.reset();

    BucketPage page = activities.verifyPage(request(VerifyMode.LISTING, 0));

    assertThat(page.failed()).isZero();
    assertThat(counter.calls()).containsEntry("GetObject", 2);
  }

  /** A multipart upload of {@code body} in parts of {@code partSize}, with a full-object checksum unless null. */
  @Test
  void aMultipartSourceIsCopiedByOneCopyObjectThatAddsAFullObjectChecksum() {
    String key = "raw/acme/big.parquet";
    byte[] body = S3Fixture.randomBytes((10 << 20) + 1024, 5);
    putMultipart(clients.s3(estate, Side.SOURCE), SOURCE, key, body, 5 << 20, null);
    counter.reset();

    BucketPage page = activities.copyPage(request(VerifyMode.LISTING, 0));

    assertThat(page.copied()).isEqualTo(1);
    // one CopyObject; the rest is the page's first copy checked in full (HEAD, tags, both bodies: no checksum on the source)
    assertThat(counter.calls()).containsEntry("CopyObject", 1)
        .doesNotContainKeys("UploadPartCopy", "UploadPart", "PutObject", "CreateMultipartUpload");
    assertThat(target.body(key)).isEqualTo(body);
    assertThat(S3Objects.stored(clients.s3(estate, Side.TARGET), TARGET, key).orElseThrow().checksums())
        .containsKey("CRC64NVME");
  }

  private static void putMultipart(S3Client s3, String bucket, String key, byte[] body, int partSize,
      ChecksumAlgorithm checksum) {
    String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).checksumAlgorithm(checksum)
        .checksumType(checksum == null ? null : ChecksumType.FULL_OBJECT)).uploadId();
    List<CompletedPart> parts = new ArrayList<>();
    for (int from = 0, number = 1; from < body.length; from += partSize, number++) {
      int part = number;
      byte[] bytes = Arrays.copyOfRange(body, from, Math.min(body.length, from + partSize));
      String eTag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(part)
          .checksumAlgorithm(checksum), RequestBody.fromBytes(bytes)).eTag();
      parts.add(CompletedPart.builder().partNumber(part).eTag(eTag).build());
    }
    s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
  }

  private BucketPageRequest request(VerifyMode verify, double sample) {
    return new BucketPageRequest(estate, Side.SOURCE, SOURCE, TARGET, "", null, 1000, 8, CopyMode.AUTO, 0, verify,
        sample);
  }
}
