package com.avesa.cutover.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.activities.demo.DemoCutover;
import com.avesa.cutover.activities.demo.DemoEstate;
import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.cutover.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code avesa rollback --rescue} on a cutover that will never finish by itself: terminated in the
 * middle of its monitoring, so it has no report and answers no query. The rescue works from the
 * run's history alone; what it restored is read back from the emulated accounts.
 */
class RescueEndToEndTest extends CutoverEstateTest {
  @Test
  void aCutoverTerminatedDuringMonitoringIsRescuedToRulesDnsAndDataAsBefore() throws IOException {
    Switches before = switches();
    assertThat(before.dns()).isEqualTo(new EstateOracle.DnsRecord("CNAME", DemoCutover.RECORD_TTL,
        List.of(DemoCutover.SHARED_VALUE)));
    String id = "e2e-stuck";
    monitoring(id);

    String key = "canonical/acme/connectwise/tickets/2026/12/written-after-the-switch.json";
    oracle.targetS3.putObject(r -> r.bucket(DemoEstate.TARGET_BUCKET).key(key).contentType("application/json"),
        RequestBody.fromString("{\"ticket\":4713}"));
    Map<String, AttributeValue> item = Map.of(
        "tenant_id", AttributeValue.fromS("initech"),
        "services", AttributeValue.fromSs(List.of("connectwise")),
        "enabled", AttributeValue.fromBool(true));
    oracle.targetDynamo.putItem(r -> r.tableName("TenantServices").item(item));
    stack.terminate(id, "e2e: stuck after a bad deploy");

    Launched.Result rescue = avesa("rollback", "--rescue", id, "--reason", "stuck after deploy", "--identity", "bob",
        "--wait", "--json");

    assertThat(rescue.exitCode()).as(rescue.toString()).isZero();
    JsonNode report = JSON.readTree(rescue.stdout());
    assertThat(report.path("workflowId").asText()).isEqualTo(id + "-rescue");
    assertThat(report.path("outcome").asText()).isEqualTo("ROLLED_BACK");
    List<JsonNode> compensations = StreamSupport.stream(report.path("compensations").spliterator(), false).toList();
    assertThat(compensations).extracting(c -> c.path("name").asText())
        .containsExactly("enableSourceIngestion", "reverseSync", "restoreDns", "disableTargetIngestion");
    assertThat(compensations).extracting(c -> c.path("status").asText()).containsOnly("DONE");
    assertThat(switches()).isEqualTo(before);
    assertThat(oracle.objects(oracle.sourceS3, DemoEstate.SOURCE_BUCKET).get(key)).isNotNull()
        .isEqualTo(oracle.objects(oracle.targetS3, DemoEstate.TARGET_BUCKET).get(key));
    assertThat(oracle.items(oracle.sourceDynamo, "TenantServices-prod")).contains(item);
  }

  @Test
  void aCutoverStillOpenIsTerminatedByTheRescueBeforeItIsUndone() throws IOException {
    Switches before = switches();
    String id = "e2e-open";
    monitoring(id);

    Launched.Result rescue = avesa("rollback", "--rescue", id, "--reason", "stuck after deploy", "--identity", "bob",
        "--wait");

    assertThat(rescue.exitCode()).as(rescue.toString()).isZero();
    assertThat(rescue.stderr().strip().lines()).as(rescue.toString()).singleElement().asString()
        .startsWith("terminated the open run " + id + " (");
    assertThat(stack.history(id)).contains("EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED")
        .contains("rescued by bob: stuck after deploy");
    // --wait in table mode: the progress lines, then the report
    assertThat(rescue.stdout().lines()).contains("ROLLBACK " + id + "-rescue: ROLLED_BACK")
        .last().isEqualTo("ROLLED BACK: every change was undone");
    assertThat(switches()).isEqualTo(before);
  }

  @Test
  void rescueOfAnIdThatDoesNotExistIsOneLineExitOneAndStartsNothing() {
    Launched.Result rescue = avesa("rollback", "--rescue", "no-such-cutover", "--reason", "stuck", "--identity", "bob");

    assertThat(rescue.exitCode()).as(rescue.toString()).isEqualTo(1);
    assertThat(rescue.stderr().strip().lines()).as(rescue.toString()).singleElement().asString()
        .isEqualTo("no run with id no-such-cutover in namespace default");
    assertThat(rescue.stdout()).isEmpty();
    assertThat(stack.exists("no-such-cutover-rescue")).isFalse();
  }

  /**
   * Starts and approves the cutover {@code id} with monitoring (10 min) far longer than the test,
   * and returns once it monitors, with every switch made.
   */
  private void monitoring(String id) throws IOException {
    Path config = config(Duration.ofMinutes(20), Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofMinutes(2));
    Launched.Result started = avesa("cutover", "-c", config.toString(), "--id", id, "--identity", "carol");
    assertThat(started.exitCode()).as(started.toString()).isZero();
    // the gate pending means the fresh worker got through its first tasks before the next CLI connects
    Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
        .until(() -> stack.cutoverProgress(id), p -> p != null && "cutover".equals(p.pendingGate()));
    Launched.Result approval = avesa("approve", id, "--gate", "cutover", "--reason", "CAB-3", "--identity", "bob");
    assertThat(approval.exitCode()).as(approval.toString()).isZero();
    // ignoreExceptions: on a loaded machine one progress query may time out; the next one answers
    CutoverReport monitoring = Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
        .ignoreExceptions().until(() -> stack.cutoverProgress(id),
            p -> p != null && ("MONITORING".equals(p.phase()) || p.outcome() != Outcome.RUNNING));
    assertThat(monitoring.phase()).as(monitoring.reason()).isEqualTo("MONITORING");
    assertThat(switches()).as("the switch happened").isEqualTo(new Switches(
        states("DISABLED"), states("ENABLED"), new EstateOracle.DnsRecord("CNAME", 60L, List.of(DemoCutover.PROD_VALUE))));
  }

  private static Map<String, String> states(String state) {
    Map<String, String> states = new java.util.LinkedHashMap<>();
    DemoCutover.RULES.forEach(rule -> states.put(rule, state));
    return states;
  }
}
