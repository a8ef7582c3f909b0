package com.avesa.cutover.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.demo.DemoCutover;
import com.avesa.cutover.activities.demo.DemoEstate;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.workflows.config.CutoverConfig;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.run.RunIds;
import com.avesa.cutover.workflows.runbook.Phases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The whole runbook as operators run it — {@code avesa isolate}, approvals of the execute, cutover,
 * validation (a departed tenant's data) and decommission gates through the CLI, {@code status}, {@code result}, {@code report --markdown}
 * — against the dev server and the worker jar as processes and the demo estate in moto, with the
 * retention shortened by config. What the run did is read back from the emulated accounts.
 */
class IsolationEndToEndTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();
  private static final Duration CLI = Duration.ofSeconds(90);
  private static final String WAIT_GATE = "PT3M";
  private static final String STACK = "AVESADataPipeline-prod";
  private static final String ARCHIVE = "data-storage-msp-archive";
  private static final String TRAIL_BUCKET = "avesa-audit-logs-" + DemoEstate.TARGET_ACCOUNT;
  private static final String DEPARTED = "raw/departed-msp/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static TemporalStack stack;

  @TempDir Path dir;
  private EstateOracle oracle;
  private AwsClients clients;
  private Estate estate;

  @BeforeAll
  static void startTemporalAndAWorker() {
    stack = new TemporalStack(Map.of());
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @BeforeEach
  void seed() {
    DemoEstate.seed(MOTO.endpoint(), MotoExtension.REGION, 2);
    stack.restartWorker();
    oracle = new EstateOracle(MOTO.endpoint());
    clients = new AwsClients();
    estate = DemoEstate.estate(MOTO.endpoint(), MotoExtension.REGION);
    // What `cdk deploy` would have left in the target: a stack (the functions and rules the demo seeds).
    clients.cloudFormation(estate, Side.TARGET).createStack(r -> r.stackName(STACK).templateBody(
        "{\"Resources\":{\"Topic\":{\"Type\":\"AWS::SNS::Topic\",\"Properties\":{\"TopicName\":\"avesa-pipeline\"}}}}"));
  }

  @AfterEach
  void close() {
    oracle.close();
    clients.close();
  }

  @Test
  void isolateSetsUpMigratesCutsOverValidatesAndDecommissionsAfterEachApproval() throws IOException, InterruptedException {
    // A tenant that left (no TenantServices item) still has data, and an export the config expects.
    for (String key : List.of(DEPARTED + "2026/10/tickets.json", "exports/2026-11.csv")) {
      clients.s3(estate, Side.SOURCE).putObject(r -> r.bucket(DemoEstate.SOURCE_BUCKET).key(key),
          RequestBody.fromString("{\"left\":true}"));
    }
    Map<String, EstateOracle.ObjectPrint> sourceObjects = oracle.objects(oracle.sourceS3, DemoEstate.SOURCE_BUCKET);
    Path config = config();

    Launched.Result started = avesa("isolate", "-c", config.toString(), "--identity", "alice", "-o", "json");

    assertThat(started.exitCode()).as(started.toString()).isZero();
    String id = JSON.readTree(started.stdout()).path("workflowId").asText();
    assertThat(id).isEqualTo(RunIds.isolation("avesa-demo"));
    Launched.Result ownApproval = avesa("approve", id, "--gate", Phases.EXECUTE_GATE, "--reason", "CAB-7",
        "--identity", "alice", "--wait-gate", WAIT_GATE);
    assertThat(ownApproval.exitCode()).as(ownApproval.toString()).isEqualTo(1);
    assertThat(ownApproval.stderr()).contains("approval refused").contains("four eyes");
    assertThat(oracle.objectCount(oracle.targetS3, DemoEstate.TARGET_BUCKET)).as("nothing copied before execute").isZero();

    approve(id, Phases.EXECUTE_GATE, "bob", "CAB-7 execute");
    approve(id, "cutover", "bob", "CAB-7 cutover window");
    // Waits for the validation gate, then four eyes refuses the requester.
    Launched.Result ownFindings = avesa("approve", id, "--gate", Phases.VALIDATION_GATE, "--reason", "mine",
        "--identity", "alice", "--wait-gate", WAIT_GATE);
    assertThat(ownFindings.exitCode()).as(ownFindings.toString()).isEqualTo(1);
    assertThat(ownFindings.stderr()).contains("four eyes");
    Launched.Result waiting = avesa("status", id);
    assertThat(waiting.exitCode()).as(waiting.toString()).isZero();
    assertThat(waiting.stdout()).contains("findings 2 (validation):", DEPARTED, "gate     validation pending in " + id)
        .doesNotContain("exports/");
    assertThat(oracle.bucketExists(oracle.sourceS3, ARCHIVE)).as("no archive before the findings are decided").isFalse();
    approve(id, Phases.VALIDATION_GATE, "bob", "CAB-7 departed tenant: archive it");
    approve(id, Phases.DECOMMISSION_GATE, "bob", "CAB-8 retention over");

    Launched.Result result = avesa("result", id, "--json");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    JsonNode report = JSON.readTree(result.stdout());
    assertThat(report.path("outcome").asText()).isEqualTo("SUCCEEDED");
    assertThat(list(report.path("phases"))).extracting(p -> p.path("phase").asText()).containsExactlyElementsOf(Phases.ALL);
    assertThat(list(report.path("phases"))).extracting(p -> p.path("status").asText()).containsOnly("SUCCEEDED");
    assertThat(list(report.path("approvals"))).filteredOn(a -> "APPROVED".equals(a.path("decision").asText()))
        .extracting(a -> a.path("gate").asText() + ":" + a.path("approver").asText())
        .containsExactly("execute:bob", "validation:bob", "cutover:bob", "decommission:bob");
    // The departed tenant's prefix, and its key among the stray ones; the expected export is neither.
    assertThat(list(report.path("findings"))).extracting(JsonNode::asText).hasSize(2)
        .anySatisfy(f -> assertThat(f).startsWith(DEPARTED)).noneSatisfy(f -> assertThat(f).contains("exports/"));

    // phase 1: role with the ExternalId, the security baseline
    String trust = URLDecoder.decode(clients.iam(estate, Side.TARGET).getRole(r -> r.roleName(DemoEstate.ROLE_NAME))
        .role().assumeRolePolicyDocument(), StandardCharsets.UTF_8);
    assertThat(trust).contains("sts:ExternalId").contains(DemoEstate.EXTERNAL_ID).contains(DemoEstate.SOURCE_ACCOUNT);
    assertThat(clients.guardDuty(estate, Side.TARGET).listDetectors().detectorIds()).hasSize(1);
    assertThat(clients.cloudTrail(estate, Side.TARGET).describeTrails().trailList())
        .anySatisfy(t -> assertThat(t.s3BucketName()).isEqualTo(TRAIL_BUCKET));
    assertThat(clients.cloudWatch(estate, Side.TARGET).describeAlarms(r -> r.alarmNamePrefix("avesa-billing"))
        .metricAlarms()).singleElement().satisfies(a -> assertThat(a.threshold()).isEqualTo(250.0));
    // phases 3-6: the data is in the target and the cutover went live
    assertThat(oracle.ruleStates(oracle.targetEvents, DemoCutover.RULES).values()).containsOnly("ENABLED");
    assertThat(oracle.objects(oracle.targetS3, DemoEstate.TARGET_BUCKET)).isEqualTo(sourceObjects);
    // step 14: archived in GLACIER with the same content, then the source removed
    List<S3Object> archived = oracle.sourceS3.listObjectsV2Paginator(r -> r.bucket(ARCHIVE)).contents().stream().toList();
    assertThat(archived).hasSize(sourceObjects.size());
    assertThat(archived).allSatisfy(o -> assertThat(o.storageClassAsString()).isEqualTo("GLACIER"));
    assertThat(archived).extracting(S3Object::key)
        .containsExactlyInAnyOrderElementsOf(sourceObjects.keySet().stream().map(k -> DemoEstate.SOURCE_BUCKET + "/" + k).toList());
    assertThat(oracle.objectCount(oracle.sourceS3, DemoEstate.SOURCE_BUCKET)).isZero();
    assertThat(oracle.tables(oracle.sourceDynamo)).doesNotContain("TenantServices-prod", "LastUpdated-prod");
    assertThat(oracle.sourceEvents.listRules(r -> r.namePrefix("")).rules()).extracting(r -> r.name())
        .doesNotContainAnyElementsOf(DemoCutover.RULES);

    Launched.Result markdown = avesa("report", id, "--markdown");

    assertThat(markdown.exitCode()).as(markdown.toString()).isZero();
    assertThat(markdown.stdout()).contains(Phases.ALL.toArray(String[]::new))
        .contains("bob", "alice", "CAB-7 execute", "CAB-7 cutover window", "CAB-8 retention over")
        .contains("## Validation findings", DEPARTED, "CAB-7 departed tenant: archive it")
        .contains(String.valueOf(sourceObjects.size()));
    // Every phase is a run of its own kind, and each renders as a document too.
    Map<String, String> headlines = Map.of(Phases.ACCOUNT_SETUP, "# Account setup ", Phases.INFRASTRUCTURE,
        "# Infrastructure ", Phases.PLAN, "# Plan ", Phases.COPY, "# Migration ", Phases.SMOKE_TEST, "# Smoke tests ",
        Phases.CUTOVER, "# Cutover avesa-demo — CUT_OVER", Phases.VALIDATE, "# Post-cutover validation ",
        Phases.DECOMMISSION, "# Decommission ");
    headlines.forEach((phase, headline) -> {
      Launched.Result child = avesa("report", RunIds.phaseChild(id, phase), "--markdown");
      assertThat(child.exitCode()).as(child.toString()).isZero();
      assertThat(child.stdout()).as(phase).startsWith(headline).contains("- Run: `" + RunIds.phaseChild(id, phase) + "`")
          .contains("## Problems");
    });
    assertThat(avesa("report", RunIds.phaseChild(id, Phases.VALIDATE), "--markdown").stdout())
        .contains("— FAILED", DEPARTED);
    assertThat(avesa("report", RunIds.phaseChild(id, Phases.DECOMMISSION), "--markdown").stdout())
        .contains("— SUCCEEDED", ARCHIVE, "| decommission | bob | APPROVED |");

    // the worker ran the whole runbook: one scrape stays small, every series is labelled sensibly
    TemporalStack.Scrape scrape = stack.scrapeMetrics();
    Files.writeString(Path.of("target", "metrics-after-isolate.txt"), scrape.text()); // kept for a look when it grows
    System.out.printf("metrics after a full isolate run: %d bytes, %d lines (%d bytes gzipped)%n",
        scrape.textBytes(), scrape.text().lines().count(), scrape.wireBytes());
    assertThat(scrape.textBytes()).as("bytes of one /metrics scrape").isLessThan(200 * 1024);
    assertThat(scrape.wireBytes()).as("gzip on the wire").isLessThan(scrape.textBytes());
    assertThat(scrape.text()).contains("avesa_objects_copied_total{config=\"avesa-demo\"}")
        .contains("avesa_cutover_phase{config=\"avesa-demo\"");
    assertThat(scrape.text().lines().filter(line -> line.startsWith("avesa_"))).noneMatch(line -> line.contains("\"none\""));
  }

  @Test
  void accountSetupAndInfraVerifyChangeNothingTheSecondTime() throws IOException {
    Path config = config();
    for (String[] phase : List.of(new String[] {"account", "setup"}, new String[] {"infra", "verify"})) {
      Launched.Result first = avesa(phase[0], phase[1], "-c", config.toString(), "--wait", "--json",
          "--id", "first-" + phase[0]);
      assertThat(first.exitCode()).as(first.toString()).isZero();
      assertThat(JSON.readTree(first.stdout()).path("changed")).as(first.stdout()).isNotEmpty();

      Launched.Result second = avesa(phase[0], phase[1], "-c", config.toString(), "--wait", "--id", "second-" + phase[0]);

      assertThat(second.exitCode()).as(second.toString()).isZero();
      assertThat(second.stdout()).contains("CHANGED (0)").contains("already in place");
      Launched.Result json = avesa("result", "second-" + phase[0], "--json");
      JsonNode report = JSON.readTree(json.stdout());
      assertThat(report.path("changed")).as(json.stdout()).isEmpty();
      assertThat(report.path("unchanged").size()).isGreaterThanOrEqualTo(JSON.readTree(first.stdout()).path("changed").size());
    }
  }

  @Test
  void accountSetupCreatesTheAccountOnceAndFindsItTheSecondTime() throws IOException {
    clients.organizations(estate, Side.SOURCE).createOrganization(b -> b.featureSet("ALL"));
    String target = "target: { accountId: \"" + DemoEstate.TARGET_ACCOUNT + "\", roleArn: " + DemoEstate.ROLE_ARN
        + ", externalId: " + DemoEstate.EXTERNAL_ID + " }";
    String yaml = DemoEstate.configYaml(MOTO.endpoint(), MotoExtension.REGION);
    assertThat(yaml).contains(target);
    Path config = Files.writeString(dir.resolve("create.yaml"), yaml.replace(target,
        "target: { externalId: " + DemoEstate.EXTERNAL_ID + " }")
        + "account: { create: { email: aws-prod@avesa.example.com, name: avesa-production } }\n");

    Launched.Result first = avesa("account", "setup", "-c", config.toString(), "--wait", "--json", "--id", "create-1");

    assertThat(first.exitCode()).as(first.toString()).isZero();
    JsonNode created = JSON.readTree(first.stdout());
    String accountId = created.path("accountId").asText();
    assertThat(accountId).matches("\\d{12}").isNotIn(DemoEstate.SOURCE_ACCOUNT, DemoEstate.TARGET_ACCOUNT);
    assertThat(created.path("accountCreated").asBoolean()).isTrue();
    assertThat(created.path("roleArn").asText()).isEqualTo("arn:aws:iam::" + accountId + ":role/" + DemoEstate.ROLE_NAME);
    assertThat(list(created.path("changed"))).extracting(i -> i.path("item").asText())
        .anyMatch(i -> i.contains(accountId)).anyMatch(i -> i.contains(DemoEstate.ROLE_NAME));

    Launched.Result second = avesa("account", "setup", "-c", config.toString(), "--wait", "--json", "--id", "create-2");

    assertThat(second.exitCode()).as(second.toString()).isZero();
    JsonNode found = JSON.readTree(second.stdout());
    assertThat(found.path("accountId").asText()).isEqualTo(accountId);
    assertThat(found.path("changed")).as(second.stdout()).isEmpty();
    assertThat(list(found.path("unchanged"))).extracting(i -> i.path("item").asText())
        .anyMatch(i -> i.contains(accountId));
    Launched.Result elsewhere = avesa("infra", "verify", "-c", config.toString());
    assertThat(elsewhere.exitCode()).as(elsewhere.toString()).isEqualTo(2);
    assertThat(elsewhere.stderr()).contains("target.accountId: required here");
  }

  private void approve(String id, String gate, String approver, String reason) {
    Launched.Result approval = avesa("approve", id, "--gate", gate, "--reason", reason, "--identity", approver,
        "--wait-gate", WAIT_GATE);
    assertThat(approval.exitCode()).as(approval.toString()).isZero();
  }

  /** The demo config with every runbook section, a short cutover and a 20-second retention. */
  private Path config() throws IOException {
    CutoverConfig demo = DemoEstate.cutoverConfig(MOTO.endpoint(), MotoExtension.REGION);
    CutoverConfig quick = new CutoverConfig(Duration.ofMinutes(10), Duration.ofSeconds(10), Duration.ofSeconds(3),
        Duration.ofMinutes(2), demo.sourceRules(), demo.targetRules(), demo.dns(), demo.smokeTests(), demo.alarms(),
        demo.notifyTopicArn());
    String runbook = String.join("\n",
        "account: { adminRoleArn: \"arn:aws:iam::" + DemoEstate.TARGET_ACCOUNT + ":role/OrganizationAccountAccessRole\" }",
        "role: { name: " + DemoEstate.ROLE_NAME + ", policies: least-privilege }",
        "security: { billingThreshold: 250, alertEmails: [ops@avesa.example.com], trailBucket: " + TRAIL_BUCKET + " }",
        "infrastructure:",
        "  stacks: [" + STACK + "]",
        "  functions: [" + DemoCutover.FUNCTION + "]",
        "  rules: [" + String.join(", ", DemoCutover.RULES) + "]",
        "validation: { knownPrefixes: [exports/] }",
        "decommission:",
        "  archiveBucket: " + ARCHIVE,
        "  storageClass: GLACIER",
        "  retention: PT20S",
        "  remove: { rules: [" + String.join(", ", DemoCutover.RULES) + "], functions: [],"
            + " tables: [TenantServices-prod, LastUpdated-prod], bucketObjects: true }",
        "");
    return Files.writeString(dir.resolve("avesa.yaml"),
        DemoEstate.configYaml(MOTO.endpoint(), MotoExtension.REGION, quick, DemoCutover.APPROVALS) + runbook);
  }

  private static Launched.Result avesa(String... args) {
    return Launched.run(stack.cliEnv(), CLI, args);
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }
}
