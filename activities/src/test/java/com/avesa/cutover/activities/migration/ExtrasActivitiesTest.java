package com.avesa.cutover.activities.migration;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.tenants.TenantRegistry;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.activities.testing.S3Fixture;
import com.avesa.cutover.activities.testing.TestEstates;
import com.avesa.cutover.workflows.config.BucketMapping;
import com.avesa.cutover.workflows.config.CopyMode;
import com.avesa.cutover.workflows.config.DataConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.config.SecretFilter;
import com.avesa.cutover.workflows.config.TableMapping;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.migration.AddedTenants;
import com.avesa.cutover.workflows.migration.Extras;
import com.avesa.cutover.workflows.migration.ExtrasPage;
import com.avesa.cutover.workflows.migration.ExtrasPageRequest;
import com.avesa.cutover.workflows.migration.ExtrasRule;
import com.avesa.cutover.workflows.migration.ExtrasSegmentRequest;
import com.avesa.cutover.workflows.migration.ExtrasSegmentResult;
import com.avesa.cutover.workflows.migration.SecretsRequest;
import com.avesa.cutover.workflows.migration.SecretsResult;
import com.avesa.cutover.workflows.migration.SegmentRequest;
import com.avesa.cutover.workflows.migration.TableDigest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

import static org.assertj.core.api.Assertions.assertThat;

