package com.avesa.cutover.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.activities.approval.MotoIdentities;
import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.demo.DemoCutover;
import com.avesa.cutover.activities.demo.DemoEstate;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.cutover.Outcome;
import com.avesa.cutover.workflows.estate.Side;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cutover as operators run it — {@code avesa cutover}, {@code approve}, {@code status},
 * {@code result}, {@code rollback --after} — against the dev server and the worker jar as
 * processes, and the demo estate in moto. What the run did is read back from the emulated
 * accounts, not from its report.
 */
class CutoverEndToEndTest extends CutoverEstateTest {
  private static final Duration WINDOW = Duration.ofMinutes(10);
  private static final Duration CHECK_EVERY = Duration.ofSeconds(3);
  private static final Duration ROLLBACK_BUDGET = Duration.ofMinutes(2);

  @Test
  void anApprovedCutoverGoesLiveAndTheRequestersOwnApprovalIsRefused() throws IOException {
    Switches before = switches();
    assertThat(before.dns()).isEqualTo(new EstateOracle.DnsRecord("CNAME", DemoCutover.RECORD_TTL,
        List.of(DemoCutover.SHARED_VALUE)));

    // bob may approve (approvals.approvers: alice, bob), but not the run he started himself
    Launched.Result started = avesa("cutover", "-c", config(Duration.ofSeconds(15)).toString(), "--identity", "bob",
        "-o", "json");

    assertThat(started.exitCode()).as(started.toString()).isZero();
    assertThat(started.stdout().strip()).isEqualTo("{\"workflowId\": \"avesa-demo-cutover\"}");
    String id = JSON.readTree(started.stdout()).path("workflowId").asText();

    Launched.Result ownApproval = avesa("approve", id, "--gate", "cutover", "--reason", "CAB-1", "--identity", "bob");

    assertThat(ownApproval.exitCode()).as(ownApproval.toString()).isEqualTo(1);
    assertThat(ownApproval.stderr().strip().lines()).as(ownApproval.toString()).singleElement().asString()
        .startsWith("avesa: approval refused: ").contains("four eyes");
    assertThat(switches()).isEqualTo(before);
    Launched.Result status = avesa("status", id, "--json");
    assertThat(status.exitCode()).as(status.toString()).isZero();
    JsonNode gate = JSON.readTree(status.stdout()).path("progress");
    assertThat(gate.path("phase").asText()).isEqualTo("GATE");
    assertThat(gate.path("requestedBy").asText()).isEqualTo("bob");
    assertThat(gate.path("pendingGate").asText()).isEqualTo("cutover");
    assertThat(gate.path("approvalsNeeded").asInt()).isEqualTo(1);
    assertThat(gate.path("approvals").findValuesAsText("decision")).doesNotContain("APPROVED");

    String key = "raw/acme/connectwise/tickets/2026/11/28/written-before-approval.json";
    byte[] body = "{\"ticket\":4711,\"status\":\"open\"}".getBytes(StandardCharsets.UTF_8);
    oracle.sourceS3.putObject(r -> r.bucket(DemoEstate.SOURCE_BUCKET).key(key).contentType("application/json"),
        RequestBody.fromBytes(body));
    Launched.Result approval = avesa("approve", id, "--gate", "cutover", "--reason", "CAB-1", "--identity", "alice");
    assertThat(approval.exitCode()).as(approval.toString()).isZero();

    Launched.Result result = avesa("result", id, "--json");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    JsonNode report = JSON.readTree(result.stdout());
    assertThat(report.path("outcome").asText()).isEqualTo("CUT_OVER");
    assertThat(report.path("approvals")).anySatisfy(a -> {
      assertThat(a.path("approver").asText()).isEqualTo("alice");
      assertThat(a.path("decision").asText()).isEqualTo("APPROVED");
    });
    assertThat(stepStatuses(report)).containsEntry("disableSourceIngestion", "DONE").containsEntry("finalSync", "DONE")
        .containsEntry("switchDns", "DONE").containsEntry("enableTargetIngestion", "DONE")
        .containsEntry("smokeTests", "DONE").containsEntry("monitorAlarms", "DONE");
    assertThat(oracle.ruleStates(oracle.sourceEvents, DemoCutover.RULES).values()).containsOnly("DISABLED");
    assertThat(oracle.ruleStates(oracle.targetEvents, DemoCutover.RULES).values()).containsOnly("ENABLED");
    assertThat(dnsRecord()).isEqualTo(new EstateOracle.DnsRecord("CNAME", 60L, List.of(DemoCutover.PROD_VALUE)));
    byte[] copied = oracle.targetS3.getObjectAsBytes(r -> r.bucket(DemoEstate.TARGET_BUCKET).key(key)).asByteArray();
    assertThat(EstateOracle.sha256(copied)).isEqualTo(EstateOracle.sha256(body));

    Launched.Result rollback = avesa("rollback", "--after", id, "--reason", "test", "--identity", "bob", "--wait");

    assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
    assertThat(switches()).isEqualTo(before);
    Launched.Result rollbackReport = avesa("report", id + "-rollback", "--markdown");
    assertThat(rollbackReport.exitCode()).as(rollbackReport.toString()).isZero();
    assertThat(rollbackReport.stdout()).startsWith("# Rollback avesa-demo — ROLLED_BACK\n")
        .contains("- Run: `" + id + "-rollback`", "## Steps", "## Compensations");
  }

