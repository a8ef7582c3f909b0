package com.avesa.cutover.activities.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.activities.testing.TestEstates;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.validation.DataLakeRequest;
import com.avesa.cutover.workflows.validation.DataLakeSummary;
import com.avesa.cutover.workflows.validation.TenantListRequest;
import com.avesa.cutover.workflows.validation.TenantObjects;
import com.avesa.cutover.workflows.validation.TenantSecretsRequest;
import com.avesa.cutover.workflows.validation.ValidationActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

class ValidationActivitiesImplTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();

  static final String TABLE = "TenantServices";
  static final String BUCKET = "data-storage-msp-prod";
  static final List<String> BEFORE_CUTOVER = List.of("raw/acme/2026/11/a.json", "canonical/acme/tickets/a.json",
      "raw/globex/x.json", "raw/initech/y.json", "exports/dump.csv", "raw/loose.json", "raw/");
  static final List<String> AFTER_CUTOVER = List.of("raw/acme/2026/12/b.json", "canonical/acme/tickets/b.json",
      "canonical/globex/n.json");

  private final List<TestActivityEnvironment> environments = new ArrayList<>();
  private AwsClients clients;
  private Estate estate;
  private S3Client s3;

  @BeforeEach
  void setUp() {
    clients = new AwsClients();
    estate = TestEstates.crossAccount(MOTO.endpoint());
    s3 = clients.s3(estate, Side.TARGET);
  }

  @AfterEach
  void tearDown() {
    environments.forEach(TestActivityEnvironment::close);
    clients.close();
  }

  /** The activities as a worker runs them (heartbeats go to {@code env}), listing {@code pageSize} keys a page. */
  private ValidationActivities activities(TestActivityEnvironment env, int pageSize) {
    env.registerActivitiesImplementations(new ValidationActivitiesImpl(clients, pageSize));
    return env.newActivityStub(ValidationActivities.class, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(1)).build());
  }

  private TestActivityEnvironment environment() {
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    environments.add(env);
    return env;
  }

  private ValidationActivities activities() {
    return activities(environment(), 1_000);
  }

  private void put(List<String> keys) {
    keys.forEach(key -> s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString("{}")));
  }

  /** Objects before and after the returned instant; moto keeps LastModified to whole seconds. */
  private Instant seedLakeAroundCutover() throws InterruptedException {
    s3.createBucket(b -> b.bucket(BUCKET));
    put(BEFORE_CUTOVER);
    Thread.sleep(1_100);
    Instant since = Instant.now();
    Thread.sleep(1_100);
    put(AFTER_CUTOVER);
    return since;
  }

  private void createTenants(String... ids) {
    DynamoDbClient dynamoDb = clients.dynamoDb(estate, Side.TARGET);
    dynamoDb.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("tenant_id").keyType(KeyType.HASH))
        .attributeDefinitions(a -> a.attributeName("tenant_id").attributeType(ScalarAttributeType.S)));
    for (String id : ids) {
      dynamoDb.putItem(b -> b.tableName(TABLE).item(Map.of("tenant_id", AttributeValue.fromS(id),
          "company_name", AttributeValue.fromS(id + " Inc"))));
    }
  }

  private static ApplicationFailure applicationFailure(Runnable call) {
    ActivityFailure failure = catchThrowableOfType(call::run, ActivityFailure.class);
    assertThat(failure.getCause()).isInstanceOf(ApplicationFailure.class);
    return (ApplicationFailure) failure.getCause();
  }

  @Test
  void listsEveryTenantOfTheTargetTableSorted() {
    List<String> ids = new ArrayList<>();
    for (int i = 29; i >= 0; i--) {
      ids.add(String.format("tenant-%02d", i));
    }
    createTenants(ids.toArray(String[]::new));
    ids.sort(null);

    assertThat(activities().listTenants(new TenantListRequest(estate, TABLE)).tenantIds()).isEqualTo(ids);
  }

  @Test
  void aMissingTenantsTableIsNotFoundNamingTheSetting() {
    ApplicationFailure failure = applicationFailure(() -> activities().listTenants(new TenantListRequest(estate, TABLE)));

    assertThat(failure.getType()).isEqualTo(FailureType.NOT_FOUND.type());
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage()).startsWith("read tenants table TenantServices: does not exist")
        .contains("tenants.table");
  }

  @Test
  void countsTenantKeysNewKeysAndStrayKeysByLastModified() throws InterruptedException {
    Instant since = seedLakeAroundCutover();

    DataLakeSummary summary = activities().summarizeDataLake(
        new DataLakeRequest(estate, BUCKET, List.of("acme", "globex", "hooli"), since));

    assertThat(summary.bucket()).isEqualTo(BUCKET);
    assertThat(summary.objects()).isEqualTo(10);
    assertThat(summary.newRawObjects()).isEqualTo(1);
    assertThat(summary.newCanonicalObjects()).isEqualTo(2);
    assertThat(summary.tenants()).containsExactly(
        new TenantObjects("acme", 2, 2, 1, 1),
        new TenantObjects("globex", 1, 1, 0, 1),
        new TenantObjects("hooli", 0, 0, 0, 0));
    assertThat(summary.unknownTenantPrefixes()).containsExactly("raw/initech/");
    assertThat(summary.strayKeys()).containsExactly("exports/dump.csv", "raw/initech/y.json", "raw/loose.json");
    assertThat(summary.strayKeysTotal()).isEqualTo(3);
  }

  @Test
  void keysUnderAKnownPrefixAreCountedButAreNeitherStrayNorAnUnknownTenant() throws InterruptedException {
    Instant since = seedLakeAroundCutover();

    DataLakeSummary summary = activities().summarizeDataLake(new DataLakeRequest(estate, BUCKET,
        List.of("acme", "globex", "hooli"), since, List.of("raw/initech/", "exports/")));

    assertThat(summary.objects()).isEqualTo(10);
    assertThat(summary.unknownTenantPrefixes()).isEmpty();
    assertThat(summary.strayKeys()).containsExactly("raw/loose.json");
    assertThat(summary.strayKeysTotal()).isEqualTo(1);
    assertThat(summary.tenants()).extracting(TenantObjects::tenantId).containsExactly("acme", "globex", "hooli");
  }

  @Test
  void strayKeysAreCountedInFullButSampledAtAHundred() {
    s3.createBucket(b -> b.bucket(BUCKET));
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      keys.add(String.format("raw/stranger-%03d/k.json", i));
    }
    put(keys);

    DataLakeSummary summary = activities().summarizeDataLake(new DataLakeRequest(estate, BUCKET, List.of(), null));

    assertThat(summary.strayKeysTotal()).isEqualTo(120);
    assertThat(summary.strayKeys()).hasSize(DataLakeSummary.SAMPLE).startsWith("raw/stranger-000/k.json");
    assertThat(summary.unknownTenantPrefixes()).hasSize(DataLakeSummary.SAMPLE);
    assertThat(summary.newRawObjects()).isZero();
  }

  @Test
  void aRetryResumesFromTheHeartbeatedPageWithoutCountingKeysTwice() throws InterruptedException {
    Instant since = seedLakeAroundCutover();
    DataLakeRequest request = new DataLakeRequest(estate, BUCKET, List.of("acme", "globex"), since);
    TestActivityEnvironment first = environment();
    List<DataLakeScan> heartbeats = new ArrayList<>();
    first.setActivityHeartbeatListener(DataLakeScan.class, heartbeats::add);

    DataLakeSummary whole = activities(first, 3).summarizeDataLake(request);

    // The SDK throttles heartbeats: the first one (after page 1) always gets through.
    DataLakeScan afterFirstPage = heartbeats.get(0);
    assertThat(afterFirstPage.continuationToken()).isNotNull();
    assertThat(afterFirstPage.soFar().objects()).isEqualTo(3);
    TestActivityEnvironment retry = environment();
    retry.setHeartbeatDetails(afterFirstPage);
    assertThat(activities(retry, 3).summarizeDataLake(request)).isEqualTo(whole);
    TestActivityEnvironment retryAfterTheLastPage = environment();
    retryAfterTheLastPage.setHeartbeatDetails(new DataLakeScan(null, whole));
    s3.deleteObject(b -> b.bucket(BUCKET).key("exports/dump.csv"));
    assertThat(activities(retryAfterTheLastPage, 3).summarizeDataLake(request)).isEqualTo(whole);
  }

  @Test
  void aMissingBucketIsNotFoundNamingTheSetting() {
    ApplicationFailure failure = applicationFailure(() -> activities().summarizeDataLake(
        new DataLakeRequest(estate, BUCKET, List.of("acme"), null)));

    assertThat(failure.getType()).isEqualTo(FailureType.NOT_FOUND.type());
    assertThat(failure.getOriginalMessage()).startsWith("list data lake bucket " + BUCKET + ": does not exist")
        .contains("tenants.bucket");
  }

  @Test
  void reportsSecretsThatAreMissingOrScheduledForDeletion() {
    SecretsManagerClient secrets = clients.secrets(estate, Side.TARGET);
    secrets.createSecret(b -> b.name("tenant/acme/prod").secretString("{\"connectwise\":{}}"));
    secrets.createSecret(b -> b.name("tenant/initech/prod").secretString("{}"));
    secrets.deleteSecret(b -> b.secretId("tenant/initech/prod").recoveryWindowInDays(7L));

    List<String> missing = activities().checkTenantSecrets(new TenantSecretsRequest(estate,
        List.of("tenant/acme/prod", "tenant/globex/prod", "tenant/initech/prod"))).missing();

    assertThat(missing).containsExactly("tenant/globex/prod", "tenant/initech/prod");
  }
}
