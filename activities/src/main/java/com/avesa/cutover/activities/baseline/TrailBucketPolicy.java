package com.avesa.cutover.activities.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The statements CloudTrail and AWS Config need on the trail bucket (as their documentation gives
 * them), merged into whatever policy the bucket has: statements of others are kept, an outdated
 * statement of ours (same Sid, other content) is replaced.
 */
final class TrailBucketPolicy {
  /** Where AWS Config's delivery channel writes in the trail bucket. */
  static final String CONFIG_PREFIX = "config";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CLOUDTRAIL = "cloudtrail.amazonaws.com";
  private static final String CONFIG = "config.amazonaws.com";
  private static final String SID = "Sid";

  private final String bucket;
  private final String accountId;

  TrailBucketPolicy(String bucket, String accountId) {
    this.bucket = bucket;
    this.accountId = accountId;
  }

  /** A merge that adds what is missing. */
  record Merge(String policy, List<String> addedSids) {}

  List<ObjectNode> requiredStatements() {
    String bucketArn = "arn:aws:s3:::" + bucket;
    return List.of(
        statement("AWSCloudTrailAclCheck", CLOUDTRAIL, "s3:GetBucketAcl", bucketArn, null),
        statement("AWSCloudTrailWrite", CLOUDTRAIL, "s3:PutObject", bucketArn + "/AWSLogs/" + accountId + "/*",
            JSON.createObjectNode().put("s3:x-amz-acl", "bucket-owner-full-control")),
        statement("AWSConfigBucketPermissionsCheck", CONFIG, "s3:GetBucketAcl", bucketArn, sourceAccount()),
        statement("AWSConfigBucketExistenceCheck", CONFIG, "s3:ListBucket", bucketArn, sourceAccount()),
        statement("AWSConfigBucketDelivery", CONFIG, "s3:PutObject",
            bucketArn + "/" + CONFIG_PREFIX + "/AWSLogs/" + accountId + "/Config/*",
            sourceAccount().put("s3:x-amz-acl", "bucket-owner-full-control")));
  }

  /**
   * The policy to put on the bucket, or empty when {@code current} (null: the bucket has none)
   * already holds every required statement. Statements are compared without their Sid.
   */
  Optional<Merge> merge(String current) {
    ObjectNode document = current == null ? newDocument() : parse(current);
    List<JsonNode> existing = statements(document);
    List<ObjectNode> missing = requiredStatements().stream()
        .filter(required -> existing.stream().noneMatch(present -> sameGrant(present, required)))
        .toList();
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    Set<String> replaced = missing.stream().map(s -> s.path(SID).asText()).collect(Collectors.toSet());
    ArrayNode merged = document.putArray("Statement");
    existing.stream().filter(s -> !replaced.contains(s.path(SID).asText())).forEach(merged::add);
    missing.forEach(merged::add);
    return Optional.of(new Merge(document.toString(), missing.stream().map(s -> s.path(SID).asText()).toList()));
  }

  private ObjectNode sourceAccount() {
    return JSON.createObjectNode().put("AWS:SourceAccount", accountId);
  }

  private static ObjectNode statement(String sid, String service, String action, String resource,
      ObjectNode stringEquals) {
    ObjectNode statement = JSON.createObjectNode().put(SID, sid).put("Effect", "Allow");
    statement.putObject("Principal").put("Service", service);
    statement.put("Action", action).put("Resource", resource);
    if (stringEquals != null) {
      statement.putObject("Condition").set("StringEquals", stringEquals);
    }
    return statement;
  }

  private static boolean sameGrant(JsonNode present, ObjectNode required) {
    if (!(present instanceof ObjectNode object)) {
      return false;
    }
    ObjectNode a = object.deepCopy();
    ObjectNode b = required.deepCopy();
    a.remove(SID);
    b.remove(SID);
    return a.equals(b);
  }

  /** The Statement element as a list: IAM allows a single statement object as well as an array. */
  private static List<JsonNode> statements(ObjectNode document) {
    JsonNode statement = document.path("Statement");
    List<JsonNode> statements = new ArrayList<>();
    if (statement.isArray()) {
      statement.forEach(statements::add);
    } else if (statement.isObject()) {
      statements.add(statement);
    }
    return statements;
  }

  private static ObjectNode newDocument() {
    return JSON.createObjectNode().put("Version", "2012-10-17");
  }

  private ObjectNode parse(String policy) {
    try {
      JsonNode node = JSON.readTree(policy);
      if (node instanceof ObjectNode document) {
        return document;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("bucket policy of " + bucket + " is not JSON", e);
    }
    throw new IllegalStateException("bucket policy of " + bucket + " is not a JSON object");
  }
}
