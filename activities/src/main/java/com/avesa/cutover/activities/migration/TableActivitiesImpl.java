package com.avesa.cutover.activities.migration;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.aws.Failures;
import com.avesa.cutover.activities.aws.Heartbeats;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.migration.EnsureTableRequest;
import com.avesa.cutover.workflows.migration.Extras;
import com.avesa.cutover.workflows.migration.ExtrasSegmentRequest;
import com.avesa.cutover.workflows.migration.ExtrasSegmentResult;
import com.avesa.cutover.workflows.migration.ScanPlan;
import com.avesa.cutover.workflows.migration.ScanPlanRequest;
import com.avesa.cutover.workflows.migration.SegmentRequest;
import com.avesa.cutover.workflows.migration.SegmentResult;
import com.avesa.cutover.workflows.migration.TableActivities;
import com.avesa.cutover.workflows.migration.TableDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * DynamoDB segments on the AWS SDK v2: a parallel-scan segment is read page by page (strongly
 * consistent), digested, and for copies written with {@link BatchWriter}. The scan position is
 * heartbeated after every page, and a retried attempt resumes from the last one heartbeated.
 */
public class TableActivitiesImpl implements TableActivities, AutoCloseable {
  private static final int WRITER_THREADS = 128;
  /** Items read to estimate a table's size when DescribeTable reports 0 bytes. */
  static final int SIZE_SAMPLE = 100;

  private final AwsClients clients;
  private final MigrationMetrics metrics;
  private final ParallelRunner writers = new ParallelRunner("avesa-ddb-write", WRITER_THREADS);

  public TableActivitiesImpl(AwsClients clients, MigrationMetrics metrics) {
    this.clients = clients;
    this.metrics = metrics;
  }

  @Override
  public void ensureTargetTable(EnsureTableRequest request) {
    Side fromSide = other(request.toSide());
    try {
      new TableSetup(clients.dynamoDb(request.estate(), fromSide), clients.dynamoDb(request.estate(), request.toSide()))
          .ensure(request.from(), request.to(), request.estate().account(request.toSide()).accountId());
    } catch (SdkException e) {
      throw Failures.classify("ensure table " + request.to() + " like " + request.from(), e);
    }
  }

  @Override
  public ScanPlan scanPlan(ScanPlanRequest request) {
    // A few calls, but each may retry for a while: heartbeat meanwhile (the stub's timeout is 10 s).
    return Heartbeats.whileRunning(new PlanningScan(request.from()), Duration.ofSeconds(3), () -> plan(request));
  }

  /** Heartbeat details of a scan being planned. */
  record PlanningScan(String table) {}

  private ScanPlan plan(ScanPlanRequest request) {
    DynamoDbClient source = clients.dynamoDb(request.estate(), request.fromSide());
    long items;
    long bytes;
    try {
      TableDescription table = source.describeTable(b -> b.tableName(request.from())).table();
      items = table.itemCount() == null ? 0 : table.itemCount();
      bytes = table.tableSizeBytes() == null ? 0 : table.tableSizeBytes();
      if (bytes == 0) {
        bytes = sampledBytes(source, request.from(), items);
      }
    } catch (SdkException e) {
      throw Failures.classify("describe " + request.from(), e);
    }
    int segments = request.segments() > 0 ? request.segments() : ScanPlan.segmentsFor(bytes);
    ScanPlan.Target target;
    try {
      ScanResponse first = clients.dynamoDb(request.estate(), other(request.fromSide()))
          .scan(b -> b.tableName(request.to()).limit(1).consistentRead(true));
      target = first.items().isEmpty() && !more(first) ? ScanPlan.Target.EMPTY : ScanPlan.Target.NOT_EMPTY;
    } catch (ResourceNotFoundException e) {
      target = ScanPlan.Target.MISSING;
    } catch (SdkException e) {
      throw Failures.classify("scan " + request.to(), e);
    }
    return new ScanPlan(items, bytes, segments, target);
  }

  /**
   * The table's size from a sample of its first items: their total when the sample is the whole
   * table, else their average times {@code items}; -1 (unknown) when DescribeTable counted no
   * items but the table holds more than the sample (it is younger than DescribeTable's refresh).
   */
  private static long sampledBytes(DynamoDbClient dynamoDb, String table, long items) {
    ScanResponse sample = dynamoDb.scan(b -> b.tableName(table).limit(SIZE_SAMPLE));
    long sampled = sample.items().stream().mapToLong(ItemSize::of).sum();
    if (!more(sample)) {
      return sampled;
    }
    return items == 0 ? -1 : sampled * Math.max(items, sample.items().size()) / sample.items().size();
  }

  private static boolean more(ScanResponse page) {
    return page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty();
  }

  @Override
  public SegmentResult digestSegment(SegmentRequest request) {
    return scanSegment(request, null);
  }

  @Override
  public SegmentResult copySegment(SegmentRequest request) {
    DynamoDbClient target = clients.dynamoDb(request.estate(), other(request.fromSide()));
    ChangedItems changed;
    try {
      changed = request.writeAll() ? null : new ChangedItems(target, request.to(), writers);
    } catch (SdkException e) {
      throw Failures.classify("describe " + request.to(), e);
    }
    return scanSegment(request, new SegmentWriter(changed, new BatchWriter(target, request.to(), writers)));
  }

