package com.avesa.cutover.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.activities.demo.DemoEstate;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The CLI a user types, against the dev server and the worker jar as processes, and moto. */
class MigrationEndToEndTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();
  private static final Duration RUN = Duration.ofMinutes(4);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static TemporalStack stack;
  private static Path credentials;

  @TempDir Path dir;
  private EstateOracle oracle;
  private Path config;

  @BeforeAll
  static void startTemporalAndAWorker() throws IOException {
    // A profile whose credentials act as the source account: used to impersonate a wrong target.
    credentials = Files.createTempFile("avesa-e2e-credentials", ".ini");
    Files.writeString(credentials, "[not-the-target]\naws_access_key_id = testing\naws_secret_access_key = testing\n");
    stack = new TemporalStack(Map.of("AWS_SHARED_CREDENTIALS_FILE", credentials.toString()));
  }

  @AfterAll
  static void stop() throws IOException {
    stack.close();
    Files.deleteIfExists(credentials);
  }

  @BeforeEach
  void seed() throws IOException {
    DemoEstate.seed(MOTO.endpoint(), MotoExtension.REGION, 4);
    stack.restartWorker();
    oracle = new EstateOracle(MOTO.endpoint());
    config = dir.resolve("avesa.yaml");
    Files.writeString(config, yaml(ROLE_TARGET, DemoEstate.SOURCE_BUCKET, "concurrency: 16"));
  }

  private static final String ROLE_TARGET = "{ accountId: \"" + DemoEstate.TARGET_ACCOUNT + "\", roleArn: "
      + DemoEstate.ROLE_ARN + ", externalId: " + DemoEstate.EXTERNAL_ID + " }";

  private static String yaml(String target, String sourceBucket, String concurrency) {
    return String.join("\n",
        "name: avesa-e2e",
        "region: " + MotoExtension.REGION,
        "endpoint: " + MOTO.endpoint(),
        "source: { accountId: \"" + DemoEstate.SOURCE_ACCOUNT + "\" }",
        "target: " + target,
        "data:",
        "  buckets: [ { source: " + sourceBucket + ", target: " + DemoEstate.TARGET_BUCKET + ", prefixes: [] } ]",
        "  tables: [ { source: TenantServices-prod, target: TenantServices },",
        "            { source: LastUpdated-prod, target: LastUpdated } ]",
        "  secrets: { include: [\"tenant/*/prod\"] }",
        "  " + concurrency,
        "  verify: full", // moto drops tags on a cross-account CopyObject with TaggingDirective COPY
        "");
  }

  @AfterEach
  void closeOracle() {
    oracle.close();
  }

  @Test
  void planChangesNothingAndItsCountsMatchTheSourceExactly() throws IOException {
    Map<String, EstateOracle.ObjectPrint> before = oracle.objects(oracle.sourceS3, DemoEstate.SOURCE_BUCKET);

    Launched.Result plan = Launched.run(stack.cliEnv(), RUN, "plan", "-c", config.toString(), "--json");

    assertThat(plan.exitCode()).as(plan.toString()).isZero();
    JsonNode report = JSON.readTree(plan.stdout());
    assertThat(report.path("mode").asText()).isEqualTo("PLAN");
    JsonNode bucket = report.path("buckets").get(0);
    assertThat(bucket.path("objects").asLong()).isEqualTo(before.size());
    assertThat(bucket.path("bytes").asLong()).isEqualTo(oracle.byteCount(oracle.sourceS3, DemoEstate.SOURCE_BUCKET));
    assertThat(bucket.path("toCopy").asLong()).isEqualTo(before.size());
    Map<String, Long> tenantObjects = before.keySet().stream()
        .filter(k -> k.startsWith("raw/") || k.startsWith("canonical/"))
        .collect(Collectors.groupingBy(k -> k.split("/")[1], Collectors.counting()));
    tenantObjects.forEach((tenant, count) ->
        assertThat(bucket.path("tenants").path(tenant).path("objects").asLong()).as(tenant).isEqualTo(count));
    for (JsonNode table : report.path("tables")) {
      assertThat(table.path("items").asLong()).as(table.path("source").asText())
          .isEqualTo(oracle.items(oracle.sourceDynamo, table.path("source").asText()).size());
    }
    assertThat(texts(report.path("secrets").path("names"))).containsExactlyInAnyOrderElementsOf(
        oracle.secretDigests(oracle.sourceSecrets).keySet().stream().filter(n -> n.matches("tenant/[^/]*/prod")).toList());

    assertThat(oracle.bucketExists(oracle.targetS3, DemoEstate.TARGET_BUCKET)).isFalse();
    assertThat(oracle.tables(oracle.targetDynamo)).isEmpty();
    assertThat(oracle.secretDigests(oracle.targetSecrets)).isEmpty();
    assertThat(oracle.objects(oracle.sourceS3, DemoEstate.SOURCE_BUCKET)).isEqualTo(before);
  }

  @Test
  void migrateLeavesTheTargetIdenticalAndASecondRunCopiesNothing() throws IOException {
    Launched.Result migrate = Launched.run(stack.cliEnv(), RUN, "migrate", "-c", config.toString(), "--wait", "--json");

    assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
    JsonNode report = JSON.readTree(migrate.stdout());
    assertThat(report.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(report.path("verified").asBoolean()).isTrue();
    assertThat(report.path("buckets").get(0).path("bytesCopied").asLong())
        .isEqualTo(oracle.byteCount(oracle.sourceS3, DemoEstate.SOURCE_BUCKET)).isPositive();
    assertThat(oracle.objects(oracle.targetS3, DemoEstate.TARGET_BUCKET))
        .isEqualTo(oracle.objects(oracle.sourceS3, DemoEstate.SOURCE_BUCKET));
    assertThat(oracle.items(oracle.targetDynamo, "TenantServices"))
        .isEqualTo(oracle.items(oracle.sourceDynamo, "TenantServices-prod"));
    assertThat(oracle.items(oracle.targetDynamo, "LastUpdated"))
        .isEqualTo(oracle.items(oracle.sourceDynamo, "LastUpdated-prod"));
    Map<String, String> inFilter = oracle.secretDigests(oracle.sourceSecrets).entrySet().stream()
        .filter(e -> e.getKey().matches("tenant/[^/]*/prod"))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(inFilter).isNotEmpty();
    assertThat(oracle.secretDigests(oracle.targetSecrets)).isEqualTo(inFilter);
    String history = stack.history("avesa-e2e-copy");
    assertThat(history).contains("tenant/acme/prod");
    for (String value : oracle.secretValues(oracle.sourceSecrets)) {
      assertThat(history).as("workflow history").doesNotContain(value);
      assertThat(stack.worker().output()).as("worker log").doesNotContain(value);
      assertThat(migrate.stdout()).as("report").doesNotContain(value);
    }

    Launched.Result again = Launched.run(stack.cliEnv(), RUN, "migrate", "-c", config.toString(), "--wait", "--json");

    assertThat(again.exitCode()).as(again.toString()).isZero();
    JsonNode second = JSON.readTree(again.stdout());
    JsonNode bucket = second.path("buckets").get(0);
    assertThat(bucket.path("copied").asLong()).isZero();
    assertThat(bucket.path("bytesCopied").asLong()).isZero();
    assertThat(bucket.path("skipped").asLong()).isEqualTo(bucket.path("objects").asLong()).isPositive();
    for (JsonNode table : second.path("tables")) {
      assertThat(table.path("copied").asLong()).as(table.path("source").asText()).isZero();
    }
    assertThat(second.path("secrets").path("copied").asInt()).isZero();

    // Without a terminal, --wait prints a line per phase (the last one DONE) and a summary that counts
    // identical objects as done.
    Launched.Result sync = Launched.run(stack.cliEnv(), RUN, "sync", "-c", config.toString(), "--wait");
    long objects = bucket.path("objects").asLong();
    assertThat(sync.exitCode()).as(sync.toString()).isZero();
    assertThat(sync.stdout()).containsPattern("(?m)^\\d+s +DONE  \\(run COMPLETED\\)$")
        .contains("ended: COMPLETED after ")
        .contains("objects " + objects + ": 0 copied, " + objects + " checked, 0 failed, " + objects + " verified")
        .doesNotContain("\u001b[");
  }

  @Test
  void credentialsThatActAsAnotherAccountFailTheRunInOneLineAndWriteNothing() throws IOException {
    Files.writeString(config, yaml("{ accountId: \"" + DemoEstate.TARGET_ACCOUNT + "\", profile: not-the-target }",
        DemoEstate.SOURCE_BUCKET, "concurrency: 16"));

    Launched.Result migrate = Launched.run(stack.cliEnv(), RUN, "migrate", "-c", config.toString(), "--wait");

    assertThat(migrate.exitCode()).as(migrate.toString()).isEqualTo(1);
    assertThat(migrate.stderr().strip().lines()).as(migrate.toString()).singleElement().asString()
        .contains(DemoEstate.TARGET_ACCOUNT).contains(DemoEstate.SOURCE_ACCOUNT);
    assertNothingWrittenToTheTarget();
  }

  @Test
  void aTargetAccountThatIsNotTheRolesAccountIsRejectedBeforeAnythingStarts() throws IOException {
    Files.writeString(config, yaml(ROLE_TARGET.replace("accountId: \"" + DemoEstate.TARGET_ACCOUNT, "accountId: \"111122223333"),
        DemoEstate.SOURCE_BUCKET, "concurrency: 16"));

    Launched.Result migrate = Launched.run(stack.cliEnv(), RUN, "migrate", "-c", config.toString(), "--wait");

    assertThat(migrate.exitCode()).as(migrate.toString()).isEqualTo(2);
    assertThat(migrate.stderr().strip().lines()).as(migrate.toString()).singleElement().asString()
        .contains("target.roleArn").contains("111122223333").contains(DemoEstate.TARGET_ACCOUNT);
    assertNothingWrittenToTheTarget();
  }

  @Test
  void aMissingSourceBucketFailsTheRunInOneLineAndWritesNothing() throws IOException {
    Files.writeString(config, yaml(ROLE_TARGET, "no-such-bucket-anywhere", "concurrency: 16"));

    Launched.Result migrate = Launched.run(stack.cliEnv(), RUN, "migrate", "-c", config.toString(), "--wait");

    assertThat(migrate.exitCode()).as(migrate.toString()).isEqualTo(1);
    assertThat(migrate.stderr().strip().lines()).as(migrate.toString()).singleElement().asString()
        .contains("no-such-bucket-anywhere");
    assertNothingWrittenToTheTarget();
  }

  @Test
  void aMalformedConfigExitsTwoNamingTheField() throws IOException {
    Files.writeString(config, yaml(ROLE_TARGET, DemoEstate.SOURCE_BUCKET, "concurency: 16"));

    Launched.Result migrate = Launched.run(stack.cliEnv(), RUN, "migrate", "-c", config.toString(), "--wait");

    assertThat(migrate.exitCode()).as(migrate.toString()).isEqualTo(2);
    assertThat(migrate.stderr().strip().lines()).as(migrate.toString()).singleElement().asString()
        .contains("data.concurency");
    assertNothingWrittenToTheTarget();
  }

  private void assertNothingWrittenToTheTarget() {
    assertThat(oracle.bucketExists(oracle.targetS3, DemoEstate.TARGET_BUCKET)).isFalse();
    assertThat(oracle.tables(oracle.targetDynamo)).isEmpty();
    assertThat(oracle.secretDigests(oracle.targetSecrets)).isEmpty();
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
