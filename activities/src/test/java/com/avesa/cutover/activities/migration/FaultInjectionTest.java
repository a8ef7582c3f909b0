package com.avesa.cutover.activities.migration;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.testing.Failed;
import com.avesa.cutover.activities.testing.FaultProxy;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.activities.testing.S3Fixture;
import com.avesa.cutover.activities.testing.TestEstates;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.config.CopyMode;
import com.avesa.cutover.workflows.config.SecretFilter;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.migration.BucketPage;
import com.avesa.cutover.workflows.migration.BucketPageRequest;
import com.avesa.cutover.workflows.migration.EnsureBucketRequest;
import com.avesa.cutover.workflows.migration.EnsureTableRequest;
import com.avesa.cutover.workflows.migration.SecretsRequest;
import com.avesa.cutover.workflows.migration.SecretsResult;
import com.avesa.cutover.workflows.migration.SegmentRequest;
import com.avesa.cutover.workflows.migration.SegmentResult;
import com.avesa.cutover.workflows.migration.TableDigest;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real activities against moto behind a {@link FaultProxy} that fails a fifth of the requests
 * (500s, throttling, connection resets, 2-second delays) and answers some BatchWriteItems with
 * every item unprocessed: copies still complete and verify, and errors that retrying cannot fix
 * still fail at once.
 */
class FaultInjectionTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();

  private static final Logger log = LoggerFactory.getLogger(FaultInjectionTest.class);
  private static final long SEED = 20261128L;
  private static final String SOURCE = "data-storage-msp";
  private static final String TARGET = "data-storage-msp-prod";
  private static final int OBJECTS = 200;
  private static final int PAGE_SIZE = 50;
  private static final int ITEMS = 300;
  private static final int SECRETS = 12;
  private static final Duration FAIL_FAST = Duration.ofSeconds(5);

  private FaultProxy proxy;
  private AwsClients direct;
  private AwsClients clients;
  private Estate moto;
  private Estate estate;
  private BucketActivitiesImpl buckets;
  private TableActivitiesImpl tables;

  @BeforeEach
  void setUp() {
    proxy = FaultProxy.start(MOTO.endpoint(), SEED);
    direct = new AwsClients();
    clients = new AwsClients();
    moto = TestEstates.crossAccount(MOTO.endpoint());
    estate = TestEstates.crossAccount(proxy.endpoint());
    MigrationMetrics metrics = new MigrationMetrics(new SimpleMeterRegistry());
    buckets = new BucketActivitiesImpl(clients, metrics);
    tables = new TableActivitiesImpl(clients, metrics);
  }

  @AfterEach
  void tearDown() {
    buckets.close();
    tables.close();
    clients.close();
    direct.close();
    proxy.close();
  }

  @Test
  void aMigrationThroughFaultsCopiesAndVerifiesObjectsItemsAndSecrets() {
    seedBucket();
    seedTable();
    seedSecrets();
    long started = System.nanoTime();

    inParallel(this::migrateBucket, this::migrateTable, this::migrateSecrets);

    log.info("{} requests through the proxy, injected {}, {} ms",
        proxy.requests(), proxy.injected(), Duration.ofNanos(System.nanoTime() - started).toMillis());
    assertThat(proxy.injected()).allSatisfy((kind, count) -> assertThat(count).as(kind.name()).isPositive());
  }

  @Test
  void accessDeniedListingFailsAtOnceNamingTheBucket() {
    new S3Fixture(direct.s3(moto, Side.SOURCE), SOURCE).createBucket();
    proxy.server().stubFor(any(urlPathMatching("/" + SOURCE + "(/.*)?")).atPriority(1).willReturn(accessDenied()));

    long started = System.nanoTime();
    String message = Failed.nonRetryably(FailureType.ACCESS_DENIED, () -> buckets.copyPage(request(null, CopyMode.AUTO)));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAIL_FAST);
    assertThat(message).isEqualTo("list " + SOURCE + ": access denied: AccessDenied: Access Denied");
    assertThat(proxy.requestsUnder("/" + SOURCE)).isOne();
  }

  @Test
  void accessDeniedObjectReadFailsAtOnceNamingBucketAndKey() {
    S3Fixture source = new S3Fixture(direct.s3(moto, Side.SOURCE), SOURCE);
    source.createBucket();
    source.putRandom("raw/acme/a.json", 10);
    buckets.ensureTargetBucket(new EnsureBucketRequest(estate, Side.TARGET, TARGET));
    proxy.server().stubFor(get(urlPathMatching("/" + SOURCE + "/.+")).withQueryParam("tagging", absent()).atPriority(1).willReturn(accessDenied()));
    int before = proxy.requestsUnder("/" + SOURCE + "/");

    long started = System.nanoTime();
    String message = Failed.nonRetryably(FailureType.ACCESS_DENIED, () -> buckets.copyPage(request(null, CopyMode.STREAM)));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAIL_FAST);
    assertThat(message).startsWith("copy " + SOURCE + "/raw/acme/a.json -> " + TARGET + ": access denied");
    assertThat(proxy.requestsUnder("/" + SOURCE + "/") - before).isLessThanOrEqualTo(4);
  }

  @Test
  void missingSourceBucketFailsAtOnceAsNotFound() {
    long started = System.nanoTime();
    String message = Failed.nonRetryably(FailureType.NOT_FOUND, () -> buckets.copyPage(
        new BucketPageRequest(estate, Side.SOURCE, "no-such-bucket", TARGET, "", null, PAGE_SIZE, 8, CopyMode.AUTO)));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAIL_FAST);
    assertThat(message).isEqualTo("source bucket no-such-bucket does not exist (account " + TestEstates.SOURCE_ACCOUNT + ")");
    assertThat(proxy.requestsUnder("/no-such-bucket")).isLessThanOrEqualTo(3);
  }

  private void seedBucket() {
    S3Fixture source = new S3Fixture(direct.s3(moto, Side.SOURCE), SOURCE);
    source.createBucket();
    for (int i = 0; i < OBJECTS; i++) {
      String key = "raw/tenant" + (i % 6) + "/halo/tickets/" + i + ".json";
      source.put(key, S3Fixture.randomBytes(i % 40 == 0 ? 0 : 64 + i, i), Map.of("n", String.valueOf(i)), Map.of("tier", "raw"));
    }
  }

  /** Pages alternate server-side and streaming copies; verification hashes every object. */
  private void migrateBucket() {
    long started = System.nanoTime();
    buckets.ensureTargetBucket(new EnsureBucketRequest(estate, Side.TARGET, TARGET));
    List<BucketPage> copied = pages(page -> buckets.copyPage(request(page.token, page.number % 2 == 0 ? CopyMode.SERVER : CopyMode.STREAM)));
    List<BucketPage> verified = pages(page -> buckets.verifyPage(request(page.token, CopyMode.AUTO)));

    assertThat(copied).hasSize(OBJECTS / PAGE_SIZE);
    assertThat(copied.stream().mapToLong(BucketPage::copied).sum()).isEqualTo(OBJECTS);
    assertThat(verified.stream().mapToLong(BucketPage::objects).sum()).isEqualTo(OBJECTS);
    assertThat(verified.stream().mapToLong(BucketPage::failed).sum()).isZero();
    assertThat(verified.stream().flatMap(page -> page.problems().stream())).isEmpty();
    log.info("bucket copied and verified in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
    assertThat(contentDigests(direct.s3(moto, Side.TARGET), TARGET))
        .hasSize(OBJECTS)
        .isEqualTo(contentDigests(direct.s3(moto, Side.SOURCE), SOURCE));
  }

  private void seedTable() {
    DynamoDbClient source = direct.dynamoDb(moto, Side.SOURCE);
    createLastUpdated(source);
    List<WriteRequest> writes = new ArrayList<>();
    for (int i = 0; i < ITEMS; i++) {
      Map<String, AttributeValue> item = item(i);
      writes.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
    }
    for (int start = 0; start < ITEMS; start += BatchWriter.BATCH_SIZE) {
      List<WriteRequest> batch = writes.subList(start, Math.min(ITEMS, start + BatchWriter.BATCH_SIZE));
      source.batchWriteItem(b -> b.requestItems(Map.of("LastUpdated-prod", batch)));
    }
  }

  /** Copies three segments, digests the copy, and counts it straight in moto: unprocessed items were resent. */
  private void migrateTable() {
    long started = System.nanoTime();
    tables.ensureTargetTable(new EnsureTableRequest(estate, Side.TARGET, "LastUpdated-prod", "LastUpdated"));
    long copied = 0;
    long targetItems = 0;
    String sourceDigest = TableDigest.EMPTY;
    String targetDigest = TableDigest.EMPTY;
    for (int segment = 0; segment < 3; segment++) {
      SegmentResult result = tables.copySegment(new SegmentRequest(estate, Side.SOURCE, "LastUpdated-prod", "LastUpdated", segment, 3, 4));
      copied += result.copied();
      sourceDigest = TableDigest.add(sourceDigest, result.digest());
    }
    for (int segment = 0; segment < 3; segment++) {
      SegmentResult result = tables.digestSegment(new SegmentRequest(estate, Side.TARGET, "LastUpdated", "LastUpdated-prod", segment, 3, 4));
      targetItems += result.items();
      targetDigest = TableDigest.add(targetDigest, result.digest());
    }

    log.info("table copied and digested in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
    assertThat(copied).isEqualTo(ITEMS);
    assertThat(targetItems).isEqualTo(ITEMS);
    assertThat(targetDigest).isEqualTo(sourceDigest).isNotEqualTo(TableDigest.EMPTY);
    assertThat(direct.dynamoDb(moto, Side.TARGET).scanPaginator(b -> b.tableName("LastUpdated").consistentRead(true))
        .items().stream().count()).isEqualTo(ITEMS);
  }

  private void seedSecrets() {
    SecretsManagerClient source = direct.secrets(moto, Side.SOURCE);
    for (int i = 0; i < SECRETS; i++) {
      String name = secretName(i);
      String value = secretValue(i);
      source.createSecret(b -> b.name(name).secretString(value).description("tenant " + name));
    }
    source.createSecret(b -> b.name("tenant/t0/dev").secretString("dev"));
  }

  private void migrateSecrets() {
    SecretActivitiesImpl secrets = new SecretActivitiesImpl(clients, new MigrationMetrics(new SimpleMeterRegistry()));
    SecretsRequest request = new SecretsRequest(estate, Side.SOURCE, new SecretFilter(List.of("tenant/*/prod")));

    long started = System.nanoTime();
    SecretsResult copied = secrets.copySecrets(request);
    SecretsResult verified = secrets.verifySecrets(request);
    log.info("secrets copied and verified in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());

    assertThat(copied.copied()).isEqualTo(SECRETS);
    assertThat(verified.matched()).isEqualTo(SECRETS);
    assertThat(verified.problems()).isEmpty();
    SecretsManagerClient target = direct.secrets(moto, Side.TARGET);
    for (int i = 0; i < SECRETS; i++) {
      String name = secretName(i);
      assertThat(target.getSecretValue(b -> b.secretId(name)).secretString()).as(name).isEqualTo(secretValue(i));
    }
  }

  private static String secretName(int i) {
    return "tenant/t" + i + "/prod";
  }

  private static String secretValue(int i) {
    return "{\"apiKey\":\"key-" + i + "\"}";
  }

  private record PageAt(int number, String token) {}

  private interface PageCall {
    BucketPage run(PageAt page);
  }

  private static List<BucketPage> pages(PageCall call) {
    List<BucketPage> pages = new ArrayList<>();
    String token = null;
    do {
      BucketPage page = call.run(new PageAt(pages.size(), token));
      pages.add(page);
      token = page.nextToken();
    } while (token != null);
    return pages;
  }

  private static ResponseDefinitionBuilder accessDenied() {
    return aResponse().withStatus(403).withHeader("Content-Type", "application/xml")
        .withBody("<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>");
  }

  private BucketPageRequest request(String token, CopyMode mode) {
    return new BucketPageRequest(estate, Side.SOURCE, SOURCE, TARGET, "", token, PAGE_SIZE, 16, mode);
  }

  /** Runs the steps side by side, as the migration workflow does, and rethrows the first failure. */
  private static void inParallel(Runnable... steps) {
    ExecutorService pool = Executors.newFixedThreadPool(steps.length);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (Runnable step : steps) {
        running.add(pool.submit(step));
      }
      for (Future<?> step : running) {
        step.get();
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Key → SHA-256 of the content, read straight from moto. */
  private static Map<String, String> contentDigests(S3Client s3, String bucket) {
    Map<String, String> digests = new TreeMap<>();
    for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
      digests.put(object.key(), S3Objects.sha256(s3, bucket, object.key()).orElseThrow());
    }
    return digests;
  }

  private static Map<String, AttributeValue> item(int i) {
    return Map.of(
        "tenant_id", AttributeValue.fromS("tenant" + (i % 7)),
        "service_table", AttributeValue.fromS("svc#" + i),
        "updated_at", AttributeValue.fromN(String.valueOf(1_700_000_000 + i)),
        "payload", AttributeValue.fromS("x".repeat(i % 50)));
  }

  private static void createLastUpdated(DynamoDbClient dynamoDb) {
    dynamoDb.createTable(b -> b.tableName("LastUpdated-prod")
        .keySchema(k -> k.attributeName("tenant_id").keyType(KeyType.HASH), k -> k.attributeName("service_table").keyType(KeyType.RANGE))
        .attributeDefinitions(
            a -> a.attributeName("tenant_id").attributeType(ScalarAttributeType.S),
            a -> a.attributeName("service_table").attributeType(ScalarAttributeType.S))
        .billingMode("PAY_PER_REQUEST"));
  }
}
