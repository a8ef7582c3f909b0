package com.avesa.cutover.activities.migration;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.migration.BucketActivitiesImpl.PageProgress;
import com.avesa.cutover.activities.testing.FaultProxy;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.activities.testing.OneAttempt;
import com.avesa.cutover.activities.testing.S3Fixture;
import com.avesa.cutover.activities.testing.TestEstates;
import com.avesa.cutover.workflows.config.CopyMode;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.migration.BucketActivities;
import com.avesa.cutover.workflows.migration.BucketPage;
import com.avesa.cutover.workflows.migration.BucketPageRequest;
import com.avesa.cutover.workflows.migration.EnsureBucketRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumType;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A retried copy page (Temporal's activity test environment, the previous attempt's heartbeat
 * details set) takes up the multipart upload recorded there instead of starting another.
 */
class BucketPageResumeTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();
  private static final String SOURCE = "data-storage-msp";
  private static final String TARGET = "data-storage-msp-prod";
  private static final String KEY = "raw/acme/halo/tickets/2026/11/big.parquet";
  private static final int PART = 5 << 20;
  private static final int SLOW_LISTING_MILLIS = 6_000;

  private final List<PageProgress> heartbeats = new CopyOnWriteArrayList<>();
  private AwsClients clients;
  private BucketActivitiesImpl impl;
  private TestActivityEnvironment env;
  private BucketActivities activities;
  private Estate estate;

  @BeforeEach
  void setUp() {
    clients = new AwsClients();
    impl = new BucketActivitiesImpl(clients, new MigrationMetrics(new SimpleMeterRegistry()), 6 << 20, PART);
    estate = TestEstates.crossAccount(MOTO.endpoint());
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(impl);
    env.setActivityHeartbeatListener(PageProgress.class, heartbeats::add);
    activities = env.newActivityStub(BucketActivities.class, OneAttempt.heartbeating(Duration.ofSeconds(10)));
  }

  @AfterEach
  void tearDown() {
    env.close();
    impl.close();
    clients.close();
  }

  @Test
  void aRetriedCopyPageCompletesTheUploadItsLastHeartbeatRecorded() {
    S3Fixture source = new S3Fixture(clients.s3(estate, Side.SOURCE), SOURCE);
    source.createBucket();
    byte[] body = source.putMultipart(KEY, 3, PART, 1000);
    impl.ensureTargetBucket(new EnsureBucketRequest(estate, Side.TARGET, TARGET));
    S3Client target = clients.s3(estate, Side.TARGET);
    String uploadId = target.createMultipartUpload(b -> b.bucket(TARGET).key(KEY)
        .contentType("application/vnd.apache.parquet").metadata(java.util.Map.of("upload", "multipart"))
        .checksumAlgorithm(MultipartCopy.CHECKSUM).checksumType(ChecksumType.FULL_OBJECT)).uploadId();
    for (int part = 1; part <= 2; part++) {
      int number = part;
      target.uploadPart(b -> b.bucket(TARGET).key(KEY).uploadId(uploadId).partNumber(number)
              .checksumAlgorithm(MultipartCopy.CHECKSUM),
          RequestBody.fromBytes(Arrays.copyOfRange(body, (number - 1) * PART, number * PART)));
    }
    String sourceETag = source.state(KEY).eTag();
    env.setHeartbeatDetails(new PageProgress(SOURCE, null, 0, 1,
        List.of(new MultipartCopy.Upload(KEY, uploadId, sourceETag, PART, "1-2"))));

    BucketPage page = activities.copyPage(
        new BucketPageRequest(estate, Side.SOURCE, SOURCE, TARGET, "", null, 1000, 8, CopyMode.STREAM));

    assertThat(page.copied()).isEqualTo(1);
    assertThat(new S3Fixture(target, TARGET).body(KEY)).isEqualTo(body);
    assertThat(target.listMultipartUploads(b -> b.bucket(TARGET)).uploads())
        .as("the recorded upload was completed, no other begun").isEmpty();
    assertThat(new S3Fixture(target, TARGET).state(KEY).differencesFrom(source.state(KEY))).isEmpty();
    assertThat(heartbeats).isNotEmpty().allSatisfy(beat -> assertThat(beat.bucket()).isEqualTo(SOURCE));
  }

  /**
   * The page's listings come before its own first heartbeat; when they are slower than the
   * heartbeat timeout (a large bucket on a busy store) the page heartbeats while it waits, instead
   * of being timed out and retried from scratch. Here the target's listing takes 6 s: the first
   * heartbeat arrives long before it answers.
   */
  @Test
  void aPageHeartbeatsWhileItsListingsAreSlow() {
    S3Fixture source = new S3Fixture(clients.s3(estate, Side.SOURCE), SOURCE);
    source.createBucket();
    source.putRandom("raw/acme/a.json", 100);
    impl.ensureTargetBucket(new EnsureBucketRequest(estate, Side.TARGET, TARGET));
    List<Long> beatsAt = new CopyOnWriteArrayList<>();
    env.setActivityHeartbeatListener(PageProgress.class, beat -> beatsAt.add(System.nanoTime()));
    try (FaultProxy proxy = FaultProxy.start(MOTO.endpoint(), 1, 0)) {
      proxy.server().stubFor(get(urlPathEqualTo("/" + TARGET)).withQueryParam("list-type", equalTo("2"))
          .atPriority(1).willReturn(aResponse().proxiedFrom(MOTO.endpoint()).withFixedDelay(SLOW_LISTING_MILLIS)));
      Estate slow = TestEstates.crossAccount(proxy.endpoint());
      long started = System.nanoTime();

      BucketPage page = activities.copyPage(
          new BucketPageRequest(slow, Side.SOURCE, SOURCE, TARGET, "", null, 1000, 8, CopyMode.AUTO));

      assertThat(page.copied()).isEqualTo(1);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the listing was slow")
          .isGreaterThanOrEqualTo(Duration.ofMillis(SLOW_LISTING_MILLIS));
      assertThat(beatsAt).isNotEmpty();
      assertThat(Duration.ofNanos(beatsAt.get(0) - started)).as("first heartbeat, during the slow listing")
          .isLessThan(Duration.ofMillis(SLOW_LISTING_MILLIS / 2));
    }
  }
}
