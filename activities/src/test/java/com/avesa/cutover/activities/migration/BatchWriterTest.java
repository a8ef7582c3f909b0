package com.avesa.cutover.activities.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.activities.testing.MotoExtension;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** moto never returns UnprocessedItems, so an interceptor reports the first attempt of each batch as unprocessed. */
class BatchWriterTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();

  @Test
  void resendsUnprocessedItemsUntilEveryItemIsWritten() {
    AtomicInteger calls = new AtomicInteger();
    ExecutionInterceptor firstAttemptUnprocessed = new ExecutionInterceptor() {
      @Override
      public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        if (context.request() instanceof BatchWriteItemRequest request && calls.incrementAndGet() <= 2) {
          return ((BatchWriteItemResponse) context.response()).toBuilder().unprocessedItems(request.requestItems()).build();
        }
        return context.response();
      }
    };
    try (DynamoDbClient dynamoDb = DynamoDbClient.builder()
            .endpointOverride(URI.create(MOTO.endpoint()))
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
            .overrideConfiguration(c -> c.addExecutionInterceptor(firstAttemptUnprocessed))
            .build();
        ParallelRunner runner = new ParallelRunner("test-writer", 4)) {
      dynamoDb.createTable(b -> b.tableName("TenantServices")
          .keySchema(k -> k.attributeName("tenant_id").keyType(KeyType.HASH))
          .attributeDefinitions(a -> a.attributeName("tenant_id").attributeType(ScalarAttributeType.S))
          .billingMode("PAY_PER_REQUEST"));
      List<Map<String, AttributeValue>> items = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        items.add(Map.of("tenant_id", AttributeValue.fromS("tenant-" + i)));
      }

      long written = new BatchWriter(dynamoDb, "TenantServices", runner).write(items, 2, () -> {});

      assertThat(written).isEqualTo(40);
      assertThat(calls.get()).isEqualTo(4);
      assertThat(dynamoDb.scan(b -> b.tableName("TenantServices")).count()).isEqualTo(40);
    }
  }
}
