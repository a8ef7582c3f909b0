package com.avesa.cutover.activities.tenants;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * The tenants {@code tenant add} put into the target, recorded as tags on the target's
 * TenantServices table: one tag per tenant, key {@code avesa:added-tenant:} plus 16 hex digits of
 * the id's SHA-256 (tag keys are at most 128 characters), value the tenant id. The data path reads
 * it to protect those tenants' item, objects and secret from {@code data.deleteExtras}. A table
 * holds at most 50 tags, so about 45 added tenants.
 */
public final class AddedTenantsRecord {
  static final String TAG_PREFIX = "avesa:added-tenant:";

  private final DynamoDbClient dynamoDb;
  private final String table;

  public AddedTenantsRecord(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  /** Records {@code tenantId}; recording it again changes nothing (and writes nothing). */
  void record(String tenantId) {
    String arn = dynamoDb.describeTable(b -> b.tableName(table)).table().tableArn();
    if (!read(arn).contains(tenantId)) {
      dynamoDb.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key(tagKey(tenantId)).value(tenantId).build()));
    }
  }

  /** The recorded tenant ids; none when the table does not exist. */
  public Set<String> read() {
    String arn;
    try {
      arn = dynamoDb.describeTable(b -> b.tableName(table)).table().tableArn();
    } catch (ResourceNotFoundException e) {
      return Set.of();
    }
    return read(arn);
  }

  private Set<String> read(String arn) {
    Set<String> ids = new LinkedHashSet<>();
    String token = null;
    do {
      String next = token;
      ListTagsOfResourceResponse page = dynamoDb.listTagsOfResource(b -> b.resourceArn(arn).nextToken(next));
      page.tags().stream().filter(t -> t.key().startsWith(TAG_PREFIX)).forEach(t -> ids.add(t.value()));
      token = page.nextToken();
    } while (token != null && !token.isEmpty());
    return ids;
  }

  static String tagKey(String tenantId) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(tenantId.getBytes(StandardCharsets.UTF_8));
      return TAG_PREFIX + HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
