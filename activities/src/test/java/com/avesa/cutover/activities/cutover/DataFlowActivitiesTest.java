package com.avesa.cutover.activities.cutover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.avesa.cutover.activities.testing.TestEstates;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.cutover.DataFlowCheck;
import com.avesa.cutover.workflows.cutover.DataFlowRequest;
import com.avesa.cutover.workflows.cutover.DrainRequest;
import com.avesa.cutover.workflows.cutover.SourceInvocations.FunctionLoad;
import com.avesa.cutover.workflows.cutover.SourceInvocations;
import com.avesa.cutover.workflows.estate.Side;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@link DataFlowActivitiesImpl} on moto: Lambda's AWS/Lambda metrics are emulated by putting the
 * datapoints Lambda would publish (PutMetricData), the functions and rules are real moto resources.
 */
class DataFlowActivitiesTest extends CutoverTestBase {
  private static final String SQS_TARGET = "arn:aws:sqs:us-east-1:" + TestEstates.SOURCE_ACCOUNT + ":tickets";
  private static final String TABLE = "TenantServices";
  private static final String BUCKET = "data-storage-msp-prod";

  private DataFlowActivitiesImpl dataFlow;

  @BeforeEach
  void openDataFlow() {
    dataFlow = new DataFlowActivitiesImpl(clients);
  }

  @Test
  void readsTheLatestConcurrentExecutionsAndTheTimeoutOfEachFunctionTheSourceRulesStart() throws IOException {
    String busy = createFunction(Side.SOURCE, "avesa-connectwise-ingestion", 45);
    String quiet = createFunction(Side.SOURCE, "avesa-halo-ingestion", 120);
    rule(Side.SOURCE, "ConnectWiseIngestionSchedule", busy, SQS_TARGET);
    rule(Side.SOURCE, "HaloIngestionSchedule", quiet, busy);
    Instant now = Instant.now();
    putMetric(Side.SOURCE, "avesa-connectwise-ingestion", "ConcurrentExecutions", 2, now.minusSeconds(150));
    putMetric(Side.SOURCE, "avesa-connectwise-ingestion", "ConcurrentExecutions", 0, now.minusSeconds(5));

    SourceInvocations read = dataFlow.readSourceInvocations(new DrainRequest(estate,
        List.of("ConnectWiseIngestionSchedule", "HaloIngestionSchedule"), now.minusSeconds(60)));

    assertThat(read.functions()).containsExactly(new FunctionLoad("avesa-connectwise-ingestion", 0.0, 45),
        new FunctionLoad("avesa-halo-ingestion", null, 120));
    assertThat(read.otherTargets()).containsExactly(SQS_TARGET);
  }

  @Test
  void anInvocationStillRunningReadsItsConcurrentExecutions() throws IOException {
    String function = createFunction(Side.SOURCE, "avesa-autotask-ingestion", 900);
    rule(Side.SOURCE, "AutotaskIngestionSchedule", function);
    Instant now = Instant.now();
    putMetric(Side.SOURCE, "avesa-autotask-ingestion", "ConcurrentExecutions", 3, now.minusSeconds(5));

    SourceInvocations read = dataFlow.readSourceInvocations(new DrainRequest(estate,
        List.of("AutotaskIngestionSchedule"), now.minusSeconds(30)));

    assertThat(read.functions()).containsExactly(new FunctionLoad("avesa-autotask-ingestion", 3.0, 900));
  }

  @Test
  void aRuleThatDoesNotExistIsANonRetryableNotFoundNamingIt() {
    Throwable thrown = catchThrowable(() -> dataFlow.readSourceInvocations(new DrainRequest(estate,
        List.of("NoSuchSchedule"), Instant.now())));

    assertThat(thrown).isInstanceOf(ApplicationFailure.class);
    assertThat(((ApplicationFailure) thrown).getType()).isEqualTo(FailureType.NOT_FOUND.type());
    assertThat(((ApplicationFailure) thrown).getOriginalMessage())
        .startsWith("list targets of rule NoSuchSchedule (source account " + TestEstates.SOURCE_ACCOUNT);
  }

