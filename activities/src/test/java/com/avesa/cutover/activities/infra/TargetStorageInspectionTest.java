package com.avesa.cutover.activities.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.migration.BucketActivitiesImpl;
import com.avesa.cutover.activities.migration.MigrationMetrics;
import com.avesa.cutover.activities.migration.TableActivitiesImpl;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.activities.testing.TestEstates;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.infra.StorageRequest;
import com.avesa.cutover.workflows.infra.TargetStorage.StorageState;
import com.avesa.cutover.workflows.infra.TargetStorage;
import com.avesa.cutover.workflows.migration.EnsureBucketRequest;
import com.avesa.cutover.workflows.migration.EnsureTableRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The target's buckets and tables on moto, inspected before and after the data migration's own
 * ensure activities ran: absent, then fully in place, so a second infrastructure run changes nothing.
 */
class TargetStorageInspectionTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();
  private static final String BUCKET = "data-storage-msp-prod";
  private static final String TABLE = "TenantServices";

  private AwsClients clients;
  private Estate estate;
  private InfrastructureActivitiesImpl activities;

  @BeforeEach
  void openClients() {
    clients = new AwsClients();
    estate = TestEstates.crossAccount(MOTO.endpoint());
    activities = new InfrastructureActivitiesImpl(clients, DeployCommands.none(), Map.of());
  }

  @AfterEach
  void closeClients() {
    clients.close();
  }

  @Test
  void absentBucketsAndTablesAreReportedAbsentThenInPlaceOnceEnsured() {
    createSourceTable("TenantServices-prod");

    TargetStorage before = inspect();
    try (BucketActivitiesImpl buckets = new BucketActivitiesImpl(clients, metrics());
        TableActivitiesImpl tables = new TableActivitiesImpl(clients, metrics())) {
      buckets.ensureTargetBucket(new EnsureBucketRequest(estate, Side.TARGET, BUCKET));
      tables.ensureTargetTable(new EnsureTableRequest(estate, Side.TARGET, "TenantServices-prod", TABLE));
    }
    TargetStorage after = inspect();

    assertThat(before.buckets()).containsExactly(new StorageState(BUCKET, false, List.of()));
    assertThat(before.tables()).containsExactly(new StorageState(TABLE, false, List.of()));
    assertThat(after.buckets()).containsExactly(new StorageState(BUCKET, true, List.of()));
    assertThat(after.tables()).containsExactly(new StorageState(TABLE, true, List.of()));
  }

  @Test
  void aBareBucketLacksEachPartOfTheBaseline() {
    clients.s3(estate, Side.TARGET).createBucket(b -> b.bucket(BUCKET));

    StorageState bucket = inspect().buckets().get(0);

    assertThat(bucket.exists()).isTrue();
    // moto gives a new bucket no default encryption (AWS has given every new bucket SSE-S3 since 2023).
    assertThat(bucket.missingBaseline()).containsExactly(
        StorageInspection.VERSIONING, StorageInspection.ENCRYPTION, StorageInspection.PUBLIC_ACCESS_BLOCK);
  }

  @Test
  void aTableWithoutPointInTimeRecoveryLacksIt() {
    createTable(clients.dynamoDb(estate, Side.TARGET), TABLE);

    StorageState table = inspect().tables().get(0);

    assertThat(table).isEqualTo(new StorageState(TABLE, true, List.of(StorageInspection.PITR)));
  }

  @Test
  void aTableOnlyInTheSourceAccountIsAbsentFromTheTarget() {
    createSourceTable(TABLE);

    assertThat(inspect().tables()).containsExactly(new StorageState(TABLE, false, List.of()));
  }

  private TargetStorage inspect() {
    return activities.inspectTargetStorage(new StorageRequest(estate, List.of(BUCKET), List.of(TABLE)));
  }

  private void createSourceTable(String name) {
    createTable(clients.dynamoDb(estate, Side.SOURCE), name);
  }

  private static void createTable(DynamoDbClient dynamoDb, String name) {
    dynamoDb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("tenant_id").keyType(KeyType.HASH))
        .attributeDefinitions(a -> a.attributeName("tenant_id").attributeType(ScalarAttributeType.S)));
  }

  private static MigrationMetrics metrics() {
    return new MigrationMetrics(new SimpleMeterRegistry());
  }
}