  @Override
  public ExtrasSegmentResult extrasSegment(ExtrasSegmentRequest request) {
    DynamoDbClient written = clients.dynamoDb(request.estate(), request.side());
    ChangedItems other;
    try {
      other = new ChangedItems(clients.dynamoDb(request.estate(), other(request.side())), request.against(), writers);
    } catch (SdkException e) {
      throw Failures.classify("describe " + request.against(), e);
    }
    ExtrasProtector protector = new ExtrasProtector(request.rule(),
        ExtrasProtector.addedTenantsOf(clients, request.estate(), request.rule()));
    long items = 0, matched = 0, extras = 0, deleted = 0;
    String digest = TableDigest.EMPTY;
    List<String> samples = new ArrayList<>();
    List<String> deletedSamples = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      ScanResponse page;
      try {
        page = written.scan(b -> b.tableName(request.table()).segment(request.segment())
            .totalSegments(request.totalSegments()).consistentRead(true).exclusiveStartKey(from));
      } catch (ResourceNotFoundException e) {
        return new ExtrasSegmentResult(request.segment(), 0, 0, TableDigest.EMPTY, Extras.NONE);
      } catch (SdkException e) {
        throw Failures.classify("scan " + request.table() + " segment " + request.segment(), e);
      }
      long scanned = items;
      Set<String> present;
      try {
        present = other.presentKeys(page.items(), request.concurrency(),
            () -> Heartbeats.beat(new ExtrasScan(request.table(), request.segment(), scanned)));
      } catch (SdkException e) {
        throw Failures.classify("read " + request.against(), e);
      }
      for (Map<String, AttributeValue> item : page.items()) {
        items++;
        if (present.contains(other.keyDigest(item))) {
          matched++;
          digest = TableDigest.add(digest, ItemDigest.of(item));
          continue;
        }
        extras++;
        String key = ExtrasProtector.describeKey(item, other.keyNames());
        addSample(samples, key);
        if (protector.deletes() && !protector.protectsItem(item)) {
          if (!protector.dryRun()) {
            deleteItem(written, request.table(), item, other.keyNames());
          }
          deleted++;
          addSample(deletedSamples, key);
        }
      }
      Heartbeats.beat(new ExtrasScan(request.table(), request.segment(), items));
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return new ExtrasSegmentResult(request.segment(), items, matched, digest,
        new Extras(extras, samples, deleted, deletedSamples));
  }

  /** Heartbeat details of an extras scan (a retried attempt scans again from the start). */
  record ExtrasScan(String table, int segment, long items) {}

  private static void addSample(List<String> samples, String sample) {
    if (samples.size() < Extras.MAX_SAMPLES) {
      samples.add(sample);
    }
  }

  private static void deleteItem(DynamoDbClient table, String name, Map<String, AttributeValue> item, List<String> keyNames) {
    Map<String, AttributeValue> key = new HashMap<>();
    keyNames.forEach(k -> key.put(k, item.get(k)));
    try {
      table.deleteItem(b -> b.tableName(name).key(key));
    } catch (SdkException e) {
      throw Failures.classify("delete an extra item of " + name, e);
    }
  }

  @Override
  public void close() {
    writers.close();
  }

  /**
   * What a copy does with each scanned page: find what differs in the target, write only that;
   * without {@code changed} (the target was empty), write it all.
   */
  private record SegmentWriter(ChangedItems changed, BatchWriter writer) {}

  /** Scans the segment from the last heartbeated position; writes each page when {@code writer} is set. */
  private SegmentResult scanSegment(SegmentRequest request, SegmentWriter writer) {
    DynamoDbClient source = clients.dynamoDb(request.estate(), request.fromSide());
    ScanPosition position = Heartbeats.lastDetails(ScanPosition.class).orElse(ScanPosition.START);
    boolean more = true;
    while (more) {
      // One page of 1 MB can take longer than the heartbeat timeout on a loaded emulator: beat meanwhile.
      ScanPosition at = position;
      ScanResponse page = Heartbeats.whileRunning(at, Duration.ofSeconds(3), () -> scanPage(source, request, at));
      String digest = position.digest();
      for (Map<String, AttributeValue> item : page.items()) {
        digest = TableDigest.add(digest, ItemDigest.of(item));
      }
      long written = 0;
      if (writer != null && !page.items().isEmpty()) {
        ScanPosition before = position;
        written = write(writer, request, page.items(), () -> Heartbeats.beat(before));
        metrics.itemsCopied(request.estate(), written);
      }
      position = ScanPosition.after(
          page.lastEvaluatedKey(), position.items() + page.items().size(), position.copied() + written, digest);
      Heartbeats.beat(position);
      more = more(page);
    }
    return new SegmentResult(request.segment(), position.items(), position.copied(), position.digest());
  }

  private static ScanResponse scanPage(DynamoDbClient source, SegmentRequest request, ScanPosition position) {
    try {
      return source.scan(b -> b
          .tableName(request.from())
          .segment(request.segment())
          .totalSegments(request.totalSegments())
          .consistentRead(true)
          .exclusiveStartKey(position.exclusiveStartKey()));
    } catch (SdkException e) {
      throw Failures.classify("scan " + request.from() + " segment " + request.segment() + "/" + request.totalSegments(), e);
    }
  }

  private static long write(SegmentWriter writer, SegmentRequest request, List<Map<String, AttributeValue>> items, Runnable beat) {
    try {
      List<Map<String, AttributeValue>> changed = writer.changed() == null
          ? items : writer.changed().of(items, request.concurrency(), beat);
      return changed.isEmpty() ? 0 : writer.writer().write(changed, request.concurrency(), beat);
    } catch (SdkException e) {
      throw Failures.classify("write " + request.to(), e);
    }
  }

  private static Side other(Side side) {
    return side == Side.SOURCE ? Side.TARGET : Side.SOURCE;
  }
}
