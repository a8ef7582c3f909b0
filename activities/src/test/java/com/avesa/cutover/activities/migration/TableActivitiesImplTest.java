package com.avesa.cutover.activities.migration;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.testing.Failed;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.activities.testing.TestEstates;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.config.DataConfig;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.migration.EnsureTableRequest;
import com.avesa.cutover.workflows.migration.ScanPlan;
import com.avesa.cutover.workflows.migration.ScanPlanRequest;
import com.avesa.cutover.workflows.migration.SegmentRequest;
import com.avesa.cutover.workflows.migration.SegmentResult;
import com.avesa.cutover.workflows.migration.TableActivities;
import com.avesa.cutover.workflows.migration.TableDigest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import static org.assertj.core.api.Assertions.assertThat;

class TableActivitiesImplTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();

  private AwsClients clients;
  private SimpleMeterRegistry registry;
  private TableActivitiesImpl activities;
  private Estate estate;
  private DynamoDbClient source;
  private DynamoDbClient target;

  @BeforeEach
  void setUp() {
    clients = new AwsClients();
    registry = new SimpleMeterRegistry();
    activities = new TableActivitiesImpl(clients, new MigrationMetrics(registry));
    estate = TestEstates.crossAccount(MOTO.endpoint());
    source = clients.dynamoDb(estate, Side.SOURCE);
    target = clients.dynamoDb(estate, Side.TARGET);
  }

  @AfterEach
  void tearDown() {
    activities.close();
    clients.close();
  }

  @Test
  void ensureTargetTableCopiesKeySchemaAndIndexesIntoTheOtherAccountIdempotently() {
    createLastUpdated(source, "LastUpdated-prod", "service_table");

    activities.ensureTargetTable(new EnsureTableRequest(estate, Side.TARGET, "LastUpdated-prod", "LastUpdated"));
    activities.ensureTargetTable(new EnsureTableRequest(estate, Side.TARGET, "LastUpdated-prod", "LastUpdated"));

    TableDescription copy = target.describeTable(b -> b.tableName("LastUpdated")).table();
    assertThat(copy.keySchema()).isEqualTo(source.describeTable(b -> b.tableName("LastUpdated-prod")).table().keySchema());
    assertThat(copy.billingModeSummary().billingModeAsString()).isEqualTo("PAY_PER_REQUEST");
    assertThat(copy.globalSecondaryIndexes()).singleElement()
        .satisfies(index -> assertThat(index.indexName()).isEqualTo("by-service"));
    assertThat(target.describeContinuousBackups(b -> b.tableName("LastUpdated")).continuousBackupsDescription()
        .pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString()).isEqualTo("ENABLED");
    assertThat(source.listTables().tableNames()).containsExactly("LastUpdated-prod");
  }

  @Test
  void existingTargetTableWithAnotherKeySchemaIsBadConfig() {
    createLastUpdated(source, "LastUpdated-prod", "service_table");
    createLastUpdated(target, "LastUpdated", "updated_at");

    String message = Failed.nonRetryably(FailureType.BAD_CONFIG,
        () -> activities.ensureTargetTable(new EnsureTableRequest(estate, Side.TARGET, "LastUpdated-prod", "LastUpdated")));

    assertThat(message).contains("LastUpdated").contains("updated_at").contains("service_table");
  }

  @Test
  void copiesItemsOfEveryAttributeTypeAndTheDigestsAgree() {
    createLastUpdated(source, "LastUpdated-prod", "service_table");
    activities.ensureTargetTable(new EnsureTableRequest(estate, Side.TARGET, "LastUpdated-prod", "LastUpdated"));
    List<Map<String, AttributeValue>> items = List.of(everyType("acme", "connectwise#tickets"), everyType("globex", "halo#tickets"));
    items.forEach(item -> source.putItem(b -> b.tableName("LastUpdated-prod").item(item)));
    for (int i = 0; i < 60; i++) {
      String sk = "svc#" + i;
      source.putItem(b -> b.tableName("LastUpdated-prod").item(Map.of(
          "tenant_id", AttributeValue.fromS("t" + (sk.hashCode() % 7)), "service_table", AttributeValue.fromS(sk))));
    }

    String sourceDigest = TableDigest.EMPTY;
    String targetDigest = TableDigest.EMPTY;
    long copied = 0;
    for (int segment = 0; segment < 3; segment++) {
      SegmentResult result = activities.copySegment(request(Side.SOURCE, segment, 3));
      copied += result.copied();
      sourceDigest = TableDigest.add(sourceDigest, result.digest());
    }
    for (int segment = 0; segment < 2; segment++) {
      targetDigest = TableDigest.add(targetDigest, activities.digestSegment(
          new SegmentRequest(estate, Side.TARGET, "LastUpdated", "LastUpdated-prod", segment, 2, 4)).digest());
    }

    assertThat(copied).isEqualTo(62);
    assertThat(targetDigest).isEqualTo(sourceDigest).isNotEqualTo(TableDigest.EMPTY);
    for (Map<String, AttributeValue> item : items) {
      Map<String, AttributeValue> key = Map.of("tenant_id", item.get("tenant_id"), "service_table", item.get("service_table"));
      assertThat(ItemDigest.of(target.getItem(b -> b.tableName("LastUpdated").key(key).consistentRead(true)).item()))
          .isEqualTo(ItemDigest.of(item));
    }
    assertThat(registry.get("avesa.items.copied").counter().count()).isEqualTo(62);
  }

  @Test
  void aSecondCopyWritesNothingAndAChangedItemIsRewritten() {
    createLastUpdated(source, "LastUpdated-prod", "service_table");
    activities.ensureTargetTable(new EnsureTableRequest(estate, Side.TARGET, "LastUpdated-prod", "LastUpdated"));
    source.putItem(b -> b.tableName("LastUpdated-prod").item(everyType("acme", "connectwise#tickets")));
    for (int i = 0; i < 150; i++) {
      String sk = "svc#" + i;
      source.putItem(b -> b.tableName("LastUpdated-prod").item(Map.of(
          "tenant_id", AttributeValue.fromS("globex"), "service_table", AttributeValue.fromS(sk),
          "updated_at", AttributeValue.fromN("1"))));
    }
    assertThat(activities.copySegment(request(Side.SOURCE, 0, 1)).copied()).isEqualTo(151);

    SegmentResult again = activities.copySegment(request(Side.SOURCE, 0, 1));
    assertThat(again.items()).isEqualTo(151);
    assertThat(again.copied()).isZero();

    source.putItem(b -> b.tableName("LastUpdated-prod").item(Map.of(
        "tenant_id", AttributeValue.fromS("globex"), "service_table", AttributeValue.fromS("svc#7"),
        "updated_at", AttributeValue.fromN("2"))));
    assertThat(activities.copySegment(request(Side.SOURCE, 0, 1)).copied()).isEqualTo(1);
    assertThat(target.getItem(b -> b.tableName("LastUpdated").consistentRead(true).key(Map.of(
        "tenant_id", AttributeValue.fromS("globex"), "service_table", AttributeValue.fromS("svc#7")))).item()
        .get("updated_at").n()).isEqualTo("2");
    assertThat(registry.get("avesa.items.copied").counter().count()).isEqualTo(152);
  }

  @Test
  void copySegmentResumesFromTheHeartbeatedPosition() {
    createLastUpdated(source, "LastUpdated-prod", "service_table");
    activities.ensureTargetTable(new EnsureTableRequest(estate, Side.TARGET, "LastUpdated-prod", "LastUpdated"));
    for (int i = 0; i < 30; i++) {
      String sk = String.format("svc#%02d", i);
      source.putItem(b -> b.tableName("LastUpdated-prod").item(Map.of(
          "tenant_id", AttributeValue.fromS("acme"), "service_table", AttributeValue.fromS(sk))));
    }
    ScanResponse firstPage = source.scan(b -> b.tableName("LastUpdated-prod").segment(0).totalSegments(1).limit(12));
    String digestSoFar = firstPage.items().stream().map(ItemDigest::of).reduce(TableDigest.EMPTY, TableDigest::add);
    ScanPosition heartbeated = ScanPosition.after(firstPage.lastEvaluatedKey(), 12, 12, digestSoFar);
    SegmentResult full = activities.digestSegment(request(Side.SOURCE, 0, 1));

    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try {
      env.registerActivitiesImplementations(activities);
      env.setHeartbeatDetails(heartbeated);
      TableActivities stub = env.newActivityStub(TableActivities.class, ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(1))
          .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
          .build());

      SegmentResult resumed = stub.copySegment(request(Side.SOURCE, 0, 1));

      assertThat(resumed.items()).isEqualTo(30);
      assertThat(resumed.copied()).isEqualTo(30);
      assertThat(resumed.digest()).isEqualTo(full.digest());
      assertThat(target.scan(b -> b.tableName("LastUpdated")).count()).isEqualTo(18);
      assertThat(registry.get("avesa.items.copied").counter().count()).isEqualTo(18);
    } finally {
      env.close();
    }
  }

  @Test
  void aSmallTableIsPlannedAsOneSegmentUnlessFixedAndThePlanSaysWhatTheTargetHolds() {
    createLastUpdated(source, "LastUpdated-prod", "service_table");
    putServices(30);
    long exact = source.scan(b -> b.tableName("LastUpdated-prod")).items().stream().mapToLong(ItemSize::of).sum();

    ScanPlan missing = activities.scanPlan(plan(DataConfig.AUTO_TABLE_SEGMENTS));
    assertThat(missing.items()).isEqualTo(30);
    assertThat(missing.bytes()).as("moto reports TableSizeBytes 0: the whole table was the sample").isEqualTo(exact);
    assertThat(missing.segments()).isEqualTo(1);
    assertThat(missing.target()).isEqualTo(ScanPlan.Target.MISSING);
    assertThat(activities.scanPlan(plan(5)).segments()).isEqualTo(5);

    activities.ensureTargetTable(new EnsureTableRequest(estate, Side.TARGET, "LastUpdated-prod", "LastUpdated"));
    assertThat(activities.scanPlan(plan(DataConfig.AUTO_TABLE_SEGMENTS)).target()).isEqualTo(ScanPlan.Target.EMPTY);
    target.putItem(b -> b.tableName("LastUpdated").item(Map.of(
        "tenant_id", AttributeValue.fromS("test-msp"), "service_table", AttributeValue.fromS("svc#x"))));
    assertThat(activities.scanPlan(plan(DataConfig.AUTO_TABLE_SEGMENTS)).target()).isEqualTo(ScanPlan.Target.NOT_EMPTY);
  }

  @Test
  void aTableLargerThanTheSampleIsSizedFromTheSamplesAverageTimesItsItemCount() {
    createLastUpdated(source, "LastUpdated-prod", "service_table");
    putServices(TableActivitiesImpl.SIZE_SAMPLE + 50);   // every item the same size
    long one = ItemSize.of(source.scan(b -> b.tableName("LastUpdated-prod").limit(1)).items().get(0));

    ScanPlan plan = activities.scanPlan(plan(DataConfig.AUTO_TABLE_SEGMENTS));

    assertThat(plan.items()).isEqualTo(TableActivitiesImpl.SIZE_SAMPLE + 50);
    assertThat(plan.bytes()).isEqualTo(one * (TableActivitiesImpl.SIZE_SAMPLE + 50));
    assertThat(plan.segments()).isEqualTo(1);
  }

  @Test
  void itemSizeCountsNamesAndValuesAsDynamoDbDoes() {
    assertThat(ItemSize.of(Map.of("id", AttributeValue.fromS("abc")))).isEqualTo(5);
    assertThat(ItemSize.of(Map.of("n", AttributeValue.fromN("12345")))).isEqualTo(1 + 3);
    assertThat(ItemSize.of(Map.of("ok", AttributeValue.fromBool(true), "m", AttributeValue.fromM(Map.of(
        "a", AttributeValue.fromS("xy")))))).isEqualTo(2 + 1 + 1 + 3 + 1 + 1 + 2);
  }

  @Test
  void aCopyIntoAnEmptyTargetWritesEveryItemAndVerificationStillComparesContent() {
    createLastUpdated(source, "LastUpdated-prod", "service_table");
    activities.ensureTargetTable(new EnsureTableRequest(estate, Side.TARGET, "LastUpdated-prod", "LastUpdated"));
    putServices(40);
    List<SegmentResult> copied = List.of(
        activities.copySegment(writeAll(0, 2)), activities.copySegment(writeAll(1, 2)));
    assertThat(copied).extracting(SegmentResult::copied).containsExactly(copied.get(0).items(), copied.get(1).items());
    assertThat(copied.get(0).items() + copied.get(1).items()).isEqualTo(40);
    // Written without reading the target: the same copy again writes everything again; by difference, nothing.
    assertThat(activities.copySegment(writeAll(0, 2)).copied()).isEqualTo(copied.get(0).items());
    assertThat(activities.copySegment(request(Side.SOURCE, 0, 2)).copied()).isZero();

    // The target's segments digest like the copy's source segments (the source digest, taken while copying) ...
    for (int segment = 0; segment < 2; segment++) {
      SegmentResult written = activities.digestSegment(verify(segment, 2));
      assertThat(written.items()).isEqualTo(copied.get(segment).items());
      assertThat(written.digest()).isEqualTo(copied.get(segment).digest());
    }
    // ... until an item changes in the target: same count, and exactly its segment's digest differs.
    Map<String, AttributeValue> key = Map.of("tenant_id", AttributeValue.fromS("t7"),
        "service_table", AttributeValue.fromS("svc#007"));
    target.updateItem(b -> b.tableName("LastUpdated").key(key)
        .updateExpression("SET updated_at = :v").expressionAttributeValues(Map.of(":v", AttributeValue.fromN("99"))));
    List<SegmentResult> after = List.of(activities.digestSegment(verify(0, 2)), activities.digestSegment(verify(1, 2)));
    assertThat(after).extracting(SegmentResult::items).containsExactly(copied.get(0).items(), copied.get(1).items());
    assertThat(after.stream().filter(r -> !r.digest().equals(copied.get(r.segment()).digest()))).hasSize(1);
    assertThat(after.stream().map(SegmentResult::digest).reduce(TableDigest.EMPTY, TableDigest::add))
        .isNotEqualTo(copied.stream().map(SegmentResult::digest).reduce(TableDigest.EMPTY, TableDigest::add));
  }

  @Test
  void scanPositionSurvivesTheRoundTripThroughItsJsonFriendlyForm() {
    Map<String, AttributeValue> key = Map.of(
        "tenant_id", AttributeValue.fromS("acme"),
        "n", AttributeValue.fromN("12345678901234567890123456789012345678"),
        "b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, -1, 42})));

    assertThat(ScanPosition.after(key, 1, 1, TableDigest.EMPTY).exclusiveStartKey()).isEqualTo(key);
    assertThat(ScanPosition.after(Map.of(), 1, 1, TableDigest.EMPTY).exclusiveStartKey()).isNull();
  }

  private ScanPlanRequest plan(int segments) {
    return new ScanPlanRequest(estate, Side.SOURCE, "LastUpdated-prod", "LastUpdated", segments);
  }

  private SegmentRequest writeAll(int segment, int total) {
    return new SegmentRequest(estate, Side.SOURCE, "LastUpdated-prod", "LastUpdated", segment, total, 4, true);
  }

  private SegmentRequest verify(int segment, int total) {
    return new SegmentRequest(estate, Side.TARGET, "LastUpdated", "LastUpdated-prod", segment, total, 4);
  }

  /** {@code n} items of tenants t0 … t7, service tables svc#000 … (all the same size). */
  private void putServices(int n) {
    for (int i = 0; i < n; i++) {
      String tenant = "t" + (i % 8);
      String sk = String.format("svc#%03d", i);
      source.putItem(b -> b.tableName("LastUpdated-prod").item(Map.of(
          "tenant_id", AttributeValue.fromS(tenant), "service_table", AttributeValue.fromS(sk),
          "updated_at", AttributeValue.fromN("1"))));
    }
  }

  private SegmentRequest request(Side fromSide, int segment, int total) {
    return new SegmentRequest(estate, fromSide, "LastUpdated-prod", "LastUpdated", segment, total, 4);
  }

  private static Map<String, AttributeValue> everyType(String tenant, String serviceTable) {
    return Map.ofEntries(
        Map.entry("tenant_id", AttributeValue.fromS(tenant)),
        Map.entry("service_table", AttributeValue.fromS(serviceTable)),
        Map.entry("records", AttributeValue.fromN("12345678901234567890123456789012345678")),
        Map.entry("ratio", AttributeValue.fromN("-0.000000000000000000000000000000000001")),
        Map.entry("blob", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, -2, 127}))),
        Map.entry("labels", AttributeValue.fromSs(List.of("prod", "eu", "ünïcödé"))),
        Map.entry("counts", AttributeValue.fromNs(List.of("1", "2.5", "99999999999999999999999999999999999999"))),
        Map.entry("blobs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("a"), SdkBytes.fromUtf8String("b")))),
        Map.entry("config", AttributeValue.fromM(Map.of(
            "nested", AttributeValue.fromM(Map.of("deep", AttributeValue.fromBool(false))),
            "list", AttributeValue.fromL(List.of(AttributeValue.fromN("1"), AttributeValue.fromS("two")))))),
        Map.entry("history", AttributeValue.fromL(List.of(
            AttributeValue.fromS("first"), AttributeValue.fromNul(true), AttributeValue.fromM(Map.of())))),
        Map.entry("enabled", AttributeValue.fromBool(true)),
        Map.entry("deleted_at", AttributeValue.fromNul(true)));
  }

  private static void createLastUpdated(DynamoDbClient dynamoDb, String table, String rangeKey) {
    dynamoDb.createTable(b -> b.tableName(table)
        .keySchema(k -> k.attributeName("tenant_id").keyType(KeyType.HASH), k -> k.attributeName(rangeKey).keyType(KeyType.RANGE))
        .attributeDefinitions(
            a -> a.attributeName("tenant_id").attributeType(ScalarAttributeType.S),
            a -> a.attributeName(rangeKey).attributeType(ScalarAttributeType.S))
        .globalSecondaryIndexes(g -> g.indexName("by-service")
            .keySchema(k -> k.attributeName(rangeKey).keyType(KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))
        .billingMode("PAY_PER_REQUEST"));
  }
}
