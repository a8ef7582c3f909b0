package com.avesa.cutover.activities.demo;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The demo's {@code TenantServices-prod} and {@code LastUpdated-prod} tables and their items. */
final class DemoTables {
  private static final List<String> SERVICE_TABLES =
      List.of("connectwise#tickets", "connectwise#companies", "halo#tickets", "halo#companies");

  private DemoTables() {}

  /** Creates both tables (if missing) and writes their items; returns how many items. */
  static int seed(DynamoDbClient dynamoDb) {
    create(dynamoDb, "TenantServices-prod", false);
    create(dynamoDb, "LastUpdated-prod", true);
    int items = 0;
    for (String tenant : DemoEstate.TENANTS) {
      dynamoDb.putItem(b -> b.tableName("TenantServices-prod").item(Map.of(
          "tenant_id", AttributeValue.fromS(tenant),
          "services", AttributeValue.fromSs(List.of("connectwise", "halo")),
          "enabled", AttributeValue.fromBool(true),
          "created_epoch", AttributeValue.fromN("1764201600"),
          "settings", AttributeValue.fromM(Map.of(
              "region", AttributeValue.fromS("us-east-1"),
              "retention_days", AttributeValue.fromN("30"))))));
      items++;
      for (String serviceTable : SERVICE_TABLES) {
        dynamoDb.putItem(b -> b.tableName("LastUpdated-prod").item(Map.of(
            "tenant_id", AttributeValue.fromS(tenant),
            "service_table", AttributeValue.fromS(serviceTable),
            "last_updated", AttributeValue.fromS("2026-11-27T21:00:00Z"),
            "records", AttributeValue.fromN(String.valueOf(1000 + serviceTable.length())))));
        items++;
      }
    }
    return items;
  }

  private static void create(DynamoDbClient dynamoDb, String table, boolean withRange) {
    try {
      dynamoDb.createTable(b -> {
        b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST);
        if (withRange) {
          b.keySchema(k -> k.attributeName("tenant_id").keyType(KeyType.HASH),
                  k -> k.attributeName("service_table").keyType(KeyType.RANGE))
              .attributeDefinitions(a -> a.attributeName("tenant_id").attributeType(ScalarAttributeType.S),
                  a -> a.attributeName("service_table").attributeType(ScalarAttributeType.S));
        } else {
          b.keySchema(k -> k.attributeName("tenant_id").keyType(KeyType.HASH))
              .attributeDefinitions(a -> a.attributeName("tenant_id").attributeType(ScalarAttributeType.S));
        }
      });
    } catch (ResourceInUseException alreadySeeded) {
      return;
    }
    dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(table));
  }
}