/** Source ⊆ target on moto: extras found, reported, never failures; mirror mode deletes only what nothing protects. */
class ExtrasActivitiesTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();

  static final String SOURCE = "data-storage-msp";
  static final String TARGET = "data-storage-msp-prod";
  static final String SOURCE_TABLE = "TenantServices-prod";
  static final String TABLE = "TenantServices";
  static final AddedTenants ADDED = new AddedTenants(TABLE, "prod");

  private AwsClients clients;
  private Estate estate;
  private BucketActivitiesImpl buckets;
  private TableActivitiesImpl tables;
  private SecretActivitiesImpl secrets;
  private S3Fixture source;
  private S3Fixture target;

  @BeforeEach
  void setUp() {
    clients = new AwsClients();
    MigrationMetrics metrics = new MigrationMetrics(new SimpleMeterRegistry());
    buckets = new BucketActivitiesImpl(clients, metrics);
    tables = new TableActivitiesImpl(clients, metrics);
    secrets = new SecretActivitiesImpl(clients, metrics);
    estate = TestEstates.crossAccount(MOTO.endpoint());
    source = new S3Fixture(clients.s3(estate, Side.SOURCE), SOURCE);
    target = new S3Fixture(clients.s3(estate, Side.TARGET), TARGET);
    source.createBucket();
    target.createBucket();
    createTable(clients.dynamoDb(estate, Side.SOURCE), SOURCE_TABLE);
    createTable(clients.dynamoDb(estate, Side.TARGET), TABLE);
  }

  @AfterEach
  void tearDown() {
    buckets.close();
    tables.close();
    clients.close();
  }

  @Test
  void bucketExtrasAreCountedWithAtMostAHundredSamplesAndNothingIsDeleted() {
    for (String key : List.of("raw/acme/1.json", "raw/acme/2.json", "raw/globex/1.json")) {
      source.putRandom(key, 50);
      target.putRandom(key, 50);
    }
    target.putRandom("a-first-key-only-in-the-target", 10);
    for (int i = 0; i < 129; i++) {
      target.putRandom(String.format("raw/test-msp/%03d.json", i), 10);
    }

    ExtrasPage page = buckets.extrasPage(pageRequest(Side.SOURCE, SOURCE, TARGET, ExtrasRule.REPORT_ONLY));

    assertThat(page.objects()).isEqualTo(133);
    assertThat(page.nextToken()).isNull();
    assertThat(page.extras().count()).isEqualTo(130);
    assertThat(page.extras().samples()).hasSize(Extras.MAX_SAMPLES)
        .startsWith("a-first-key-only-in-the-target", "raw/test-msp/000.json")
        .doesNotContain("raw/acme/1.json", "raw/globex/1.json");
    assertThat(page.extras().deleted()).isZero();
    assertThat(keys(clients.s3(estate, Side.TARGET), TARGET)).hasSize(133);
  }

  @Test
  void mirrorModeDeletesOnlyTheExtrasNoPrefixAndNoAddedTenantProtects() {
    new TenantRegistry(clients, config()).addTenant("test-msp", "Test MSP");
    source.putRandom("raw/acme/1.json", 50);
    target.putRandom("raw/acme/1.json", 50);
    target.putRandom("raw/gone/old.json", 10);
    target.putRandom("exports/report.csv", 10);
    target.putRandom("raw/test-msp/first.json", 10);
    target.putRandom("canonical/test-msp/first.json", 10);

    ExtrasPage page = buckets.extrasPage(pageRequest(Side.SOURCE, SOURCE, TARGET, rule(true, false, List.of("exports/"))));

    assertThat(page.extras().count()).isEqualTo(4);
    assertThat(page.extras().deleted()).isEqualTo(1);
    assertThat(page.extras().deletedSamples()).containsExactly("raw/gone/old.json");
    assertThat(keys(clients.s3(estate, Side.TARGET), TARGET)).containsExactlyInAnyOrder(
        "raw/acme/1.json", "exports/report.csv", "raw/test-msp/first.json", "canonical/test-msp/first.json");
  }

  @Test
  void aPlanOfMirrorModeSaysWhatWouldGoAndDeletesNothing() {
    target.putRandom("raw/gone/old.json", 10);

    ExtrasPage page = buckets.extrasPage(pageRequest(Side.SOURCE, SOURCE, TARGET, rule(true, true, List.of())));

    assertThat(page.extras().deletedSamples()).containsExactly("raw/gone/old.json");
    assertThat(keys(clients.s3(estate, Side.TARGET), TARGET)).containsExactly("raw/gone/old.json");
  }

  @Test
  void aWrittenBucketThatDoesNotExistYetHasNoExtras() {
    ExtrasPage page = buckets.extrasPage(pageRequest(Side.SOURCE, SOURCE, "not-created-yet", ExtrasRule.REPORT_ONLY));

    assertThat(page).isEqualTo(new ExtrasPage(null, 0, Extras.NONE));
  }

  @Test
  void inReverseTheExtrasAreWhatOnlyTheSourceHasAndMirrorModeDeletesThemThere() {
    target.putRandom("raw/acme/1.json", 50);
    source.putRandom("raw/acme/1.json", 50);
    source.putRandom("raw/acme/written-before-the-cutover.json", 10);

    ExtrasPage page = buckets.extrasPage(pageRequest(Side.TARGET, TARGET, SOURCE, rule(true, false, List.of())));

    assertThat(page.extras().samples()).containsExactly("raw/acme/written-before-the-cutover.json");
    assertThat(page.extras().deleted()).isEqualTo(1);
    assertThat(keys(clients.s3(estate, Side.SOURCE), SOURCE)).containsExactly("raw/acme/1.json");
    assertThat(keys(clients.s3(estate, Side.TARGET), TARGET)).containsExactly("raw/acme/1.json");
  }

  @Test
  void tableExtrasAreTheItemsWhoseKeyTheSourceLacksAndTheRestDigestsLikeTheSource() {
    DynamoDbClient sourceTable = clients.dynamoDb(estate, Side.SOURCE);
    DynamoDbClient targetTable = clients.dynamoDb(estate, Side.TARGET);
    for (String tenant : List.of("acme", "globex")) {
      sourceTable.putItem(b -> b.tableName(SOURCE_TABLE).item(tenant(tenant)));
    }
    tables.copySegment(new SegmentRequest(estate, Side.SOURCE, SOURCE_TABLE, TABLE, 0, 1, 4));
    new TenantRegistry(clients, config()).addTenant("test-msp", "Test MSP");
    targetTable.putItem(b -> b.tableName(TABLE).item(tenant("stale")));
    targetTable.putItem(b -> b.tableName(TABLE).item(tenant("internal")));
    String sourceDigest = tables.digestSegment(new SegmentRequest(estate, Side.SOURCE, SOURCE_TABLE, TABLE, 0, 1, 4)).digest();

    ExtrasSegmentResult result = tables.extrasSegment(new ExtrasSegmentRequest(estate, Side.TARGET, TABLE, SOURCE_TABLE,
        0, 1, 4, new ExtrasRule(true, false, List.of(), List.of(Map.of("tenant_id", "internal")), List.of(), ADDED)));

    assertThat(result.items()).isEqualTo(5);
    assertThat(result.matched()).isEqualTo(2);
    assertThat(result.matchedDigest()).isEqualTo(sourceDigest).isNotEqualTo(TableDigest.EMPTY);
    assertThat(result.extras().count()).isEqualTo(3);
    assertThat(result.extras().samples()).containsExactlyInAnyOrder(
        "tenant_id=test-msp", "tenant_id=stale", "tenant_id=internal");
    assertThat(result.extras().deletedSamples()).containsExactly("tenant_id=stale");
    assertThat(targetTable.scan(b -> b.tableName(TABLE)).items()).extracting(item -> item.get("tenant_id").s())
        .containsExactlyInAnyOrder("acme", "globex", "test-msp", "internal");
  }

  @Test
  void aChangedTargetItemIsNotAnExtraButChangesTheDigest() {
    clients.dynamoDb(estate, Side.SOURCE).putItem(b -> b.tableName(SOURCE_TABLE).item(tenant("acme")));
    Map<String, AttributeValue> changed = new java.util.HashMap<>(tenant("acme"));
    changed.put("company_name", AttributeValue.fromS("Acme (edited in the target)"));
    clients.dynamoDb(estate, Side.TARGET).putItem(b -> b.tableName(TABLE).item(changed));
    String sourceDigest = tables.digestSegment(new SegmentRequest(estate, Side.SOURCE, SOURCE_TABLE, TABLE, 0, 1, 4)).digest();

    ExtrasSegmentResult result = tables.extrasSegment(new ExtrasSegmentRequest(estate, Side.TARGET, TABLE, SOURCE_TABLE,
        0, 1, 4, ExtrasRule.REPORT_ONLY));

    assertThat(result.matched()).isEqualTo(1);
    assertThat(result.extras().count()).isZero();
    assertThat(result.matchedDigest()).isNotEqualTo(sourceDigest);
  }

  @Test
  void secretExtrasAreReportedAndMirrorModeKeepsGlobsAndTheAddedTenantsSecret() throws Exception {
    SecretsManagerClient sourceSecrets = clients.secrets(estate, Side.SOURCE);
    SecretsManagerClient targetSecrets = clients.secrets(estate, Side.TARGET);
    sourceSecrets.createSecret(b -> b.name("tenant/acme/prod").secretString("{\"k\":\"v\"}"));
    TenantRegistry registry = new TenantRegistry(clients, config());
    registry.addTenant("test-msp", "Test MSP");
    registry.addService("test-msp", "connectwise", (ObjectNode) new ObjectMapper().readTree("{\"key\":\"x\"}"));
    targetSecrets.createSecret(b -> b.name("tenant/ops-1/prod").secretString("{}"));
    targetSecrets.createSecret(b -> b.name("tenant/gone/prod").secretString("{}"));
    targetSecrets.createSecret(b -> b.name("other/not-in-scope").secretString("{}"));
    ExtrasRule mirror = new ExtrasRule(true, false, List.of(), List.of(), List.of("tenant/ops-*/prod"), ADDED);
    SecretFilter filter = new SecretFilter(List.of("tenant/*/prod"));

    SecretsResult plan = secrets.planSecrets(new SecretsRequest(estate, Side.SOURCE, filter,
        new ExtrasRule(true, true, List.of(), List.of(), List.of("tenant/ops-*/prod"), ADDED)));
    SecretsResult copied = secrets.copySecrets(new SecretsRequest(estate, Side.SOURCE, filter, mirror));
    SecretsResult verified = secrets.verifySecrets(new SecretsRequest(estate, Side.SOURCE, filter, mirror));

    assertThat(plan.extras().samples()).containsExactlyInAnyOrder("tenant/test-msp/prod", "tenant/ops-1/prod", "tenant/gone/prod");
    assertThat(plan.extras().deletedSamples()).containsExactly("tenant/gone/prod");
    assertThat(copied.extras().deletedSamples()).containsExactly("tenant/gone/prod");
    assertThat(verified.problems()).isEmpty();
    assertThat(verified.extras().samples()).containsExactlyInAnyOrder("tenant/test-msp/prod", "tenant/ops-1/prod");
    assertThat(targetSecrets.listSecrets().secretList()).extracting(SecretListEntry::name).containsExactlyInAnyOrder(
        "tenant/acme/prod", "tenant/test-msp/prod", "tenant/ops-1/prod", "other/not-in-scope");
  }

  private ExtrasPageRequest pageRequest(Side fromSide, String from, String to, ExtrasRule rule) {
    return new ExtrasPageRequest(estate, fromSide, from, to, "", null, 1000, rule);
  }

  private static ExtrasRule rule(boolean delete, boolean dryRun, List<String> prefixes) {
    return new ExtrasRule(delete, dryRun, prefixes, List.of(), List.of(), ADDED);
  }

  private MigrationConfig config() {
    return new MigrationConfig("avesa-test", MotoExtension.REGION, MOTO.endpoint(), estate.source(), estate.target(),
        new DataConfig(List.of(new BucketMapping(SOURCE, TARGET, List.of())), List.of(new TableMapping(SOURCE_TABLE, TABLE)),
            new SecretFilter(List.of("tenant/*/prod")), 8, CopyMode.AUTO, 2));
  }

  private static Map<String, AttributeValue> tenant(String id) {
    return Map.of("tenant_id", AttributeValue.fromS(id), "company_name", AttributeValue.fromS(id + " Corp"));
  }

  private static void createTable(DynamoDbClient dynamoDb, String name) {
    dynamoDb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("tenant_id").keyType(KeyType.HASH))
        .attributeDefinitions(a -> a.attributeName("tenant_id").attributeType(ScalarAttributeType.S)));
  }

  private static List<String> keys(S3Client s3, String bucket) {
    List<String> keys = new ArrayList<>();
    s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().forEach(o -> keys.add(o.key()));
    return keys;
  }
}