  @Test
  void anAlarmDuringMonitoringRollsBackRulesDnsAndTheDataWrittenToTheTarget() throws IOException {
    Switches before = switches();
    String id = startAndApprove("e2e-alarm", config(Duration.ofSeconds(40)));
    Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> stack.cutoverProgress(id),
            p -> p != null && ("MONITORING".equals(p.phase()) || p.outcome() != Outcome.RUNNING));
    CutoverReport monitoring = stack.cutoverProgress(id);
    assertThat(monitoring.phase()).as(monitoring.reason()).isEqualTo("MONITORING");

    String key = "canonical/acme/connectwise/tickets/2026/11/written-during-the-window.json";
    oracle.targetS3.putObject(r -> r.bucket(DemoEstate.TARGET_BUCKET).key(key).contentType("application/json")
        .metadata(Map.of("pipeline", "avesa-ingest")), RequestBody.fromString("{\"ticket\":4712}"));
    Map<String, AttributeValue> item = Map.of(
        "tenant_id", AttributeValue.fromS("umbrella"),
        "services", AttributeValue.fromSs(List.of("connectwise")),
        "enabled", AttributeValue.fromBool(true));
    oracle.targetDynamo.putItem(r -> r.tableName("TenantServices").item(item));
    try (AwsClients clients = new AwsClients()) {
      clients.cloudWatch(DemoEstate.estate(MOTO.endpoint(), MotoExtension.REGION), Side.TARGET).setAlarmState(r -> r
          .alarmName(DemoCutover.ALARM).stateValue(StateValue.ALARM).stateReason("errors after the switch (e2e)"));
    }

