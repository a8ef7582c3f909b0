package com.avesa.cutover.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.demo.DemoCutover;
import com.avesa.cutover.activities.demo.DemoEstate;
import com.avesa.cutover.activities.testing.FaultProxy;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.workflows.config.CutoverConfig;
import com.avesa.cutover.workflows.cutover.CompensationRecord;
import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.cutover.Outcome;
import com.avesa.cutover.workflows.estate.Side;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * The worker SIGKILLed at the cutover's worst moments — while it monitors the target after the
 * switch, and while it rolls back — and replaced by a new worker process: the run ends as it
 * would have (CUT_OVER, ROLLED_BACK), and the rules, the DNS record and the data read back from
 * moto are what that outcome promises.
 */
class CutoverWorkerKillEndToEndTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();
  // Generous: on a loaded 2-core machine a cold worker's preflight alone has taken over 2 minutes.
  private static final Duration CLI = Duration.ofMinutes(7);
  // A killed activity is retried once its 2-minute start-to-close timeout has passed.
  private static final Duration RESULT = Duration.ofMinutes(10);
  private static final Duration WINDOW = Duration.ofMinutes(20);
  private static final Duration CHECK_EVERY = Duration.ofSeconds(3);
  private static final Duration ROLLBACK_BUDGET = Duration.ofMinutes(4);
  // Longer than the kill takes, shorter than the SDK's patience: restoreDns is mid-call at the kill.
  private static final int HOLD_RESTORE_MILLIS = 20_000;
  private static final Pattern WORKER_IDENTITY = Pattern.compile("\"identity\"\\s*:\\s*\"(\\d+@[^\"]+)\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private EstateOracle oracle;
  private TemporalStack stack;
  private String zoneId;

  private record Switches(Map<String, String> sourceRules, Map<String, String> targetRules,
      EstateOracle.DnsRecord dns) {}

  @BeforeEach
  void seedAndStart() {
    DemoEstate.seed(MOTO.endpoint(), MotoExtension.REGION, 2);
    oracle = new EstateOracle(MOTO.endpoint());
    zoneId = DemoEstate.cutoverConfig(MOTO.endpoint(), MotoExtension.REGION).dns().hostedZoneId();
    stack = new TemporalStack(Map.of());
  }

  @AfterEach
  void stop() {
    stack.close();
    oracle.close();
  }

  @Test
  void aWorkerKilledDuringMonitoringIsReplacedAndTheRunCutsOver() throws IOException {
    Switches before = switches();
    String key = "raw/acme/connectwise/tickets/2026/11/28/written-before-the-kill.json";
    byte[] body = "{\"ticket\":4713,\"status\":\"open\"}".getBytes(StandardCharsets.UTF_8);
    oracle.sourceS3.putObject(r -> r.bucket(DemoEstate.SOURCE_BUCKET).key(key).contentType("application/json"),
        RequestBody.fromBytes(body));
    String id = startAndApprove("kill-monitoring", config(MOTO.endpoint(), Duration.ofSeconds(40)));
    awaitPhase(id, "MONITORING");

    stack.replaceWorkerAfterKill();

    Launched.Result result = Launched.run(stack.cliEnv(), RESULT, "result", id, "--json");
    assertThat(result.exitCode()).as(result.toString()).isZero();
    JsonNode report = JSON.readTree(result.stdout());
    assertThat(report.path("outcome").asText()).isEqualTo("CUT_OVER");
    assertThat(stepStatuses(report)).containsEntry("switchDns", "DONE").containsEntry("monitorAlarms", "DONE");
    assertThat(workerIdentities(id)).as("workflow tasks taken by the killed worker and its replacement").hasSize(2);
    assertThat(oracle.ruleStates(oracle.sourceEvents, DemoCutover.RULES).values()).containsOnly("DISABLED");
    assertThat(oracle.ruleStates(oracle.targetEvents, DemoCutover.RULES).values()).containsOnly("ENABLED");
    assertThat(dnsRecord()).isNotEqualTo(before.dns())
        .isEqualTo(new EstateOracle.DnsRecord("CNAME", 60L, List.of(DemoCutover.PROD_VALUE)));
    byte[] copied = oracle.targetS3.getObjectAsBytes(r -> r.bucket(DemoEstate.TARGET_BUCKET).key(key)).asByteArray();
    assertThat(EstateOracle.sha256(copied)).isEqualTo(EstateOracle.sha256(body));
    assertThat(oracle.objects(oracle.targetS3, DemoEstate.TARGET_BUCKET))
        .isEqualTo(oracle.objects(oracle.sourceS3, DemoEstate.SOURCE_BUCKET));
  }

  @Test
  void aWorkerKilledWhileItRollsBackIsReplacedAndTheRollbackFinishes() throws IOException {
    Switches before = switches();
    try (FaultProxy proxy = FaultProxy.start(MOTO.endpoint(), 7, 0)) {
      // The worker reaches AWS through the proxy, which holds the first restoreDns call (the only
      // request that writes the shared value back) so that the kill lands inside the compensation.
      RequestPatternBuilder restoreDns = postRequestedFor(urlPathMatching("/2013-04-01/hostedzone/.*/rrset/?"))
          .withRequestBody(containing(DemoCutover.SHARED_VALUE));
      proxy.server().stubFor(post(urlPathMatching("/2013-04-01/hostedzone/.*/rrset/?"))
          .withRequestBody(containing(DemoCutover.SHARED_VALUE)).atPriority(1)
          .inScenario("restoreDns").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("held once")
          .willReturn(aResponse().proxiedFrom(MOTO.endpoint()).withFixedDelay(HOLD_RESTORE_MILLIS)));
      String id = startAndApprove("kill-rollback", config(proxy.endpoint(), Duration.ofSeconds(60)));
      awaitPhase(id, "MONITORING");
      String key = "canonical/acme/connectwise/tickets/2026/11/written-before-the-rollback.json";
      oracle.targetS3.putObject(r -> r.bucket(DemoEstate.TARGET_BUCKET).key(key).contentType("application/json"),
          RequestBody.fromString("{\"ticket\":4714}"));
      setTargetAlarm();
      Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
          .until(() -> proxy.server().findAll(restoreDns).size(), held -> held > 0);
      CutoverReport rollingBack = stack.cutoverProgress(id);
      assertThat(rollingBack.phase()).isEqualTo("ROLLING_BACK");
      assertThat(compensationStatuses(rollingBack)).containsEntry("disableTargetIngestion", CompensationRecord.Status.DONE)
          .containsEntry("restoreDns", CompensationRecord.Status.REGISTERED)
          .containsEntry("reverseSync", CompensationRecord.Status.REGISTERED)
          .containsEntry("enableSourceIngestion", CompensationRecord.Status.REGISTERED);

      stack.replaceWorkerAfterKill();

      Launched.Result result = Launched.run(stack.cliEnv(), RESULT, "result", id, "--json");
      assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
      JsonNode report = JSON.readTree(result.stdout());
      assertThat(report.path("outcome").asText()).isEqualTo("ROLLED_BACK");
      assertThat(report.path("reason").asText()).contains("alarm").contains(DemoCutover.ALARM);
      assertThat(list(report.path("compensations"))).extracting(c -> c.path("status").asText())
          .containsOnly(CompensationRecord.Status.DONE.name());
      assertThat(proxy.server().findAll(restoreDns)).as("restoreDns sent again by the new worker").hasSize(2);
      assertThat(workerIdentities(id)).hasSize(2);
      assertThat(switches()).isEqualTo(before);
      assertThat(oracle.objects(oracle.sourceS3, DemoEstate.SOURCE_BUCKET).get(key)).isNotNull()
          .isEqualTo(oracle.objects(oracle.targetS3, DemoEstate.TARGET_BUCKET).get(key));
    }
  }

  private void awaitPhase(String id, String phase) {
    Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250))
        .until(() -> stack.cutoverProgress(id), p -> p != null && (phase.equals(p.phase()) || p.outcome() != Outcome.RUNNING));
    CutoverReport progress = stack.cutoverProgress(id);
    assertThat(progress.phase()).as(progress.reason()).isEqualTo(phase);
  }

  private void setTargetAlarm() {
    try (AwsClients clients = new AwsClients()) {
      clients.cloudWatch(DemoEstate.estate(MOTO.endpoint(), MotoExtension.REGION), Side.TARGET).setAlarmState(r -> r
          .alarmName(DemoCutover.ALARM).stateValue(StateValue.ALARM).stateReason("errors after the switch (e2e)"));
    }
  }

  /** Starts the cutover as carol, approves it as bob; returns its id. */
  private String startAndApprove(String id, Path config) {
    Launched.Result started = Launched.run(stack.cliEnv(), CLI, "cutover", "-c", config.toString(), "--id", id,
        "--identity", "carol");
    assertThat(started.exitCode()).as(started.toString()).isZero();
    Launched.Result approval = Launched.run(stack.cliEnv(), CLI, "approve", id, "--gate", "cutover",
        "--reason", "CAB-3", "--identity", "bob", "--wait-gate", "PT6M");
    assertThat(approval.exitCode()).as(approval.toString()).isZero();
    return id;
  }

  /** The demo's config with AWS at {@code endpoint}, monitoring for {@code monitorFor}. */
  private Path config(String endpoint, Duration monitorFor) throws IOException {
    CutoverConfig demo = DemoEstate.cutoverConfig(MOTO.endpoint(), MotoExtension.REGION);
    CutoverConfig quick = new CutoverConfig(WINDOW, monitorFor, CHECK_EVERY, ROLLBACK_BUDGET, demo.sourceRules(),
        demo.targetRules(), demo.dns(), demo.smokeTests(), demo.alarms(), demo.notifyTopicArn());
    return Files.writeString(dir.resolve("avesa.yaml"),
        DemoEstate.configYaml(endpoint, MotoExtension.REGION, quick, DemoCutover.APPROVALS));
  }

  /** The identities ({@code pid@host}) of the worker processes that took the run's workflow tasks. */
  private Set<String> workerIdentities(String id) {
    Matcher identity = WORKER_IDENTITY.matcher(stack.history(id));
    return identity.results().map(m -> m.group(1)).collect(Collectors.toSet());
  }

  private Switches switches() {
    return new Switches(oracle.ruleStates(oracle.sourceEvents, DemoCutover.RULES),
        oracle.ruleStates(oracle.targetEvents, DemoCutover.RULES), dnsRecord());
  }

  private EstateOracle.DnsRecord dnsRecord() {
    return oracle.dnsRecord(oracle.sourceDns, zoneId, DemoCutover.RECORD_NAME, "CNAME");
  }

  private static Map<String, CompensationRecord.Status> compensationStatuses(CutoverReport report) {
    return report.compensations().stream().collect(Collectors.toMap(CompensationRecord::name, CompensationRecord::status));
  }

  private static Map<String, String> stepStatuses(JsonNode report) {
    return list(report.path("steps")).stream()
        .collect(Collectors.toMap(s -> s.path("name").asText(), s -> s.path("status").asText()));
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }
}
