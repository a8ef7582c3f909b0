package com.avesa.cutover.activities.migration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes items with {@code BatchWriteItem}, 25 per request (items are at most 400 KB, so a
 * request stays under 16 MB), chunks in parallel. {@code UnprocessedItems} are resent with
 * exponential backoff and full jitter; what is still unprocessed after the last attempt fails
 * the call (retryably: the activity resumes from its last heartbeat).
 */
final class BatchWriter {
  static final int BATCH_SIZE = 25;
  private static final int MAX_ATTEMPTS = 10;
  private static final long BASE_BACKOFF_MILLIS = 50;
  private static final long MAX_BACKOFF_MILLIS = 5_000;

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final ParallelRunner runner;

  BatchWriter(DynamoDbClient dynamoDb, String table, ParallelRunner runner) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.runner = runner;
  }

  /** Writes every item; returns how many were written. */
  long write(List<Map<String, AttributeValue>> items, int concurrency, Runnable heartbeat) {
    List<Callable<Integer>> chunks = new ArrayList<>();
    for (int start = 0; start < items.size(); start += BATCH_SIZE) {
      List<Map<String, AttributeValue>> chunk = items.subList(start, Math.min(items.size(), start + BATCH_SIZE));
      chunks.add(() -> writeChunk(chunk));
    }
    return runner.runAll(chunks, concurrency, heartbeat).stream().mapToLong(Integer::longValue).sum();
  }

  private int writeChunk(List<Map<String, AttributeValue>> chunk) throws InterruptedException {
    List<WriteRequest> pending = chunk.stream()
        .map(item -> WriteRequest.builder().putRequest(p -> p.item(item)).build())
        .toList();
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      List<WriteRequest> sent = pending;
      BatchWriteItemResponse response = dynamoDb.batchWriteItem(b -> b.requestItems(Map.of(table, sent)));
      pending = response.unprocessedItems().getOrDefault(table, List.of());
      if (pending.isEmpty()) {
        return chunk.size();
      }
      Thread.sleep(backoff(attempt).toMillis());
    }
    throw new IllegalStateException("BatchWriteItem to " + table + " left " + pending.size()
        + " items unprocessed after " + MAX_ATTEMPTS + " attempts (throttled); the activity will retry");
  }

  static Duration backoff(int attempt) {
    long cap = Math.min(MAX_BACKOFF_MILLIS, BASE_BACKOFF_MILLIS << Math.min(attempt, 16));
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap + 1));
  }
}