    Launched.Result result = avesa("result", id, "--json");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
    JsonNode report = JSON.readTree(result.stdout());
    assertThat(report.path("outcome").asText()).isEqualTo("ROLLED_BACK");
    assertThat(report.path("reason").asText()).contains("alarm").contains(DemoCutover.ALARM);
    List<JsonNode> compensations = list(report.path("compensations"));
    assertThat(compensations).extracting(c -> c.path("name").asText())
        .containsExactly("enableSourceIngestion", "reverseSync", "restoreDns", "disableTargetIngestion");
    assertThat(compensations).extracting(c -> c.path("status").asText()).containsOnly("DONE");
    List<Instant> ranAt = compensations.stream().map(c -> Instant.parse(c.path("at").asText())).toList();
    assertThat(ranAt).as("compensations run last registered first").doesNotHaveDuplicates()
        .isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(compensations.get(1).path("detail").asText()).as("only what differs is copied back")
        .startsWith("copied 1 object(s), 1 item(s)");
    assertThat(switches()).isEqualTo(before);
    assertThat(oracle.objects(oracle.sourceS3, DemoEstate.SOURCE_BUCKET).get(key)).isNotNull()
        .isEqualTo(oracle.objects(oracle.targetS3, DemoEstate.TARGET_BUCKET).get(key));
    assertThat(oracle.items(oracle.sourceDynamo, "TenantServices-prod")).contains(item);
  }

  @Test
  void aFailingSmokeTestRollsBack() throws IOException {
    Switches before = switches();
    // moto 5.2.1 keeps Lambda functions per mode (echo or Docker) and the seed deployed the function
    // in echo mode; deployed again in Docker mode, it exists for the preflight's GetFunction and
    // every invoke answers FunctionError "Handled" (no Docker daemon to run it).
    MOTO.lambdaUsesDocker(true);
    DemoEstate.deployCutoverFunction(MOTO.endpoint(), MotoExtension.REGION);
    String id = startAndApprove("e2e-smoke", config(Duration.ofSeconds(15)));

    Launched.Result result = avesa("result", id, "--json");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
    JsonNode report = JSON.readTree(result.stdout());
    assertThat(report.path("outcome").asText()).isEqualTo("ROLLED_BACK");
    assertThat(report.path("reason").asText()).contains("smoke test " + DemoCutover.FUNCTION + " failed")
        .contains("FunctionError");
    assertThat(stepStatuses(report)).containsEntry("smokeTests", "FAILED").doesNotContainKey("monitorAlarms");
    assertThat(list(report.path("compensations"))).extracting(c -> c.path("status").asText()).containsOnly("DONE");
    assertThat(switches()).isEqualTo(before);
  }

  /** The demo's config file with a cutover short enough for a test: {@code monitorFor}, alarms read every 3 s. */
  private Path config(Duration monitorFor) throws IOException {
    return config(WINDOW, monitorFor, CHECK_EVERY, ROLLBACK_BUDGET);
  }

  /** The same with {@code approvals}. */
  private Path config(Duration monitorFor, ApprovalsConfig approvals) throws IOException {
    return config(WINDOW, monitorFor, CHECK_EVERY, ROLLBACK_BUDGET, approvals);
  }

  @Test
  void underAwsIamTheArnsStsAnswersDecideAndTheRequestersOwnSignedApprovalIsRefused() throws IOException {
    MotoIdentities people = new MotoIdentities(MOTO.endpoint());
    AwsCredentials bob = people.user("bob");
    AwsCredentials alice = people.user("alice");
    String bobArn = "arn:aws:iam::" + MotoIdentities.ACCOUNT + ":user/bob";
    String aliceArn = "arn:aws:iam::" + MotoIdentities.ACCOUNT + ":user/alice";
    Path config = config(Duration.ofSeconds(6), new ApprovalsConfig(List.of(bobArn, aliceArn), 1, true, false, null,
        ApprovalsConfig.AWS_IAM));

    // bob types alice's name: the run compares the ARN his credentials sign with
    Launched.Result started = avesaAs(bob, "cutover", "-c", config.toString(), "--identity", "bob", "-o", "json");
    assertThat(started.exitCode()).as(started.toString()).isZero();
    String id = JSON.readTree(started.stdout()).path("workflowId").asText();
    Launched.Result ownApproval = avesaAs(bob, "approve", id, "--gate", "cutover", "--reason", "CAB-7",
        "--identity", "alice");

    assertThat(ownApproval.exitCode()).as(ownApproval.toString()).isEqualTo(1);
    assertThat(ownApproval.stderr().strip().lines()).as(ownApproval.toString()).singleElement().asString()
        .isEqualTo("avesa: approval refused: four eyes: " + bobArn + " started this run and cannot approve it; "
            + "another approver must");

    Launched.Result approval = avesaAs(alice, "approve", id, "--gate", "cutover", "--reason", "CAB-7");
    assertThat(approval.exitCode()).as(approval.toString()).isZero();
    assertThat(approval.stdout()).startsWith(aliceArn + " approved gate cutover of " + id);
    Launched.Result result = avesa("result", id, "--json");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    JsonNode report = JSON.readTree(result.stdout());
    assertThat(report.path("requestedBy").asText()).isEqualTo(bobArn);
    assertThat(list(report.path("approvals"))).extracting(a -> a.path("approver").asText() + " "
        + a.path("decision").asText() + " " + a.path("identity").asText())
        .containsExactly(bobArn + " REFUSED aws-iam", aliceArn + " APPROVED aws-iam");
  }

  private static Launched.Result avesaAs(AwsCredentials who, String... args) {
    Map<String, String> env = new HashMap<>(stack.cliEnv());
    env.put("AWS_ACCESS_KEY_ID", who.accessKeyId());
    env.put("AWS_SECRET_ACCESS_KEY", who.secretAccessKey());
    env.put("AWS_REGION", MotoExtension.REGION);
    return Launched.run(env, CLI, args);
  }

  private static Map<String, String> stepStatuses(JsonNode report) {
    return list(report.path("steps")).stream()
        .collect(Collectors.toMap(s -> s.path("name").asText(), s -> s.path("status").asText()));
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }
}
