package com.avesa.cutover.activities.migration;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.testing.Failed;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.activities.testing.S3Fixture;
import com.avesa.cutover.activities.testing.TestEstates;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.config.CopyMode;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.migration.BucketPage;
import com.avesa.cutover.workflows.migration.BucketPageRequest;
import com.avesa.cutover.workflows.migration.EnsureBucketRequest;
import com.avesa.cutover.workflows.migration.TenantTally;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

class BucketActivitiesImplTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();

  static final String SOURCE = "data-storage-msp";
  static final String TARGET = "data-storage-msp-prod";
  static final List<String> AWKWARD_KEYS = List.of(
      "raw/acme/connectwise/tickets/2026/11/with space.parquet",
      "raw/acme/connectwise/tickets/2026/11/100%.json",
      "raw/globex/halo/tickets/2026/11/a+b=c.json",
      "canonical/globex/halo/café-ümlaut-日本.json",
      "canonical/initech/_SUCCESS");

  private AwsClients clients;
  private SimpleMeterRegistry registry;
  private BucketActivitiesImpl activities;
  private Estate estate;
  private S3Fixture source;
  private S3Fixture target;

  @BeforeEach
  void setUp() {
    clients = new AwsClients();
    registry = new SimpleMeterRegistry();
    activities = new BucketActivitiesImpl(clients, new MigrationMetrics(registry));
    estate = TestEstates.crossAccount(MOTO.endpoint());
    source = new S3Fixture(clients.s3(estate, Side.SOURCE), SOURCE);
    target = new S3Fixture(clients.s3(estate, Side.TARGET), TARGET);
    source.createBucket();
  }

  @AfterEach
  void tearDown() {
    activities.close();
    clients.close();
  }

  @Test
  void copiesAwkwardKeysAndEmptyObjectsAcrossAccountsWithHeadersMetadataAndTags() {
    for (int i = 0; i < AWKWARD_KEYS.size(); i++) {
      String key = AWKWARD_KEYS.get(i);
      source.put(key, key.endsWith("_SUCCESS") ? new byte[0] : S3Fixture.randomBytes(100 + i, i),
          Map.of("tenant", "t" + i), Map.of("tier", "raw", "n", String.valueOf(i)));
    }
    ensureTarget();

    BucketPage page = activities.copyPage(request(null, 1000, CopyMode.AUTO));

    assertThat(page.objects()).isEqualTo(AWKWARD_KEYS.size());
    assertThat(page.copied()).isEqualTo(AWKWARD_KEYS.size());
    assertThat(page.nextToken()).isNull();
    for (String key : AWKWARD_KEYS) {
      assertThat(target.body(key)).as(key).isEqualTo(source.body(key));
      assertThat(target.state(key).differencesFrom(source.state(key))).as(key).isEmpty();
    }
    assertThat(target.state("canonical/initech/_SUCCESS").size()).isZero();
    assertThat(target.state(AWKWARD_KEYS.get(0)).tags()).containsEntry("tier", "raw").containsEntry("n", "0");
    assertThat(target.state(AWKWARD_KEYS.get(0)).contentType()).isEqualTo("application/vnd.apache.parquet");
    assertThat(registry.get("avesa.objects.copied").counter().count()).isEqualTo(AWKWARD_KEYS.size());
  }

  @Test
  void secondCopyOfTheSamePageSkipsEverything() {
    source.putRandom("raw/acme/a.parquet", 300);
    source.putRandom("canonical/acme/b.json", 0);
    ensureTarget();
    activities.copyPage(request(null, 1000, CopyMode.AUTO));

    BucketPage again = activities.copyPage(request(null, 1000, CopyMode.AUTO));

    assertThat(again.copied()).isZero();
    assertThat(again.toCopy()).isZero();
    assertThat(again.skipped()).isEqualTo(2);
    assertThat(registry.get("avesa.objects.skipped").counter().count()).isEqualTo(2);
  }

  @Test
  void aCopiedPageReportsTheBytesOfTheObjectsItCopiedAndARepeatReportsNone() {
    source.putRandom("raw/acme/a.parquet", 300);
    ensureTarget();
    activities.copyPage(request(null, 1000, CopyMode.AUTO));
    source.putRandom("canonical/acme/b.json", 45);

    BucketPage copied = activities.copyPage(request(null, 1000, CopyMode.AUTO));
    BucketPage again = activities.copyPage(request(null, 1000, CopyMode.AUTO));

    assertThat(copied.copied()).isEqualTo(1);
    assertThat(copied.bytes()).isEqualTo(345);
    assertThat(copied.bytesCopied()).isEqualTo(45);
    assertThat(again.bytes()).isEqualTo(345);
    assertThat(again.bytesCopied()).isZero();
  }

  @Test
  void copiesAMultipartUploadedObjectAndVerifiesItByContent() {
    String key = "raw/acme/connectwise/tickets/2026/11/big.parquet";
    byte[] body = source.putMultipart(key, 2, 5 * 1024 * 1024, 1024);
    assertThat(source.state(key).eTagIsContentMd5()).isFalse();
    ensureTarget();

    BucketPage copied = activities.copyPage(request(null, 1000, CopyMode.AUTO));
    BucketPage verified = activities.verifyPage(request(null, 1000, CopyMode.AUTO));

    assertThat(copied.copied()).isEqualTo(1);
    assertThat(copied.bytesCopied()).isEqualTo(body.length);
    assertThat(target.body(key)).isEqualTo(body);
    assertThat(verified.failed()).isZero();
    assertThat(verified.bytesCopied()).isZero();
    assertThat(verified.problems()).isEmpty();
    assertThat(activities.copyPage(request(null, 1000, CopyMode.AUTO)).skipped()).isEqualTo(1);
  }

  @Test
  void objectsAboveTheThresholdAreCopiedInPartsServerSideAndStreamed() {
    BucketActivitiesImpl small = new BucketActivitiesImpl(clients, new MigrationMetrics(registry), 6 << 20, 5 << 20);
    try {
      String key = "raw/acme/halo/companies/large.parquet";
      byte[] body = S3Fixture.randomBytes((11 << 20) + 17, 7);
      source.put(key, body, Map.of("origin", "ingest"), Map.of("tier", "raw"));
      ensureTarget();

      for (CopyMode mode : List.of(CopyMode.SERVER, CopyMode.STREAM)) {
        target.delete(key);
        BucketPage page = small.copyPage(request(null, 1000, mode));

        assertThat(page.copied()).as(mode.name()).isEqualTo(1);
        assertThat(target.body(key)).as(mode.name()).isEqualTo(body);
        assertThat(target.state(key).eTag()).as(mode.name()).endsWith("-3");
        assertThat(target.state(key).differencesFrom(source.state(key))).as(mode.name()).isEmpty();
        assertThat(small.verifyPage(request(null, 1000, mode)).problems()).as(mode.name()).isEmpty();
      }
    } finally {
      small.close();
    }
  }

  @Test
  void theRequestsMultipartThresholdDecidesWhichObjectsGoInParts() {
    String key = "raw/acme/halo/companies/medium.parquet";
    byte[] body = S3Fixture.randomBytes((6 << 20) + 5, 11);
    source.put(key, body, Map.of(), Map.of());
    ensureTarget();

    activities.copyPage(request(null, 1000, CopyMode.SERVER));
    assertThat(target.state(key).eTag()).as("default threshold 64 MiB: one CopyObject").doesNotContain("-");

    target.delete(key);
    BucketPageRequest lowered = new BucketPageRequest(estate, Side.SOURCE, SOURCE, TARGET, "", null, 1000, 8,
        CopyMode.SERVER, 5 << 20);
    assertThat(activities.copyPage(lowered).copied()).isEqualTo(1);
    assertThat(target.state(key).eTag()).as("data.multipartThreshold 5 MiB: a multipart copy").endsWith("-1");
    assertThat(target.body(key)).isEqualTo(body);
  }

  @Test
  void streamingCopyPreservesHeadersMetadataAndTags() {
    for (String key : AWKWARD_KEYS) {
      source.put(key, S3Fixture.randomBytes(key.length(), 3), Map.of("k", "v"), Map.of("tag", "x y"));
    }
    ensureTarget();

    BucketPage page = activities.copyPage(request(null, 1000, CopyMode.STREAM));

    assertThat(page.copied()).isEqualTo(AWKWARD_KEYS.size());
    for (String key : AWKWARD_KEYS) {
      assertThat(target.body(key)).as(key).isEqualTo(source.body(key));
      assertThat(target.state(key).differencesFrom(source.state(key))).as(key).isEmpty();
    }
  }

  @Test
  void verifyPageReportsAChangedBodyOfEqualSizeAndAChangedTag() {
    source.put("raw/acme/body.parquet", S3Fixture.randomBytes(500, 1), Map.of(), Map.of("tier", "raw"));
    source.put("raw/acme/tagged.parquet", S3Fixture.randomBytes(500, 2), Map.of(), Map.of("tier", "raw"));
    source.put("raw/acme/same.parquet", S3Fixture.randomBytes(500, 3), Map.of(), Map.of("tier", "raw"));
    ensureTarget();
    activities.copyPage(request(null, 1000, CopyMode.AUTO));
    target.put("raw/acme/body.parquet", S3Fixture.randomBytes(500, 99), Map.of(), Map.of("tier", "raw"));
    target.tag("raw/acme/tagged.parquet", Map.of("tier", "changed"));

    BucketPage page = activities.verifyPage(request(null, 1000, CopyMode.AUTO));

    assertThat(page.failed()).isEqualTo(2);
    assertThat(page.problems()).containsExactlyInAnyOrder(
        SOURCE + "/raw/acme/body.parquet -> " + TARGET + ": content differs (same size)",
        SOURCE + "/raw/acme/tagged.parquet -> " + TARGET + ": tags");
    assertThat(registry.get("avesa.verification.failures").counter().count()).isEqualTo(2);
  }

  @Test
  void planPageTalliesTenantsAndCountsWhatIsMissingWithoutWriting() {
    source.putRandom("raw/acme/a.parquet", 10);
    source.putRandom("raw/acme/b.parquet", 20);
    source.putRandom("canonical/globex/c.json", 30);
    source.putRandom("manifest.json", 5);

    BucketPage page = activities.planPage(request(null, 1000, CopyMode.AUTO));

    assertThat(page.objects()).isEqualTo(4);
    assertThat(page.bytes()).isEqualTo(65);
    assertThat(page.toCopy()).isEqualTo(4);
    assertThat(page.copied()).isZero();
    assertThat(page.bytesCopied()).isZero();
    assertThat(page.tenants()).containsExactlyInAnyOrderEntriesOf(
        Map.of("acme", new TenantTally(2, 30), "globex", new TenantTally(1, 30)));
    assertThat(target.exists()).isFalse();
  }

  @Test
  void pagesFollowTheContinuationTokenUntilTheListingIsExhausted() {
    List<String> keys = List.of("raw/acme/1", "raw/acme/2", "raw/acme/3", "raw/acme/4", "raw/acme/5");
    keys.forEach(key -> source.putRandom(key, 1));
    ensureTarget();

    List<Long> sizes = new ArrayList<>();
    String token = null;
    do {
      BucketPage page = activities.copyPage(request(token, 2, CopyMode.AUTO));
      sizes.add(page.objects());
      token = page.nextToken();
    } while (token != null);

    assertThat(sizes).containsExactly(2L, 2L, 1L);
    keys.forEach(key -> assertThat(target.state(key)).isNotNull());
  }

  @Test
  void missingSourceBucketIsNonRetryableNotFound() {
    BucketPageRequest request = new BucketPageRequest(estate, Side.SOURCE, "no-such-bucket", TARGET, "", null, 1000, 4, CopyMode.AUTO);

    String message = Failed.nonRetryably(FailureType.NOT_FOUND, () -> activities.copyPage(request));

    assertThat(message).isEqualTo("source bucket no-such-bucket does not exist (account 123456789012)");
  }

  @Test
  void copyIntoAMissingTargetBucketIsNonRetryableNotFound() {
    source.putRandom("raw/acme/a.parquet", 10);

    String message = Failed.nonRetryably(FailureType.NOT_FOUND, () -> activities.copyPage(request(null, 10, CopyMode.SERVER)));

    assertThat(message).isEqualTo("target bucket " + TARGET + " does not exist (account 987654321098)");
  }

  @Test
  void ensureTargetBucketEnablesVersioningEncryptionAndPublicAccessBlockIdempotently() {
    Executable ensure = () -> activities.ensureTargetBucket(new EnsureBucketRequest(estate, Side.TARGET, TARGET));
    assertDoesNotThrow(ensure);
    assertDoesNotThrow(ensure);

    S3Client s3 = clients.s3(estate, Side.TARGET);
    assertThat(s3.getBucketVersioning(b -> b.bucket(TARGET)).status()).isEqualTo(BucketVersioningStatus.ENABLED);
    assertThat(s3.getBucketEncryption(b -> b.bucket(TARGET)).serverSideEncryptionConfiguration().rules().get(0)
        .applyServerSideEncryptionByDefault().sseAlgorithm()).isEqualTo(ServerSideEncryption.AES256);
    var block = s3.getPublicAccessBlock(b -> b.bucket(TARGET)).publicAccessBlockConfiguration();
    assertThat(List.of(block.blockPublicAcls(), block.ignorePublicAcls(), block.blockPublicPolicy(), block.restrictPublicBuckets()))
        .containsOnly(true);
  }

  private void ensureTarget() {
    activities.ensureTargetBucket(new EnsureBucketRequest(estate, Side.TARGET, TARGET));
  }

  private BucketPageRequest request(String token, int pageSize, CopyMode mode) {
    return new BucketPageRequest(estate, Side.SOURCE, SOURCE, TARGET, "", token, pageSize, 8, mode);
  }
}
