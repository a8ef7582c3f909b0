package com.avesa.cutover.activities.migration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Which items of a scanned page are missing or different in the other table: their keys are read
 * back with {@code BatchGetItem} (100 keys a request, strongly consistent, unprocessed keys resent
 * with backoff) and compared by {@link ItemDigest}. Identical items are skipped, so a second run
 * writes nothing.
 */
final class ChangedItems {
  static final int KEYS_PER_REQUEST = 100;
  private static final int MAX_ATTEMPTS = 10;

  private final DynamoDbClient target;
  private final String table;
  private final List<String> keyNames;
  private final ParallelRunner runner;

  ChangedItems(DynamoDbClient target, String table, ParallelRunner runner) {
    this.target = target;
    this.table = table;
    this.keyNames = target.describeTable(b -> b.tableName(table)).table().keySchema().stream()
        .map(KeySchemaElement::attributeName).toList();
    this.runner = runner;
  }

  /** The items of {@code items} that the target table lacks or holds differently, in order. */
  List<Map<String, AttributeValue>> of(List<Map<String, AttributeValue>> items, int concurrency, Runnable heartbeat) {
    List<Callable<List<Map<String, AttributeValue>>>> chunks = new ArrayList<>();
    for (int start = 0; start < items.size(); start += KEYS_PER_REQUEST) {
      List<Map<String, AttributeValue>> chunk = items.subList(start, Math.min(items.size(), start + KEYS_PER_REQUEST));
      chunks.add(() -> changedIn(chunk));
    }
    List<Map<String, AttributeValue>> changed = new ArrayList<>();
    runner.runAll(chunks, concurrency, heartbeat).forEach(changed::addAll);
    return changed;
  }

  /**
   * The key digests ({@link #keyDigest}) of the items of {@code items} whose key the table has
   * (their content may differ).
   */
  Set<String> presentKeys(List<Map<String, AttributeValue>> items, int concurrency, Runnable heartbeat) {
    List<Callable<Set<String>>> chunks = new ArrayList<>();
    for (int start = 0; start < items.size(); start += KEYS_PER_REQUEST) {
      List<Map<String, AttributeValue>> chunk = items.subList(start, Math.min(items.size(), start + KEYS_PER_REQUEST));
      chunks.add(() -> digestsIn(chunk).keySet());
    }
    Set<String> present = new HashSet<>();
    runner.runAll(chunks, concurrency, heartbeat).forEach(present::addAll);
    return present;
  }

  /** The table's key attribute names, hash key first. */
  List<String> keyNames() {
    return keyNames;
  }

  /** The digest of an item's key attributes (under this table's key schema). */
  String keyDigest(Map<String, AttributeValue> item) {
    return ItemDigest.of(keyOf(item));
  }

  private List<Map<String, AttributeValue>> changedIn(List<Map<String, AttributeValue>> chunk)
      throws InterruptedException {
    Map<String, String> targetDigests = digestsIn(chunk);
    List<Map<String, AttributeValue>> changed = new ArrayList<>();
    for (Map<String, AttributeValue> item : chunk) {
      if (!ItemDigest.of(item).equals(targetDigests.get(ItemDigest.of(keyOf(item))))) {
        changed.add(item);
      }
    }
    return changed;
  }

  /** Key digest → item digest of the chunk's keys that the table has. */
  private Map<String, String> digestsIn(List<Map<String, AttributeValue>> chunk) throws InterruptedException {
    Map<String, String> targetDigests = new HashMap<>();
    List<Map<String, AttributeValue>> pending = chunk.stream().map(this::keyOf).distinct().toList();
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      if (attempt > MAX_ATTEMPTS) {
        throw new IllegalStateException("BatchGetItem on " + table + " left " + pending.size()
            + " keys unprocessed after " + MAX_ATTEMPTS + " attempts (throttled); the activity will retry");
      }
      List<Map<String, AttributeValue>> keys = pending;
      BatchGetItemResponse response = target.batchGetItem(b -> b.requestItems(
          Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build())));
      for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
        targetDigests.put(ItemDigest.of(keyOf(item)), ItemDigest.of(item));
      }
      KeysAndAttributes unprocessed = response.unprocessedKeys().get(table);
      pending = unprocessed == null ? List.of() : unprocessed.keys();
      if (!pending.isEmpty()) {
        Thread.sleep(BatchWriter.backoff(attempt).toMillis());
      }
    }
    return targetDigests;
  }

  private Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> key = new HashMap<>();
    for (String name : keyNames) {
      key.put(name, item.get(name));
    }
    return key;
  }
}
