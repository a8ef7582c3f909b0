package com.avesa.cutover.activities.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.activities.testing.TestEstates;
import com.avesa.cutover.workflows.config.BucketMapping;
import com.avesa.cutover.workflows.config.CopyMode;
import com.avesa.cutover.workflows.config.DataConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.config.SecretFilter;
import com.avesa.cutover.workflows.config.TableMapping;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
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
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

class TenantRegistryTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();

  static final String TABLE = "TenantServices";
  static final ObjectMapper JSON = new ObjectMapper();

  private AwsClients clients;
  private Estate estate;
  private DynamoDbClient dynamoDb;
  private SecretsManagerClient secrets;
  private TenantRegistry registry;

  /** A config whose target is moto's 987654321098, its TenantServices table the data.tables target. */
  static MigrationConfig config(String endpoint) {
    Estate estate = TestEstates.crossAccount(endpoint);
    return new MigrationConfig("avesa-test", MotoExtension.REGION, endpoint, estate.source(), estate.target(),
        new DataConfig(List.of(new BucketMapping("data-storage-msp", "data-storage-msp-prod", List.of())),
            List.of(new TableMapping("TenantServices-prod", TABLE)), new SecretFilter(List.of("tenant/*/prod")),
            8, CopyMode.AUTO, 2));
  }

  static void createTable(DynamoDbClient dynamoDb) {
    dynamoDb.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("tenant_id").keyType(KeyType.HASH))
        .attributeDefinitions(a -> a.attributeName("tenant_id").attributeType(ScalarAttributeType.S)));
  }

  @BeforeEach
  void setUp() {
    clients = new AwsClients();
    estate = TestEstates.crossAccount(MOTO.endpoint());
    dynamoDb = clients.dynamoDb(estate, Side.TARGET);
    secrets = clients.secrets(estate, Side.TARGET);
    createTable(dynamoDb);
    registry = new TenantRegistry(clients, config(MOTO.endpoint()));
  }

  @AfterEach
  void tearDown() {
    clients.close();
  }

  private Map<String, AttributeValue> item(String tenantId) {
    return dynamoDb.getItem(b -> b.tableName(TABLE).key(Map.of("tenant_id", AttributeValue.fromS(tenantId)))).item();
  }

  private JsonNode secret(String name) throws Exception {
    return JSON.readTree(secrets.getSecretValue(b -> b.secretId(name)).secretString());
  }

  private static ObjectNode credentials(String json) throws Exception {
    return (ObjectNode) JSON.readTree(json);
  }

  @Test
  void addsATenantOnceAndFindsItInPlaceTheSecondTime() {
    TenantChanges first = registry.addTenant("acme", "Acme Corp");
    TenantChanges second = registry.addTenant("acme", "Acme Corp");

    assertThat(first).isEqualTo(new TenantChanges(List.of(new PhaseItem("tenant acme", "created")), List.of()));
    assertThat(second).isEqualTo(new TenantChanges(List.of(), List.of(new PhaseItem("tenant acme", PhaseItem.IN_PLACE))));
    Map<String, AttributeValue> item = item("acme");
    assertThat(item.get("company_name").s()).isEqualTo("Acme Corp");
    assertThat(item.get("enabled").bool()).isTrue();
    assertThat(Instant.parse(item.get("created_at").s())).isBeforeOrEqualTo(Instant.now());
  }

  @Test
  void aTenantAddedOrFoundInPlaceIsRecordedOnTheTableAndAConflictIsNot() {
    for (String tenant : List.of("globex", "initech")) {
      dynamoDb.putItem(b -> b.tableName(TABLE).item(Map.of("tenant_id", AttributeValue.fromS(tenant),
          "company_name", AttributeValue.fromS(tenant + " Corp"))));
    }

    registry.addTenant("test-msp", "Test MSP");
    registry.addTenant("globex", "globex Corp");
    assertThatThrownBy(() -> registry.addTenant("initech", "Someone Else")).isInstanceOf(TenantSetupException.class);
    registry.addTenant("test-msp", "Test MSP");

    assertThat(new AddedTenantsRecord(dynamoDb, TABLE).read()).containsExactlyInAnyOrder("test-msp", "globex");
    String arn = dynamoDb.describeTable(b -> b.tableName(TABLE)).table().tableArn();
    assertThat(dynamoDb.listTagsOfResource(b -> b.resourceArn(arn)).tags())
        .allSatisfy(tag -> assertThat(tag.key()).matches("avesa:added-tenant:[0-9a-f]{16}"))
        .hasSize(2);
  }

  @Test
  void aTableWithoutARecordHasNoAddedTenantsAndAMissingTableNeither() {
    assertThat(new AddedTenantsRecord(dynamoDb, TABLE).read()).isEmpty();
    assertThat(new AddedTenantsRecord(dynamoDb, "NoSuchTable").read()).isEmpty();
  }

  @Test
  void refusesATenantIdTakenByAnotherCompany() {
    registry.addTenant("acme", "Acme Corp");

    assertThatThrownBy(() -> registry.addTenant("acme", "Globex"))
        .isInstanceOf(TenantSetupException.class)
        .hasMessage("tenant acme already exists in TenantServices for company 'Acme Corp', not 'Globex': "
            + "choose another --tenant-id");
    assertThat(item("acme").get("company_name").s()).isEqualTo("Acme Corp");
  }

  @Test
  void refusesTenantIdsThatWouldBreakPrefixesAndSecretNames() {
    assertThatThrownBy(() -> registry.addTenant("acme/prod", "Acme"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--tenant-id: 'acme/prod' is not a tenant id");
  }

  @Test
  void addingAServiceMergesItsCredentialsKeepingTheOtherServices() throws Exception {
    registry.addTenant("acme", "Acme Corp");
    TenantChanges connectwise = registry.addService("acme", "connectwise", credentials("{\"publicKey\":\"pk-1\"}"));

    TenantChanges servicenow = registry.addService("acme", "servicenow", credentials("{\"password\":\"s3cr3t\"}"));

    assertThat(connectwise.changed()).containsExactly(
        new PhaseItem("secret tenant/acme/prod", "created with connectwise credentials"),
        new PhaseItem("tenant acme services", "connectwise added"));
    assertThat(servicenow.changed()).containsExactly(
        new PhaseItem("secret tenant/acme/prod", "servicenow credentials added"),
        new PhaseItem("tenant acme services", "servicenow added"));
    assertThat(secret("tenant/acme/prod")).isEqualTo(
        JSON.readTree("{\"connectwise\":{\"publicKey\":\"pk-1\"},\"servicenow\":{\"password\":\"s3cr3t\"}}"));
    assertThat(item("acme").get("services").ss()).containsExactlyInAnyOrder("connectwise", "servicenow");
    assertThat(servicenow.toString()).doesNotContain("s3cr3t");
  }

  @Test
  void addingTheSameCredentialsAgainChangesNothingAndNewOnesReplaceThem() throws Exception {
    registry.addTenant("acme", "Acme Corp");
    registry.addService("acme", "connectwise", credentials("{\"publicKey\":\"pk-1\"}"));

    TenantChanges again = registry.addService("acme", "connectwise", credentials("{\"publicKey\":\"pk-1\"}"));
    TenantChanges rotated = registry.addService("acme", "connectwise", credentials("{\"publicKey\":\"pk-2\"}"));

    assertThat(again).isEqualTo(new TenantChanges(List.of(), List.of(
        new PhaseItem("secret tenant/acme/prod", "connectwise credentials " + PhaseItem.IN_PLACE),
        new PhaseItem("tenant acme services", "connectwise " + PhaseItem.IN_PLACE))));
    assertThat(rotated.changed()).containsExactly(
        new PhaseItem("secret tenant/acme/prod", "connectwise credentials replaced"));
    assertThat(secret("tenant/acme/prod").at("/connectwise/publicKey").asText()).isEqualTo("pk-2");
  }

  @Test
  void aServiceForAnUnknownTenantIsRefusedAndWritesNoSecret() {
    assertThatThrownBy(() -> registry.addService("initech", "salesforce", JSON.createObjectNode()))
        .isInstanceOf(TenantSetupException.class)
        .hasMessage("tenant initech is not in table TenantServices of the target account: add it first with "
            + "`avesa tenant add --tenant-id initech --company-name NAME -c FILE`");
    assertThat(secrets.listSecrets().secretList()).isEmpty();
  }

  @Test
  void refusesAnUnknownService() {
    registry.addTenant("acme", "Acme Corp");

    assertThatThrownBy(() -> registry.addService("acme", "halo", JSON.createObjectNode()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--service: 'halo' is not one of connectwise, servicenow, salesforce");
  }

  @Test
  void aSecretThatIsNotAJsonObjectIsRefusedWithoutQuotingIt() {
    registry.addTenant("acme", "Acme Corp");
    secrets.createSecret(b -> b.name("tenant/acme/prod").secretString("hunter2-not-json"));

    assertThatThrownBy(() -> registry.addService("acme", "connectwise", JSON.createObjectNode()))
        .isInstanceOf(TenantSetupException.class)
        .hasMessageContaining("secret tenant/acme/prod does not hold a JSON object")
        .message().doesNotContain("hunter2");
  }

  @Test
  void aMissingTableNamesTheSetting() {
    dynamoDb.deleteTable(b -> b.tableName(TABLE));

    assertThatThrownBy(() -> registry.addTenant("acme", "Acme Corp"))
        .isInstanceOf(TenantSetupException.class)
        .hasMessageContaining("table TenantServices does not exist in the target account")
        .hasMessageContaining("tenants.table");
  }
}
