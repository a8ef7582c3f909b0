package com.avesa.cutover.activities.migration;

import com.avesa.cutover.activities.aws.Failures;
import com.avesa.cutover.workflows.FailureType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Idempotently creates a table shaped like another: same key schema and key attribute
 * definitions (indexes' too), PAY_PER_REQUEST, point-in-time recovery on.
 */
final class TableSetup {
  private final DynamoDbClient from;
  private final DynamoDbClient to;

  TableSetup(DynamoDbClient from, DynamoDbClient to) {
    this.from = from;
    this.to = to;
  }

  void ensure(String fromTable, String toTable, String toAccount) {
    TableDescription model = describe(from, fromTable)
        .orElseThrow(() -> Failures.nonRetryable(FailureType.NOT_FOUND, "table " + fromTable + " does not exist"));
    describe(to, toTable).ifPresentOrElse(
        existing -> checkKeySchema(model, existing, toAccount),
        () -> create(model, toTable));
    to.waiter().waitUntilTableExists(b -> b.tableName(toTable));
    to.updateContinuousBackups(b -> b.tableName(toTable)
        .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
  }

  private void create(TableDescription model, String toTable) {
    CreateTableRequest.Builder create = CreateTableRequest.builder()
        .tableName(toTable)
        .keySchema(model.keySchema())
        .attributeDefinitions(model.attributeDefinitions())
        .billingMode(BillingMode.PAY_PER_REQUEST);
    if (model.hasGlobalSecondaryIndexes() && !model.globalSecondaryIndexes().isEmpty()) {
      create.globalSecondaryIndexes(model.globalSecondaryIndexes().stream()
          .map(index -> GlobalSecondaryIndex.builder()
              .indexName(index.indexName()).keySchema(index.keySchema()).projection(index.projection()).build())
          .toList());
    }
    if (model.hasLocalSecondaryIndexes() && !model.localSecondaryIndexes().isEmpty()) {
      create.localSecondaryIndexes(model.localSecondaryIndexes().stream()
          .map(index -> LocalSecondaryIndex.builder()
              .indexName(index.indexName()).keySchema(index.keySchema()).projection(index.projection()).build())
          .toList());
    }
    try {
      to.createTable(create.build());
    } catch (ResourceInUseException beingCreatedByAnotherAttempt) {
      // Another attempt created it first; the waiter below finds it.
    }
  }

  private static void checkKeySchema(TableDescription model, TableDescription existing, String toAccount) {
    Map<String, String> modelKeys = typedKeys(model.keySchema(), model.attributeDefinitions());
    Map<String, String> existingKeys = typedKeys(existing.keySchema(), existing.attributeDefinitions());
    if (!modelKeys.equals(existingKeys)) {
      throw Failures.nonRetryable(FailureType.BAD_CONFIG, "table " + existing.tableName() + " already exists in account "
          + toAccount + " with key schema " + existingKeys + ", but " + model.tableName() + " has " + modelKeys
          + "; delete it or map the table elsewhere");
    }
  }

  /** "HASH tenant_id S" style description of a key schema, by key type. */
  private static Map<String, String> typedKeys(List<KeySchemaElement> keys, List<AttributeDefinition> attributes) {
    Map<String, String> types = new HashMap<>();
    attributes.forEach(a -> types.put(a.attributeName(), a.attributeTypeAsString()));
    Map<String, String> result = new TreeMap<>();
    keys.forEach(k -> result.put(k.keyTypeAsString(), k.attributeName() + " " + types.get(k.attributeName())));
    return result;
  }

  private static Optional<TableDescription> describe(DynamoDbClient dynamoDb, String table) {
    try {
      return Optional.of(dynamoDb.describeTable(b -> b.tableName(table)).table());
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }
}
