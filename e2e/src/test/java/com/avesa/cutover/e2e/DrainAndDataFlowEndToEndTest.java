package com.avesa.cutover.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.demo.DemoCutover;
import com.avesa.cutover.activities.demo.DemoEstate;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.workflows.config.CutoverConfig;
import com.avesa.cutover.workflows.config.MonitorConfig;
import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.cutover.Outcome;
import com.avesa.cutover.workflows.cutover.StepRecord;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.run.CutoverStep;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * The drain before the final sync and monitoring that sees data flow, as operators run them: CLI,
 * dev server and worker as processes, the demo estate in moto. A running Lambda invocation is
 * emulated the way CloudWatch would show it: AWS/Lambda ConcurrentExecutions of the function a
 * source rule targets, put by the test.
 */
class DrainAndDataFlowEndToEndTest extends CutoverEstateTest {
  private static final String SOURCE_FUNCTION = "avesa-connectwise-ingestion";

  @Test
  void anObjectWrittenByAStillRunningSourceInvocationAfterTheRulesWereDisabledReachesTheTarget() throws IOException {
    Estate estate = DemoEstate.estate(MOTO.endpoint(), MotoExtension.REGION);
    try (AwsClients clients = new AwsClients()) {
      String arn = createSourceFunction(clients, estate);
      clients.eventBridge(estate, Side.SOURCE).putTargets(b -> b.rule(DemoCutover.RULES.get(0))
          .targets(t -> t.id("ingest").arn(arn)));
      // the invocation started before the window: CloudWatch shows it running
      concurrentExecutions(clients, estate, 1, Instant.now().minusSeconds(90));

      String id = startAndApprove("e2e-drain", config(null));
      Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
          .until(() -> stack.cutoverProgress(id), p -> p != null && (draining(p) || p.outcome() != Outcome.RUNNING));
      CutoverReport draining = stack.cutoverProgress(id);
      assertThat(draining(draining)).as(String.valueOf(draining.reason())).isTrue();
      assertThat(oracle.ruleStates(oracle.sourceEvents, DemoCutover.RULES).values()).containsOnly("DISABLED");

      // the running invocation writes late, after the rules are off, then ends
      String key = "raw/acme/connectwise/tickets/2026/12/02/written-by-the-last-invocation.json";
      byte[] body = "{\"ticket\":4713,\"status\":\"closed\"}".getBytes(StandardCharsets.UTF_8);
      oracle.sourceS3.putObject(r -> r.bucket(DemoEstate.SOURCE_BUCKET).key(key).contentType("application/json"),
          RequestBody.fromBytes(body));
      Instant ended = Instant.now();
      concurrentExecutions(clients, estate, 0, ended);

      Launched.Result result = avesa("result", id, "--json");

      assertThat(result.exitCode()).as(result.toString()).isZero();
      JsonNode report = JSON.readTree(result.stdout());
      assertThat(report.path("outcome").asText()).isEqualTo("CUT_OVER");
      JsonNode drain = step(report, "drainSourceIngestion");
      assertThat(drain.path("status").asText()).isEqualTo("DONE");
      assertThat(drain.path("detail").asText()).startsWith("drained " + SOURCE_FUNCTION + " (ConcurrentExecutions 0)");
      assertThat(Instant.parse(step(report, "finalSync").path("startedAt").asText())).isAfter(ended.minusSeconds(1));
      byte[] copied = oracle.targetS3.getObjectAsBytes(r -> r.bucket(DemoEstate.TARGET_BUCKET).key(key)).asByteArray();
      assertThat(EstateOracle.sha256(copied)).isEqualTo(EstateOracle.sha256(body));
      JsonNode pause = report.path("ingestionPause");
      assertThat(Duration.parse(pause.path("total").asText()))
          .isGreaterThanOrEqualTo(Duration.parse(pause.path("drain").asText()))
          .isGreaterThanOrEqualTo(Duration.parse(pause.path("finalSync").asText()));
      Launched.Result printed = avesa("result", id);
      assertThat(printed.stdout()).contains("ingestion     ingestion paused PT").contains("(drain PT");
    }
  }

  @Test
  void aMonitoringWindowInWhichNoNewDataArrivesRollsBack() throws IOException {
    Switches before = switches();
    String id = startAndApprove("e2e-no-data",
        config(new MonitorConfig(true, false, 0, Duration.ofSeconds(20), List.of(), false)));

    Launched.Result result = avesa("result", id, "--json");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
    JsonNode report = JSON.readTree(result.stdout());
    assertThat(report.path("outcome").asText()).isEqualTo("ROLLED_BACK");
    assertThat(report.path("reason").asText()).startsWith("no new data within PT20S of the switch at ")
        .endsWith(": no new object under raw/acme/, raw/globex/, raw/initech/ in " + DemoEstate.TARGET_BUCKET);
    assertThat(step(report, "monitorAlarms").path("status").asText()).isEqualTo("FAILED");
    assertThat(switches()).isEqualTo(before);
  }

  private static boolean draining(CutoverReport p) {
    return p.steps().stream().anyMatch(s -> s.name() == CutoverStep.DRAIN_SOURCE_INGESTION
        && s.status() == StepRecord.Status.RUNNING);
  }

  private static JsonNode step(JsonNode report, String name) {
    for (JsonNode s : report.path("steps")) {
      if (name.equals(s.path("name").asText())) {
        return s;
      }
    }
    throw new AssertionError("no step " + name + " in " + report.path("steps"));
  }

  /** The demo's config, short: 10 min window, monitoring 40 s read every 3 s, 2 min rollback budget. */
  private Path config(MonitorConfig monitor) throws IOException {
    CutoverConfig demo = DemoEstate.cutoverConfig(MOTO.endpoint(), MotoExtension.REGION);
    CutoverConfig timed = new CutoverConfig(Duration.ofMinutes(10), Duration.ofSeconds(40), Duration.ofSeconds(3),
        Duration.ofMinutes(2), demo.sourceRules(), demo.targetRules(), demo.dns(), demo.smokeTests(), demo.alarms(),
        demo.notifyTopicArn(), null, null, monitor);
    return Files.writeString(dir.resolve("avesa.yaml"),
        DemoEstate.configYaml(MOTO.endpoint(), MotoExtension.REGION, timed, DemoCutover.APPROVALS));
  }

  private static void concurrentExecutions(AwsClients clients, Estate estate, double value, Instant at) {
    clients.cloudWatch(estate, Side.SOURCE).putMetricData(b -> b.namespace("AWS/Lambda").metricData(d -> d
        .metricName("ConcurrentExecutions").dimensions(x -> x.name("FunctionName").value(SOURCE_FUNCTION))
        .value(value).timestamp(at).unit(StandardUnit.COUNT)));
  }

  /** The source's ingestion function, with Lambda's longest timeout so that only the metric can end the drain. */
  private static String createSourceFunction(AwsClients clients, Estate estate) throws IOException {
    String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    String role = clients.iam(estate, Side.SOURCE)
        .createRole(b -> b.roleName("avesa-ingestion-source").assumeRolePolicyDocument(trust)).role().arn();
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("handler.py"));
      out.write("def handler(event, context):\n    return event\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return clients.lambda(estate, Side.SOURCE).createFunction(b -> b.functionName(SOURCE_FUNCTION)
        .runtime(Runtime.PYTHON3_12).role(role).timeout(900).handler("handler.handler")
        .code(c -> c.zipFile(SdkBytes.fromByteArray(zip.toByteArray())))).functionArn();
  }
}
