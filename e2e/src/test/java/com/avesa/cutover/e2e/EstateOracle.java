package com.avesa.cutover.e2e;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The tests' own view of both emulated accounts, read with the plain AWS SDK and independent of
 * the code under test: what is there, byte for byte, item for item, value for value.
 */
final class EstateOracle implements AutoCloseable {
  static final String TARGET_ROLE = "arn:aws:iam::987654321098:role/AVESADeploymentRole";

  final S3Client sourceS3;
  final S3Client targetS3;
  final DynamoDbClient sourceDynamo;
  final DynamoDbClient targetDynamo;
  final SecretsManagerClient sourceSecrets;
  final SecretsManagerClient targetSecrets;
  final EventBridgeClient sourceEvents;
  final EventBridgeClient targetEvents;
  final Route53Client sourceDns;
  private final StsClient sts;

  EstateOracle(String endpoint) {
    URI uri = URI.create(endpoint);
    Region region = Region.US_EAST_1;
    AwsCredentialsProvider source = StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    sts = StsClient.builder().endpointOverride(uri).region(region).credentialsProvider(source).build();
    AwsCredentialsProvider target = StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
        .refreshRequest(r -> r.roleArn(TARGET_ROLE).roleSessionName("e2e-oracle").externalId("avesa-deployment-key"))
        .build();
    sourceS3 = S3Client.builder().endpointOverride(uri).region(region).forcePathStyle(true).credentialsProvider(source).build();
    targetS3 = S3Client.builder().endpointOverride(uri).region(region).forcePathStyle(true).credentialsProvider(target).build();
    sourceDynamo = DynamoDbClient.builder().endpointOverride(uri).region(region).credentialsProvider(source).build();
    targetDynamo = DynamoDbClient.builder().endpointOverride(uri).region(region).credentialsProvider(target).build();
    sourceSecrets = SecretsManagerClient.builder().endpointOverride(uri).region(region).credentialsProvider(source).build();
    targetSecrets = SecretsManagerClient.builder().endpointOverride(uri).region(region).credentialsProvider(target).build();
    sourceEvents = EventBridgeClient.builder().endpointOverride(uri).region(region).credentialsProvider(source).build();
    targetEvents = EventBridgeClient.builder().endpointOverride(uri).region(region).credentialsProvider(target).build();
    sourceDns = Route53Client.builder().endpointOverride(uri).region(region).credentialsProvider(source).build();
  }

  /** Everything about an object that a copy must preserve. */
  record ObjectPrint(long size, String sha256, String contentType, String cacheControl, String contentEncoding,
      String contentDisposition, Map<String, String> metadata, Map<String, String> tags) {}

  Map<String, ObjectPrint> objects(S3Client s3, String bucket) {
    Map<String, ObjectPrint> prints = new TreeMap<>();
    for (S3Object o : s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents()) {
      ResponseBytes<GetObjectResponse> body = s3.getObjectAsBytes(r -> r.bucket(bucket).key(o.key()));
      GetObjectResponse h = body.response();
      Map<String, String> tags = s3.getObjectTagging(r -> r.bucket(bucket).key(o.key())).tagSet().stream()
          .collect(Collectors.toMap(t -> t.key(), t -> t.value()));
      prints.put(o.key(), new ObjectPrint(body.asByteArray().length, sha256(body.asByteArray()), h.contentType(),
          h.cacheControl(), h.contentEncoding(), h.contentDisposition(), new TreeMap<>(h.metadata()), tags));
    }
    return prints;
  }

  long objectCount(S3Client s3, String bucket) {
    return s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream().count();
  }

  long byteCount(S3Client s3, String bucket) {
    return s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream().mapToLong(S3Object::size).sum();
  }

  boolean bucketExists(S3Client s3, String bucket) {
    try {
      s3.headBucket(r -> r.bucket(bucket));
      return true;
    } catch (NoSuchBucketException e) {
      return false;
    } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  Set<Map<String, AttributeValue>> items(DynamoDbClient dynamo, String table) {
    Set<Map<String, AttributeValue>> items = new HashSet<>();
    dynamo.scanPaginator(r -> r.tableName(table)).items().forEach(items::add);
    return items;
  }

  List<String> tables(DynamoDbClient dynamo) {
    return dynamo.listTables().tableNames();
  }

  /** Secret name → SHA-256 of its current value (string or binary). */
  Map<String, String> secretDigests(SecretsManagerClient secrets) {
    Map<String, String> digests = new TreeMap<>();
    for (SecretListEntry e : secrets.listSecretsPaginator(r -> r.includePlannedDeletion(false)).stream().flatMap(p -> p.secretList().stream()).toList()) {
      GetSecretValueResponse v = secrets.getSecretValue(r -> r.secretId(e.name()));
      byte[] value = v.secretString() != null ? v.secretString().getBytes(java.nio.charset.StandardCharsets.UTF_8)
          : v.secretBinary().asByteArray();
      digests.put(e.name(), sha256(value));
    }
    return digests;
  }

  /** Every secret's current value as text (binary values decoded as UTF-8), to look for leaks. */
  List<String> secretValues(SecretsManagerClient secrets) {
    return secrets.listSecretsPaginator(r -> r.includePlannedDeletion(false)).stream()
        .flatMap(p -> p.secretList().stream())
        .map(e -> secrets.getSecretValue(r -> r.secretId(e.name())))
        .map(v -> v.secretString() != null ? v.secretString() : v.secretBinary().asUtf8String())
        .toList();
  }

  /** Rule name → state (ENABLED, DISABLED) on one account's default event bus, in the order given. */
  Map<String, String> ruleStates(EventBridgeClient events, List<String> rules) {
    Map<String, String> states = new LinkedHashMap<>();
    rules.forEach(rule -> states.put(rule, events.describeRule(r -> r.name(rule)).stateAsString()));
    return states;
  }

  /** A Route53 record set as a restore must put it back: type, TTL and values. */
  record DnsRecord(String type, Long ttl, List<String> values) {}

  /** The record set {@code name} of {@code type} in the zone, or null when there is none. */
  DnsRecord dnsRecord(Route53Client route53, String hostedZoneId, String name, String type) {
    return route53.listResourceRecordSetsPaginator(r -> r.hostedZoneId(hostedZoneId)).resourceRecordSets().stream()
        .filter(set -> set.name().equals(name + ".") && set.typeAsString().equals(type))
        .map(set -> new DnsRecord(set.typeAsString(), set.ttl(),
            set.resourceRecords().stream().map(ResourceRecord::value).toList()))
        .findFirst().orElse(null);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }


  @Override
  public void close() {
    sourceS3.close();
    targetS3.close();
    sourceDynamo.close();
    targetDynamo.close();
    sourceSecrets.close();
    targetSecrets.close();
    sourceEvents.close();
    targetEvents.close();
    sourceDns.close();
    sts.close();
  }
}
