package com.avesa.cutover.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.activities.demo.DemoEstate;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Source ⊆ target end to end, with the CLI, the dev server and the worker as processes: the
 * runbook's step 8 writes a test tenant into the target and the cutover still goes live, listing
 * it as extras; {@code sync --reverse} plans and runs the rollback's copy back on its own.
 */
class ExtrasEndToEndTest extends CutoverEstateTest {
  private static final String TEST_TENANT_OBJECT = "raw/test-msp/connectwise/tickets/2026/12/01/first.json";

  @Test
  void aCutoverAfterTenantAddAndServiceAddEndsCutOverWithTheTestTenantListedAsExtras() throws IOException {
    Path config = config(Duration.ofMinutes(10), Duration.ofSeconds(15), Duration.ofSeconds(3), Duration.ofMinutes(2));
    Launched.Result migrated = avesa("migrate", "-c", config.toString(), "--wait");
    assertThat(migrated.exitCode()).as(migrated.toString()).isZero();
    Launched.Result tenant = avesa("tenant", "add", "--tenant-id", "test-msp", "--company-name", "Test MSP",
        "-c", config.toString());
    assertThat(tenant.exitCode()).as(tenant.toString()).isZero();
    Path credentials = Files.writeString(dir.resolve("cw.json"), "{\"apiKey\":\"not-a-real-key\"}");
    Launched.Result service = avesa("service", "add", "--tenant-id", "test-msp", "--service", "connectwise",
        "--credentials-file", credentials.toString(), "-c", config.toString());
    assertThat(service.exitCode()).as(service.toString()).isZero();
    oracle.targetS3.putObject(r -> r.bucket(DemoEstate.TARGET_BUCKET).key(TEST_TENANT_OBJECT),
        RequestBody.fromString("{\"ticket\":1}", StandardCharsets.UTF_8));

    String id = startAndApprove("e2e-extras", config);
    Launched.Result result = avesa("result", id, "--json");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    JsonNode report = JSON.readTree(result.stdout());
    assertThat(report.path("outcome").asText()).isEqualTo("CUT_OVER");
    JsonNode finalSync = list(report.path("steps")).stream()
        .filter(s -> s.path("name").asText().equals("finalSync")).findFirst().orElseThrow();
    assertThat(finalSync.path("status").asText()).isEqualTo("DONE");
    assertThat(finalSync.path("detail").asText()).contains("3 extra(s) only in the target, 0 deleted")
        .contains("TenantServices: tenant_id=test-msp");

    Launched.Result synced = avesa("result", id + "-final-sync", "--json");
    assertThat(synced.exitCode()).as(synced.toString()).isZero();
    JsonNode sync = JSON.readTree(synced.stdout());
    assertThat(sync.path("verified").asBoolean()).isTrue();
    assertThat(sync.path("problems")).isEmpty();
    assertThat(texts(sync.path("buckets").get(0).path("extras").path("samples"))).containsExactly(TEST_TENANT_OBJECT);
    JsonNode tenants = list(sync.path("tables")).stream()
        .filter(t -> t.path("target").asText().equals("TenantServices")).findFirst().orElseThrow();
    assertThat(texts(tenants.path("extras").path("samples"))).containsExactly("tenant_id=test-msp");
    assertThat(texts(sync.path("secrets").path("extras").path("samples"))).containsExactly("tenant/test-msp/prod");

    Launched.Result table = avesa("result", id + "-final-sync");
    assertThat(table.stdout()).contains("EXTRAS (only in the target: reported, never a failure)")
        .contains("    tenant_id=test-msp");
    assertThat(oracle.targetDynamo.getItem(r -> r.tableName("TenantServices")
        .key(Map.of("tenant_id", AttributeValue.fromS("test-msp")))).item()).isNotEmpty();
  }

  @Test
  void aReverseDryRunChangesNothingAndListsWhatARealReverseSyncThenCopiesBackToTheSource() throws IOException {
    Path config = config(Duration.ofMinutes(10), Duration.ofSeconds(15), Duration.ofSeconds(3), Duration.ofMinutes(2));
    Launched.Result migrated = avesa("migrate", "-c", config.toString(), "--wait");
    assertThat(migrated.exitCode()).as(migrated.toString()).isZero();
    String key = "raw/acme/connectwise/tickets/2026/12/01/written-in-the-target.json";
    byte[] body = "{\"ticket\":4712}".getBytes(StandardCharsets.UTF_8);
    oracle.targetS3.putObject(r -> r.bucket(DemoEstate.TARGET_BUCKET).key(key), RequestBody.fromBytes(body));
    Map<String, EstateOracle.ObjectPrint> sourceBefore = oracle.objects(oracle.sourceS3, DemoEstate.SOURCE_BUCKET);

    Launched.Result dryRun = avesa("sync", "--reverse", "--dry-run", "-c", config.toString(), "--wait", "--json");

    assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
    JsonNode plan = JSON.readTree(dryRun.stdout());
    assertThat(plan.path("workflowId").asText()).isEqualTo("avesa-demo-reverse-sync");
    assertThat(plan.path("mode").asText()).isEqualTo("PLAN");
    assertThat(plan.path("reverse").asBoolean()).isTrue();
    assertThat(plan.path("buckets").get(0).path("toCopy").asLong()).isEqualTo(1);
    assertThat(oracle.objects(oracle.sourceS3, DemoEstate.SOURCE_BUCKET)).isEqualTo(sourceBefore);
    assertThatMissingInSource(key);

    Launched.Result reverse = avesa("sync", "--reverse", "-c", config.toString(), "--wait", "--json");

    assertThat(reverse.exitCode()).as(reverse.toString()).isZero();
    JsonNode report = JSON.readTree(reverse.stdout());
    assertThat(report.path("mode").asText()).isEqualTo("REVERSE");
    assertThat(report.path("verified").asBoolean()).isTrue();
    assertThat(report.path("buckets").get(0).path("copied").asLong()).isEqualTo(1);
    byte[] copied = oracle.sourceS3.getObjectAsBytes(r -> r.bucket(DemoEstate.SOURCE_BUCKET).key(key)).asByteArray();
    assertThat(EstateOracle.sha256(copied)).isEqualTo(EstateOracle.sha256(body));
  }

  private void assertThatMissingInSource(String key) {
    try {
      oracle.sourceS3.headObject(r -> r.bucket(DemoEstate.SOURCE_BUCKET).key(key));
      throw new AssertionError(key + " is in the source after a dry run");
    } catch (S3Exception expected) {
      assertThat(expected.statusCode()).isEqualTo(404);
    }
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  private static List<String> texts(JsonNode array) {
    return list(array).stream().map(JsonNode::asText).toList();
  }
}
