package com.avesa.cutover.activities.demo;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.config.CutoverConfig;
import com.avesa.cutover.workflows.estate.AccountConfig;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import java.util.List;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;

/**
 * A small AVESA estate in two emulated accounts, for {@code avesa demo} and tests: the source
 * bucket with tenants' {@code raw/} and {@code canonical/} objects, both tables, tenant secrets,
 * the deployment role in the target account, and what a cutover switches, tests and watches
 * ({@link DemoCutover}).
 */
public final class DemoEstate {
  public static final String SOURCE_ACCOUNT = "123456789012";
  public static final String TARGET_ACCOUNT = "987654321098";
  public static final String ROLE_NAME = "AVESADeploymentRole";
  public static final String EXTERNAL_ID = "avesa-deployment-key";
  public static final String ROLE_ARN = "arn:aws:iam::" + TARGET_ACCOUNT + ":role/" + ROLE_NAME;
  public static final String SOURCE_BUCKET = "data-storage-msp";
  public static final String TARGET_BUCKET = "data-storage-msp-prod";
  public static final List<String> TENANTS = List.of("acme", "globex", "initech");
  /** Keys that need careful encoding, added under the first tenant on top of the regular objects. */
  public static final List<String> AWKWARD_KEYS = List.of(
      "raw/acme/connectwise/tickets/2026/11/with space.parquet",
      "raw/acme/connectwise/tickets/2026/11/100%.json",
      "raw/acme/connectwise/tickets/2026/11/a+b=c.json",
      "raw/acme/connectwise/tickets/2026/11/café-ümlaut-日本.json",
      "canonical/acme/connectwise/_SUCCESS");

  private static final List<String> SERVICES = List.of("connectwise", "halo");
  private static final List<String> TABLES = List.of("tickets", "companies");
  private static final List<String> CONTENT_TYPES =
      List.of("application/vnd.apache.parquet", "application/json", "text/csv", "application/octet-stream");

  private DemoEstate() {}

  /** The estate that {@link #configYaml} describes: default credentials, then the role. */
  public static Estate estate(String endpoint, String region) {
    return new Estate(region, endpoint, new AccountConfig(SOURCE_ACCOUNT, null, null, null),
        new AccountConfig(TARGET_ACCOUNT, null, ROLE_ARN, EXTERNAL_ID));
  }

  /** Seeds the demo estate in moto at endpoint; returns a one-line summary (counts). Idempotent-ish: reset moto first. */
  public static String seed(String endpoint, String region, int objectsPerTenant) {
    Estate estate = estate(endpoint, region);
    try (AwsClients clients = new AwsClients()) {
      long[] objects = seedBucket(clients.s3(estate, Side.SOURCE), region, objectsPerTenant);
      int items = DemoTables.seed(clients.dynamoDb(estate, Side.SOURCE));
      int secrets = seedSecrets(clients.secrets(estate, Side.SOURCE));
      createDeploymentRole(clients, estate);
      String cutover = DemoCutover.seed(clients, estate);
      return String.format("seeded %d tenants: %d objects (%d bytes) in %s, %d items in 2 tables, "
              + "%d secrets (%d match tenant/*/prod), role %s in %s; %s",
          TENANTS.size(), objects[0], objects[1], SOURCE_BUCKET, items, secrets, TENANTS.size(), ROLE_NAME, TARGET_ACCOUNT,
          cutover);
    }
  }

  /**
   * The {@code cutover:} section the seeded estate matches ({@link #cutoverConfigYaml} writes it):
   * the {@link DemoCutover#RULES} in both accounts, the CNAME {@link DemoCutover#RECORD_NAME} in
   * the source's zone {@link DemoCutover#ZONE_NAME} switched to {@link DemoCutover#PROD_VALUE}
   * (TTL 60), a smoke test of {@link DemoCutover#FUNCTION} with {@code {"test":true}}, the alarms
   * starting with {@link DemoCutover#ALARM_PREFIX}, the target's alert topic, and a 2-minute
   * monitor (checked every 20 s) so a demo ends in minutes. Reads the zone id from moto, which
   * generated it: call after {@link #seed}.
   */
  public static CutoverConfig cutoverConfig(String endpoint, String region) {
    try (AwsClients clients = new AwsClients()) {
      return DemoCutover.config(clients, estate(endpoint, region));
    }
  }

  /**
   * {@link #configYaml} with the {@code cutover:} section of {@link #cutoverConfig} and the
   * {@code approvals:} section of {@link DemoCutover#APPROVALS}: the file {@code avesa cutover}
   * takes. Reads the zone id from moto: call after {@link #seed}.
   */
  public static String cutoverConfigYaml(String endpoint, String region) {
    return configYaml(endpoint, region, cutoverConfig(endpoint, region), DemoCutover.APPROVALS);
  }

  /** {@link #configYaml} followed by {@code cutover} and {@code approvals} as the file's sections. */
  public static String configYaml(String endpoint, String region, CutoverConfig cutover, ApprovalsConfig approvals) {
    return configYaml(endpoint, region) + DemoCutover.yaml(cutover, approvals);
  }

  /**
   * Deploys the cutover's smoke-tested function {@link DemoCutover#FUNCTION} in the target again,
   * in whichever Lambda mode moto is in now: moto keeps the functions of each mode apart, so a test
   * that switches moto to Docker mode (where every invoke fails) redeploys it there.
   */
  public static void deployCutoverFunction(String endpoint, String region) {
    try (AwsClients clients = new AwsClients()) {
      DemoCutover.ensureFunction(clients, estate(endpoint, region));
    }
  }

