package com.avesa.cutover.activities;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.activities.testing.TestEstates;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.migration.EnsureTableRequest;
import com.avesa.cutover.workflows.migration.Estate;
import com.avesa.cutover.workflows.migration.SegmentRequest;
import com.avesa.cutover.workflows.migration.SegmentResult;
import com.avesa.cutover.workflows.migration.Side;
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
  void scanPositionSurvivesTheRoundTripThroughItsJsonFriendlyForm() {
    Map<String, AttributeValue> key = Map.of(
        "tenant_id", AttributeValue.fromS("acme"),
        "n", AttributeValue.fromN("12345678901234567890123456789012345678"),
        "b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, -1, 42})));

    assertThat(ScanPosition.after(key, 1, 1, TableDigest.EMPTY).exclusiveStartKey()).isEqualTo(key);
    assertThat(ScanPosition.after(Map.of(), 1, 1, TableDigest.EMPTY).exclusiveStartKey()).isNull();
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
