package com.avesa.cutover.activities.tenants;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.config.TenantsConfig;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Runbook step 8 in the target: a tenant's TenantServices item, and its services with their
 * credentials in the {@code tenant/{id}/{env}} secret. Every tenant added is recorded
 * ({@link AddedTenantsRecord}) so that mirror mode ({@code data.deleteExtras}) keeps what it wrote. Called by the CLI directly, not through
 * Temporal, so that credentials never enter a workflow history. Both operations are idempotent:
 * run again, they report what is already in place.
 */
public final class TenantRegistry {
  /** The services a tenant's data can be ingested from. */
  public static final List<String> SERVICES = List.of("connectwise", "servicenow", "salesforce");

  static final String TENANT_ID = "tenant_id";
  static final String COMPANY_NAME = "company_name";
  static final String SERVICES_ATTRIBUTE = "services";
  // Tenant ids become S3 prefixes and secret names: no slashes, nothing a path could misread.
  private static final Pattern VALID_TENANT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

  private final DynamoDbClient dynamoDb;
  private final TenantSecret secrets;
  private final TenantsConfig tenants;
  private final AddedTenantsRecord added;

  public TenantRegistry(AwsClients clients, MigrationConfig config) {
    this.dynamoDb = clients.dynamoDb(config.estate(), Side.TARGET);
    this.tenants = config.runbook().tenants();
    this.secrets = new TenantSecret(clients.secrets(config.estate(), Side.TARGET));
    this.added = new AddedTenantsRecord(dynamoDb, tenants.table());
  }

  /**
   * Puts the tenant's item unless it exists. An existing tenant of the same company is left as it
   * is; one of another company is refused.
   */
  public TenantChanges addTenant(String tenantId, String companyName) {
    checkTenantId(tenantId);
    if (companyName == null || companyName.isBlank()) {
      throw new IllegalArgumentException("--company-name: must not be blank");
    }
    Optional<Map<String, AttributeValue>> existing = read(tenantId);
    if (existing.isPresent()) {
      TenantChanges inPlace = alreadyThere(tenantId, companyName, existing.get());
      recordAdded(tenantId);
      return inPlace;
    }
    // Recorded before the item is put, so that data.deleteExtras never deletes it; a record
    // without its item protects nothing.
    recordAdded(tenantId);
    try {
      call("put tenant " + tenantId, () -> dynamoDb.putItem(b -> b.tableName(tenants.table())
          .item(Map.of(
              TENANT_ID, AttributeValue.fromS(tenantId),
              COMPANY_NAME, AttributeValue.fromS(companyName),
              "enabled", AttributeValue.fromBool(true),
              "created_at", AttributeValue.fromS(Instant.now().toString())))
          .conditionExpression("attribute_not_exists(" + TENANT_ID + ")")));
    } catch (ConditionalCheckFailedException addedMeanwhile) {
      return alreadyThere(tenantId, companyName, read(tenantId).orElseThrow());
    }
    return TenantChanges.changed(new PhaseItem(tenantItem(tenantId), "created"));
  }

  private void recordAdded(String tenantId) {
    call("record tenant " + tenantId + " as added (a tag on table " + tenants.table() + ")", () -> {
      added.record(tenantId);
      return null;
    });
  }

  /**
   * Merges {@code credentials} into the tenant's secret under the key {@code service} (creating
   * the secret if absent, keeping other services' entries), then adds the service to the tenant's
   * {@code services} set. The tenant must exist.
   */
  public TenantChanges addService(String tenantId, String service, ObjectNode credentials) {
    checkTenantId(tenantId);
    if (!SERVICES.contains(service)) {
      throw new IllegalArgumentException("--service: '" + service + "' is not one of " + String.join(", ", SERVICES));
    }
    Map<String, AttributeValue> item = read(tenantId).orElseThrow(() -> new TenantSetupException("tenant " + tenantId
        + " is not in table " + tenants.table() + " of the target account: add it first with `avesa tenant add"
        + " --tenant-id " + tenantId + " --company-name NAME -c FILE`"));
    // The secret first: a service listed in the item must have its credentials.
    TenantChanges secret = secrets.merge(tenants.secretName(tenantId), service, credentials);
    return secret.and(addToServices(tenantId, service, item.get(SERVICES_ATTRIBUTE)));
  }

  /** ADD to the {@code services} string set, unless the item read before has the service already. */
  private TenantChanges addToServices(String tenantId, String service, AttributeValue services) {
    String item = tenantItem(tenantId) + " services";
    if (services != null && services.hasSs() && services.ss().contains(service)) {
      return TenantChanges.unchanged(new PhaseItem(item, service + " " + PhaseItem.IN_PLACE));
    }
    call("add " + service + " to tenant " + tenantId, () -> dynamoDb.updateItem(b -> b
        .tableName(tenants.table())
        .key(Map.of(TENANT_ID, AttributeValue.fromS(tenantId)))
        .updateExpression("ADD " + SERVICES_ATTRIBUTE + " :service")
        .expressionAttributeValues(Map.of(":service", AttributeValue.fromSs(List.of(service))))));
    return TenantChanges.changed(new PhaseItem(item, service + " added"));
  }

  private TenantChanges alreadyThere(String tenantId, String companyName, Map<String, AttributeValue> item) {
    AttributeValue company = item.get(COMPANY_NAME);
    if (company == null || company.s() == null) {
      call("set the company name of tenant " + tenantId, () -> dynamoDb.updateItem(b -> b.tableName(tenants.table())
          .key(Map.of(TENANT_ID, AttributeValue.fromS(tenantId)))
          .updateExpression("SET " + COMPANY_NAME + " = :name")
          .expressionAttributeValues(Map.of(":name", AttributeValue.fromS(companyName)))));
      return TenantChanges.changed(new PhaseItem(tenantItem(tenantId), "company name set"));
    }
    if (!company.s().equals(companyName)) {
      throw new TenantSetupException("tenant " + tenantId + " already exists in " + tenants.table()
          + " for company '" + company.s() + "', not '" + companyName + "': choose another --tenant-id");
    }
    return TenantChanges.unchanged(new PhaseItem(tenantItem(tenantId), PhaseItem.IN_PLACE));
  }

  private Optional<Map<String, AttributeValue>> read(String tenantId) {
    Map<String, AttributeValue> item = call("read tenant " + tenantId, () -> dynamoDb.getItem(b -> b
        .tableName(tenants.table()).key(Map.of(TENANT_ID, AttributeValue.fromS(tenantId))).consistentRead(true)))
        .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }

  private <T> T call(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (ResourceNotFoundException e) {
      throw new TenantSetupException(what + ": table " + tenants.table() + " does not exist in the target account: "
          + "set tenants.table, or create it (`avesa migrate` ensures the target tables)");
    } catch (ConditionalCheckFailedException e) {
      throw e;
    } catch (SdkException e) {
      throw TenantSecret.refused(what, e);
    }
  }

  private static void checkTenantId(String tenantId) {
    if (tenantId == null || !VALID_TENANT_ID.matcher(tenantId).matches()) {
      throw new IllegalArgumentException("--tenant-id: '" + tenantId + "' is not a tenant id (letters, digits, "
          + "'.', '_' and '-', starting with a letter or digit, at most 128 characters)");
    }
  }

  private static String tenantItem(String tenantId) {
    return "tenant " + tenantId;
  }
}