  /** The config YAML (keys as in the section 2) that migrates that estate via {@code endpoint}. */
  public static String configYaml(String endpoint, String region) {
    return String.join("\n",
        "name: avesa-demo",
        "region: " + region,
        "endpoint: " + endpoint,
        "source: { accountId: \"" + SOURCE_ACCOUNT + "\" }",
        "target: { accountId: \"" + TARGET_ACCOUNT + "\", roleArn: " + ROLE_ARN + ", externalId: " + EXTERNAL_ID + " }",
        "data:",
        "  buckets: [ { source: " + SOURCE_BUCKET + ", target: " + TARGET_BUCKET + ", prefixes: [] } ]",
        "  tables:  [ { source: TenantServices-prod, target: TenantServices },",
        "             { source: LastUpdated-prod,    target: LastUpdated } ]",
        "  secrets: { include: [\"tenant/*/prod\"] }",
        "  concurrency: 32",
        // moto keeps object tags per account: its cross-account CopyObject with TaggingDirective COPY
        // drops them (S3 copies them), so the emulated estate compares every object in full
        "  verify: full",
        "");
  }

  private static long[] seedBucket(S3Client s3, String region, int objectsPerTenant) {
    CreateBucketRequest.Builder create = CreateBucketRequest.builder().bucket(SOURCE_BUCKET);
    if (!"us-east-1".equals(region)) {
      create.createBucketConfiguration(c -> c.locationConstraint(region));
    }
    try {
      s3.createBucket(create.build());
    } catch (BucketAlreadyOwnedByYouException alreadySeeded) {
      // seeding again overwrites the objects
    }
    Random random = new Random(42);
    long count = 0;
    long bytes = 0;
    for (String tenant : TENANTS) {
      for (int i = 0; i < objectsPerTenant; i++) {
        String service = SERVICES.get(i % SERVICES.size());
        String table = TABLES.get((i / SERVICES.size()) % TABLES.size());
        String key = i % 2 == 0
            ? String.format("raw/%s/%s/%s/2026/11/%02d/part-%04d.parquet", tenant, service, table, 1 + i % 28, i)
            : String.format("canonical/%s/%s/%s/2026/11/part-%04d.json", tenant, service, table, i);
        bytes += put(s3, key, 1 + random.nextInt(4096), i, tenant, random);
        count++;
      }
    }
    for (int i = 0; i < AWKWARD_KEYS.size(); i++) {
      String key = AWKWARD_KEYS.get(i);
      bytes += put(s3, key, key.endsWith("_SUCCESS") ? 0 : 1 + random.nextInt(512), i, "acme", random);
      count++;
    }
    return new long[] {count, bytes};
  }

  private static int put(S3Client s3, String key, int size, int i, String tenant, Random random) {
    byte[] body = new byte[size];
    random.nextBytes(body);
    PutObjectRequest.Builder put = PutObjectRequest.builder()
        .bucket(SOURCE_BUCKET).key(key).contentType(CONTENT_TYPES.get(i % CONTENT_TYPES.size()));
    if (i % 3 == 0) {
      put.metadata(Map.of("tenant", tenant, "pipeline", "avesa-ingest"));
    }
    if (i % 4 == 0) {
      put.tagging("tenant=" + tenant + "&tier=" + (key.startsWith("raw/") ? "raw" : "canonical"));
    }
    if (i % 5 == 0) {
      put.cacheControl("max-age=3600").contentDisposition("attachment; filename=\"part.bin\"");
    }
    s3.putObject(put.build(), RequestBody.fromBytes(body));
    return size;
  }

  private static int seedSecrets(SecretsManagerClient secrets) {
    int count = 0;
    for (String tenant : TENANTS) {
      for (String env : List.of("prod", "dev")) {
        String name = "tenant/" + tenant + "/" + env;
        String value = "{\"connectwise\":{\"publicKey\":\"pk-" + tenant + "\",\"privateKey\":\"demo-" + env + "-" + tenant + "\"}}";
        boolean binary = tenant.equals("initech") && env.equals("prod");
        try {
          secrets.createSecret(b -> {
            b.name(name).description("AVESA credentials of " + tenant + " (" + env + ")")
                .tags(t -> t.key("tenant").value(tenant), t -> t.key("env").value(env));
            if (binary) {
              b.secretBinary(SdkBytes.fromUtf8String(value));
            } else {
              b.secretString(value);
            }
          });
        } catch (ResourceExistsException alreadySeeded) {
          secrets.putSecretValue(b -> b.secretId(name).secretString(value));
        }
        count++;
      }
    }
    return count;
  }

  private static void createDeploymentRole(AwsClients clients, Estate estate) {
    String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + SOURCE_ACCOUNT + ":root\"},\"Action\":\"sts:AssumeRole\","
        + "\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"" + EXTERNAL_ID + "\"}}}]}";
    try {
      clients.iam(estate, Side.TARGET).createRole(b -> b.roleName(ROLE_NAME).assumeRolePolicyDocument(trust)
          .description("Cross-account deployment role of the AVESA cutover"));
    } catch (EntityAlreadyExistsException alreadySeeded) {
      // the role is there already
    }
  }
}