  @Test
  void findsTheActiveTenantsWithNewObjectsUnderRawSinceTheSwitch() throws InterruptedException {
    tenants(Map.of("t1", List.of("connectwise"), "t2", List.of("halo", "connectwise"), "t3", List.of()));
    S3Client s3 = clients.s3(estate, Side.TARGET);
    s3.createBucket(b -> b.bucket(BUCKET));
    put(s3, "raw/t1/connectwise/old.json");
    put(s3, "raw/t3/halo/old.json");
    Thread.sleep(1_100);
    Instant switched = Instant.now();
    // S3 keeps LastModified to the second: write after the next full second.
    Thread.sleep(1_100);
    put(s3, "raw/t2/halo/new.json");
    put(s3, "canonical/t1/tickets/new.json");
    put(s3, "raw/t3/halo/new.json");

    DataFlowCheck first = dataFlow.readDataFlow(request(switched, List.of(), false, List.of()));
    DataFlowCheck again = dataFlow.readDataFlow(request(switched, List.of("t2"), false, List.of()));

    assertThat(first.activeTenants()).containsExactly("t1", "t2");
    assertThat(first.tenantsWithNewObjects()).containsExactly("t2");
    assertThat(first.functions()).isEmpty();
    assertThat(again.tenantsWithNewObjects()).isEmpty();
  }

  @Test
  void sumsTheInvocationsAndErrorsOfTheFunctionsTheTargetRulesStartSinceTheSwitch() throws IOException {
    String function = createFunction(Side.TARGET, "avesa-connectwise-ingestion-prod", 60);
    rule(Side.TARGET, "ConnectWiseIngestionSchedule", function);
    Instant switched = Instant.now().minusSeconds(120);
    putMetric(Side.TARGET, "avesa-connectwise-ingestion-prod", "Invocations", 7, switched.minusSeconds(60));
    putMetric(Side.TARGET, "avesa-connectwise-ingestion-prod", "Invocations", 4, switched.plusSeconds(30));
    putMetric(Side.TARGET, "avesa-connectwise-ingestion-prod", "Invocations", 2, switched.plusSeconds(100));
    putMetric(Side.TARGET, "avesa-connectwise-ingestion-prod", "Errors", 1, switched.plusSeconds(100));

    DataFlowCheck byRules = dataFlow.readDataFlow(request(switched, List.of(), true, List.of()));
    DataFlowCheck named = dataFlow.readDataFlow(request(switched, List.of(), true, List.of("avesa-other-prod")));

    assertThat(byRules.functions()).containsExactly("avesa-connectwise-ingestion-prod");
    assertThat(byRules.invocations()).isEqualTo(6);
    assertThat(byRules.errors()).isEqualTo(1);
    assertThat(byRules.activeTenants()).isEmpty();
    assertThat(named.functions()).containsExactly("avesa-other-prod");
    assertThat(named.invocations()).isZero();
  }

  private DataFlowRequest request(Instant since, List<String> seen, boolean invocations, List<String> functions) {
    return new DataFlowRequest(estate, since, !invocations, TABLE, BUCKET, seen, invocations, functions,
        List.of("ConnectWiseIngestionSchedule"));
  }

  private void tenants(Map<String, List<String>> services) {
    DynamoDbClient dynamo = clients.dynamoDb(estate, Side.TARGET);
    dynamo.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("tenant_id").keyType(KeyType.HASH))
        .attributeDefinitions(a -> a.attributeName("tenant_id").attributeType(ScalarAttributeType.S)));
    services.forEach((tenant, list) -> dynamo.putItem(b -> b.tableName(TABLE).item(list.isEmpty()
        ? Map.of("tenant_id", AttributeValue.fromS(tenant))
        : Map.of("tenant_id", AttributeValue.fromS(tenant), "services", AttributeValue.fromSs(list)))));
  }

  private static void put(S3Client s3, String key) {
    s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString("{}"));
  }

  private void putMetric(Side side, String function, String metric, double value, Instant at) {
    clients.cloudWatch(estate, side).putMetricData(b -> b.namespace(LambdaMetrics.NAMESPACE).metricData(d -> d
        .metricName(metric).dimensions(x -> x.name("FunctionName").value(function)).value(value).timestamp(at)
        .unit(StandardUnit.COUNT)));
  }

  private void rule(Side side, String name, String... targetArns) {
    var events = clients.eventBridge(estate, side);
    events.putRule(b -> b.name(name).scheduleExpression("rate(1 hour)").state(RuleState.ENABLED));
    events.putTargets(b -> {
      var targets = new java.util.ArrayList<software.amazon.awssdk.services.eventbridge.model.Target>();
      for (int i = 0; i < targetArns.length; i++) {
        String id = "t" + i;
        String arn = targetArns[i];
        targets.add(software.amazon.awssdk.services.eventbridge.model.Target.builder().id(id).arn(arn).build());
      }
      b.rule(name).targets(targets);
    });
  }

  private String createFunction(Side side, String name, int timeoutSeconds) throws IOException {
    return CutoverSmokeTestsTest.createFunction(clients, estate, side, name, timeoutSeconds);
  }
}
