package com.avesa.cutover.activities.migration;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.testing.FaultProxy;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.activities.testing.S3Fixture;
import com.avesa.cutover.activities.testing.TestEstates;
import com.avesa.cutover.workflows.config.CopyMode;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.migration.BucketPage;
import com.avesa.cutover.workflows.migration.BucketPageRequest;
import com.avesa.cutover.workflows.migration.EnsureBucketRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** What a copy costs in requests, counted on a proxy that injects nothing. */
class CopyRequestsTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();
  private static final String SOURCE = "data-storage-msp";
  private static final String TARGET = "data-storage-msp-prod";
  private static final int OBJECTS = 50;

  private FaultProxy proxy;
  private AwsClients clients;
  private BucketActivitiesImpl activities;
  private Estate estate;

  @BeforeEach
  void setUp() {
    proxy = FaultProxy.start(MOTO.endpoint(), 1, 0);
    clients = new AwsClients();
    activities = new BucketActivitiesImpl(clients, new MigrationMetrics(new SimpleMeterRegistry()));
    Estate direct = TestEstates.crossAccount(MOTO.endpoint());
    S3Fixture source = new S3Fixture(clients.s3(direct, Side.SOURCE), SOURCE);
    source.createBucket();
    for (int i = 0; i < OBJECTS; i++) {
      source.put(String.format("raw/acme/halo/%03d.parquet", i), S3Fixture.randomBytes(100 + i, i),
          Map.of("origin", "ingest"), i % 2 == 0 ? Map.of("tier", "raw") : Map.of());
    }
    estate = TestEstates.crossAccount(proxy.endpoint());
    activities.ensureTargetBucket(new EnsureBucketRequest(estate, Side.TARGET, TARGET));
  }

  @AfterEach
  void tearDown() {
    activities.close();
    clients.close();
    proxy.close();
  }

  @Test
  void objectsMissingInTheTargetCostTwoRequestsEachPlusTheListings() {
    int before = bucketRequests();

    BucketPage page = activities.copyPage(request());

    assertThat(page.copied()).isEqualTo(OBJECTS);
    // data.verify full (requests without the setting): per object GetObjectTagging on the source and
    // CopyObject to the target; per page two listings (ListingVerificationTest: one CopyObject under listing)
    assertThat(bucketRequests() - before).isLessThanOrEqualTo(2 * OBJECTS + 2);
    BucketPage verified = activities.verifyPage(request());
    assertThat(verified.failed()).isZero();
    assertThat(verified.problems()).isEmpty();
    assertThat(activities.copyPage(request()).skipped()).isEqualTo(OBJECTS);
  }

  @Test
  void theNextPagesListingIsReadyWhenItsActivityStarts() {
    BucketPage first = activities.copyPage(request(null, OBJECTS / 2));
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sourceListings() == 2);

    BucketPage second = activities.copyPage(request(first.nextToken(), OBJECTS / 2));

    assertThat(first.copied() + second.copied()).isEqualTo(OBJECTS);
    assertThat(second.nextToken()).isNull();
    // page 1, and page 2 listed in the background while page 1 was copied; page 2 did not list again
    assertThat(sourceListings()).isEqualTo(2);
  }

  private int sourceListings() {
    return proxy.server().findAll(getRequestedFor(urlPathEqualTo("/" + SOURCE))
        .withQueryParam("list-type", equalTo("2"))).size();
  }

  /** Requests to either bucket: the target's name starts with the source's, so one path prefix counts both. */
  private int bucketRequests() {
    return proxy.requestsUnder("/" + SOURCE);
  }

  private BucketPageRequest request() {
    return request(null, 1000);
  }

  private BucketPageRequest request(String token, int pageSize) {
    return new BucketPageRequest(estate, Side.SOURCE, SOURCE, TARGET, "", token, pageSize, 8, CopyMode.AUTO);
  }
}
