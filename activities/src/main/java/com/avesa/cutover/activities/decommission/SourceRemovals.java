package com.avesa.cutover.activities.decommission;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.aws.Failures;
import com.avesa.cutover.activities.aws.Heartbeats;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.decommission.ResourceChange;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.RemoveTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * Removes the source resources {@code decommission.remove} names, one at a time, each logged. What
 * is already gone is reported as such, never as an error, so a retried or repeated removal is safe.
 */
final class SourceRemovals {
  private static final Logger log = LoggerFactory.getLogger(SourceRemovals.class);
  /** RemoveTargets takes at most 100 ids per call. */
  private static final int TARGETS_PER_CALL = 100;
  /** DeleteObjects takes at most 1,000 keys per call. */
  private static final int KEYS_PER_DELETE = 1_000;

  private final AwsClients clients;
  private final Estate estate;
  private final String where;

  SourceRemovals(AwsClients clients, Estate estate) {
    this.clients = clients;
    this.estate = estate;
    this.where = "source account " + estate.source().accountId();
  }

  ResourceChange removeRule(String name) {
    String item = "eventbridge rule " + name;
    EventBridgeClient eventBridge = clients.eventBridge(estate, Side.SOURCE);
    try {
      List<String> targets = targetIds(eventBridge, name);
      for (int i = 0; i < targets.size(); i += TARGETS_PER_CALL) {
        List<String> batch = targets.subList(i, Math.min(targets.size(), i + TARGETS_PER_CALL));
        RemoveTargetsResponse removed = eventBridge.removeTargets(b -> b.rule(name).ids(batch));
        if (!removed.failedEntries().isEmpty()) {
          // Retryable: EventBridge refuses entries under concurrent changes of the rule.
          throw new IllegalStateException("remove targets of rule " + name + " (" + where + "): "
              + removed.failedEntries().get(0).errorMessage());
        }
      }
      eventBridge.deleteRule(b -> b.name(name));
      return removed(item, targets.isEmpty() ? "deleted" : "deleted (after removing " + targets.size() + " target(s))");
    } catch (SdkException e) {
      return goneOr(item, "delete rule " + name, e);
    }
  }

  ResourceChange removeFunction(String name) {
    String item = "lambda function " + name;
    try {
      clients.lambda(estate, Side.SOURCE).deleteFunction(b -> b.functionName(name));
      return removed(item, "deleted");
    } catch (SdkException e) {
      return goneOr(item, "delete function " + name, e);
    }
  }

  ResourceChange removeTable(String name) {
    String item = "dynamodb table " + name;
    DynamoDbClient dynamoDb = clients.dynamoDb(estate, Side.SOURCE);
    try {
      TableDescription table = dynamoDb.describeTable(b -> b.tableName(name)).table();
      if (Boolean.TRUE.equals(table.deletionProtectionEnabled())) {
        throw Failures.nonRetryable(FailureType.BAD_CONFIG, "table " + name + " (" + where + ") has deletion "
            + "protection on; turn it off (aws dynamodb update-table --table-name " + name
            + " --no-deletion-protection-enabled) or take it out of decommission.remove.tables");
      }
      if (table.tableStatus() != TableStatus.DELETING) {
        dynamoDb.deleteTable(b -> b.tableName(name));
      }
      dynamoDb.waiter().waitUntilTableNotExists(b -> b.tableName(name));
      return removed(item, "deleted");
    } catch (SdkException e) {
      return goneOr(item, "delete table " + name, e);
    }
  }

  /** Every version and delete marker, a listed page (≤1,000) per DeleteObjects call; the bucket stays. */
  ResourceChange removeBucketObjects(String bucket) {
    String item = "s3 bucket " + bucket + " objects";
    S3Client s3 = clients.s3(estate, Side.SOURCE);
    DeletedSoFar deleted = Heartbeats.lastDetails(DeletedSoFar.class).orElse(new DeletedSoFar(0, 0));
    try {
      for (ListObjectVersionsResponse page : s3.listObjectVersionsPaginator(b -> b.bucket(bucket))) {
        List<ObjectIdentifier> keys = new ArrayList<>();
        page.versions().forEach(v -> keys.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
        page.deleteMarkers().forEach(m -> keys.add(ObjectIdentifier.builder().key(m.key()).versionId(m.versionId()).build()));
        for (int i = 0; i < keys.size(); i += KEYS_PER_DELETE) {
          delete(s3, bucket, keys.subList(i, Math.min(keys.size(), i + KEYS_PER_DELETE)));
        }
        deleted = deleted.plus(page.versions().size(), page.deleteMarkers().size());
        Heartbeats.beat(deleted);
      }
    } catch (NoSuchBucketException e) {
      log.info("{}: {} (no bucket, {})", item, ResourceChange.ALREADY_GONE, where);
      return ResourceChange.found(item, ResourceChange.ALREADY_GONE + " (no bucket)");
    } catch (SdkException e) {
      throw DecommissionErrors.classify("delete the objects of s3://" + bucket + " (" + where + ")", e);
    }
    if (deleted.versions() + deleted.deleteMarkers() == 0) {
      log.info("{}: {} ({})", item, ResourceChange.ALREADY_GONE, where);
      return ResourceChange.found(item, ResourceChange.ALREADY_GONE);
    }
    return removed(item, String.format("deleted %,d version(s) and %,d delete marker(s)", deleted.versions(),
        deleted.deleteMarkers()));
  }

  private void delete(S3Client s3, String bucket, List<ObjectIdentifier> keys) {
    DeleteObjectsResponse response = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(keys).quiet(true)));
    if (!response.errors().isEmpty()) {
      // Retryable (the activity lists again): SlowDown and InternalError come back per key.
      var first = response.errors().get(0);
      throw new IllegalStateException("delete " + response.errors().size() + " object version(s) of s3://" + bucket
          + " (" + where + ") failed; first: " + first.key() + " " + first.code() + ": " + first.message());
    }
  }

  private static List<String> targetIds(EventBridgeClient eventBridge, String rule) {
    List<String> ids = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      ListTargetsByRuleResponse page = eventBridge.listTargetsByRule(b -> b.rule(rule).nextToken(next));
      page.targets().stream().map(Target::id).forEach(ids::add);
      token = page.nextToken();
    } while (token != null);
    return ids;
  }

  private ResourceChange removed(String item, String detail) {
    log.info("{}: {} ({})", item, detail, where);
    return ResourceChange.done(item, detail);
  }

  private ResourceChange goneOr(String item, String what, SdkException e) {
    if (Failures.isNotFound(e)) {
      log.info("{}: {} ({})", item, ResourceChange.ALREADY_GONE, where);
      return ResourceChange.found(item, ResourceChange.ALREADY_GONE);
    }
    throw DecommissionErrors.classify(what + " (" + where + ")", e);
  }

  /** The heartbeat of a bucket's removal: what earlier attempts deleted, so the count survives a retry. */
  record DeletedSoFar(long versions, long deleteMarkers) {
    DeletedSoFar plus(long moreVersions, long moreMarkers) {
      return new DeletedSoFar(versions + moreVersions, deleteMarkers + moreMarkers);
    }
  }
}
