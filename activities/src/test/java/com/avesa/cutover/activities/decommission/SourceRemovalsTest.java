package com.avesa.cutover.activities.decommission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.activities.testing.TestEstates;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.decommission.DecommissionActivities;
import com.avesa.cutover.workflows.decommission.RemovalRequest;
import com.avesa.cutover.workflows.decommission.ResourceChange;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/** Removals of source resources against moto (source account 123456789012). */
class SourceRemovalsTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();

  static final String RULE = "ConnectWiseIngestionSchedule";
  static final String FUNCTION = "avesa-connectwise-ingestion-prod";
  static final String TABLE = "TenantServices-prod";
  static final String BUCKET = "data-storage-msp";

  private AwsClients clients;
  private DecommissionActivitiesImpl activities;
  private Estate estate;

  @BeforeEach
  void setUp() {
    clients = new AwsClients();
    activities = new DecommissionActivitiesImpl(clients);
    estate = TestEstates.crossAccount(MOTO.endpoint());
  }

  @AfterEach
  void tearDown() {
    clients.close();
  }

  @Test
  void removesTheRuleAfterItsTargets() {
    // moto, like EventBridge, refuses to delete a rule that still has targets.
    EventBridgeClient eventBridge = clients.eventBridge(estate, Side.SOURCE);
    eventBridge.putRule(b -> b.name(RULE).scheduleExpression("rate(15 minutes)"));
    eventBridge.putTargets(b -> b.rule(RULE).targets(
        t -> t.id("ingest").arn("arn:aws:lambda:us-east-1:123456789012:function:" + FUNCTION),
        t -> t.id("transform").arn("arn:aws:lambda:us-east-1:123456789012:function:transform")));

    ResourceChange removed = activities.removeRule(request(RULE));

    assertThat(removed).isEqualTo(ResourceChange.done("eventbridge rule " + RULE, "deleted (after removing 2 target(s))"));
    assertThat(eventBridge.listRules(b -> b.namePrefix(RULE)).rules()).isEmpty();
  }

  @Test
  void removesTheFunction() throws IOException {
    createFunction(FUNCTION);

    ResourceChange removed = activities.removeFunction(request(FUNCTION));

    assertThat(removed).isEqualTo(ResourceChange.done("lambda function " + FUNCTION, "deleted"));
    assertThat(clients.lambda(estate, Side.SOURCE).listFunctions().functions()).isEmpty();
  }

  @Test
  void removesTheTableAndWaitsUntilItIsGone() {
    DynamoDbClient dynamoDb = clients.dynamoDb(estate, Side.SOURCE);
    createTable(dynamoDb, false);

    ResourceChange removed = activities.removeTable(request(TABLE));

    assertThat(removed).isEqualTo(ResourceChange.done("dynamodb table " + TABLE, "deleted"));
    assertThatThrownBy(() -> dynamoDb.describeTable(b -> b.tableName(TABLE)))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void refusesATableWithDeletionProtectionAndSaysHowToProceed() {
    DynamoDbClient dynamoDb = clients.dynamoDb(estate, Side.SOURCE);
    createTable(dynamoDb, true);

    assertThatThrownBy(() -> activities.removeTable(request(TABLE)))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo(FailureType.BAD_CONFIG.type());
          assertThat(f.getOriginalMessage()).contains(TABLE).contains("--no-deletion-protection-enabled")
              .contains("decommission.remove.tables");
        });
    assertThat(dynamoDb.describeTable(b -> b.tableName(TABLE)).table().tableName()).isEqualTo(TABLE);
  }

  @Test
  void removesEveryVersionAndDeleteMarkerButKeepsTheBucket() {
    S3Client s3 = clients.s3(estate, Side.SOURCE);
    s3.createBucket(b -> b.bucket(BUCKET));
    s3.putBucketVersioning(b -> b.bucket(BUCKET).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    for (String body : new String[] {"v1", "v2"}) {
      s3.putObject(b -> b.bucket(BUCKET).key("raw/acme/a.json"), RequestBody.fromString(body));
    }
    s3.putObject(b -> b.bucket(BUCKET).key("raw/acme/b.json"), RequestBody.fromString("b"));
    s3.deleteObject(b -> b.bucket(BUCKET).key("raw/acme/b.json"));

    ResourceChange removed = activities.removeBucketObjects(request(BUCKET));

    assertThat(removed).isEqualTo(ResourceChange.done("s3 bucket " + BUCKET + " objects",
        "deleted 3 version(s) and 1 delete marker(s)"));
    var left = s3.listObjectVersions(b -> b.bucket(BUCKET));
    assertThat(left.versions()).isEmpty();
    assertThat(left.deleteMarkers()).isEmpty();
    s3.headBucket(b -> b.bucket(BUCKET));
  }

  @Test
  void aRetriedBucketRemovalCountsWhatEarlierAttemptsDeleted() {
    S3Client s3 = clients.s3(estate, Side.SOURCE);
    s3.createBucket(b -> b.bucket(BUCKET));
    s3.putObject(b -> b.bucket(BUCKET).key("raw/acme/c.json"), RequestBody.fromString("c"));
    TestActivityEnvironment temporal = TestActivityEnvironment.newInstance();
    try {
      temporal.registerActivitiesImplementations(activities);
      temporal.setHeartbeatDetails(new SourceRemovals.DeletedSoFar(1_000, 2));
      DecommissionActivities stub = temporal.newActivityStub(DecommissionActivities.class,
          ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build());

      ResourceChange removed = stub.removeBucketObjects(request(BUCKET));

      assertThat(removed.detail()).isEqualTo("deleted 1,001 version(s) and 2 delete marker(s)");
    } finally {
      temporal.close();
    }
  }

  @Test
  void whatIsAlreadyGoneIsUnchanged() {
    clients.s3(estate, Side.SOURCE).createBucket(b -> b.bucket(BUCKET));

    assertThat(activities.removeRule(request(RULE)))
        .isEqualTo(ResourceChange.found("eventbridge rule " + RULE, ResourceChange.ALREADY_GONE));
    assertThat(activities.removeFunction(request(FUNCTION)))
        .isEqualTo(ResourceChange.found("lambda function " + FUNCTION, ResourceChange.ALREADY_GONE));
    assertThat(activities.removeTable(request(TABLE)))
        .isEqualTo(ResourceChange.found("dynamodb table " + TABLE, ResourceChange.ALREADY_GONE));
    assertThat(activities.removeBucketObjects(request(BUCKET)))
        .isEqualTo(ResourceChange.found("s3 bucket " + BUCKET + " objects", ResourceChange.ALREADY_GONE));
  }

  private RemovalRequest request(String name) {
    return new RemovalRequest(estate, name);
  }

  private void createTable(DynamoDbClient dynamoDb, boolean protectedFromDeletion) {
    dynamoDb.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(a -> a.attributeName("tenant_id").attributeType(ScalarAttributeType.S))
        .keySchema(k -> k.attributeName("tenant_id").keyType(KeyType.HASH))
        .deletionProtectionEnabled(protectedFromDeletion));
  }

  private void createFunction(String name) throws IOException {
    String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    String role = clients.iam(estate, Side.SOURCE)
        .createRole(b -> b.roleName("ingestion-" + name).assumeRolePolicyDocument(trust)).role().arn();
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("handler.py"));
      out.write("def handler(event, context):\n    return event\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    LambdaClient lambda = clients.lambda(estate, Side.SOURCE);
    lambda.createFunction(b -> b.functionName(name).runtime(Runtime.PYTHON3_12).role(role)
        .handler("handler.handler").code(c -> c.zipFile(SdkBytes.fromByteArray(zip.toByteArray()))));
  }
}
