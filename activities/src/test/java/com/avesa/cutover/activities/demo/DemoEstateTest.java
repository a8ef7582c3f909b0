package com.avesa.cutover.activities.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.runtime.config.ConfigLoader;
import com.avesa.cutover.workflows.config.AlarmSelector;
import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.config.CutoverConfig;
import com.avesa.cutover.workflows.config.DnsAlias;
import com.avesa.cutover.workflows.config.DnsConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.config.SmokeTest;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

class DemoEstateTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();

  @Test
  void seedsBothAccountsAndSaysWhatItSeeded() {
    String summary = DemoEstate.seed(MOTO.endpoint(), MotoExtension.REGION, 6);

    int objects = 3 * 6 + DemoEstate.AWKWARD_KEYS.size();
    assertThat(summary).startsWith("seeded 3 tenants: " + objects + " objects").contains("15 items in 2 tables")
        .contains("6 secrets (3 match tenant/*/prod)");
    Estate estate = DemoEstate.estate(MOTO.endpoint(), MotoExtension.REGION);
    try (AwsClients clients = new AwsClients()) {
      assertThat(clients.s3(estate, Side.SOURCE).listObjectsV2(b -> b.bucket(DemoEstate.SOURCE_BUCKET)).keyCount())
          .isEqualTo(objects);
      assertThat(clients.dynamoDb(estate, Side.SOURCE).listTables().tableNames())
          .containsExactlyInAnyOrder("TenantServices-prod", "LastUpdated-prod");
      assertThat(clients.secrets(estate, Side.SOURCE).listSecrets().secretList()).hasSize(6);
      String trust = clients.iam(estate, Side.TARGET).getRole(b -> b.roleName(DemoEstate.ROLE_NAME)).role()
          .assumeRolePolicyDocument();
      assertThat(URLDecoder.decode(trust, StandardCharsets.UTF_8))
          .contains("sts:ExternalId").contains(DemoEstate.EXTERNAL_ID).contains("123456789012");
      assertThat(clients.sts(estate, Side.TARGET).getCallerIdentity().account()).isEqualTo(DemoEstate.TARGET_ACCOUNT);
    }
  }

  @Test
  void seedsWhatTheCutoverSwitchesTestsAndWatches() {
    String summary = DemoEstate.seed(MOTO.endpoint(), MotoExtension.REGION, 1);

    assertThat(summary).contains("cutover: 2 rules per account, zone example.com");
    Estate estate = DemoEstate.estate(MOTO.endpoint(), MotoExtension.REGION);
    try (AwsClients clients = new AwsClients()) {
      assertThat(ruleStates(clients, estate, Side.SOURCE)).containsOnly(RuleState.ENABLED).hasSize(2);
      assertThat(ruleStates(clients, estate, Side.TARGET)).containsOnly(RuleState.DISABLED).hasSize(2);
      assertThat(clients.eventBridge(estate, Side.SOURCE).describeRule(b -> b.name(DemoCutover.RULES.get(0)))
          .scheduleExpression()).isEqualTo("rate(1 hour)");
      String zone = DemoEstate.cutoverConfig(MOTO.endpoint(), MotoExtension.REGION).dns().hostedZoneId();
      ResourceRecordSet record = clients.route53(estate, Side.SOURCE).listResourceRecordSets(b -> b.hostedZoneId(zone))
          .resourceRecordSets().stream().filter(r -> r.name().equals("api.example.com.")).findFirst().orElseThrow();
      assertThat(record.typeAsString()).isEqualTo("CNAME");
      assertThat(record.ttl()).isEqualTo(DemoCutover.RECORD_TTL);
      assertThat(record.resourceRecords()).extracting(r -> r.value()).containsExactly("api-shared.example.com");
      InvokeResponse invoked = clients.lambda(estate, Side.TARGET).invoke(b -> b.functionName(DemoCutover.FUNCTION)
          .payload(SdkBytes.fromUtf8String("{\"test\":true}")));
      assertThat(invoked.functionError()).isNull();
      assertThat(clients.lambda(estate, Side.TARGET).getFunction(b -> b.functionName(DemoCutover.FUNCTION))
          .configuration().functionArn()).contains(DemoEstate.TARGET_ACCOUNT);
      assertThat(clients.cloudWatch(estate, Side.TARGET).describeAlarms(b -> b.alarmNames(DemoCutover.ALARM))
          .metricAlarms()).extracting(a -> a.stateValue()).containsExactly(StateValue.OK);
      String topic = DemoCutover.topicArn(MotoExtension.REGION);
      assertThat(clients.sns(estate, Side.TARGET).getTopicAttributes(b -> b.topicArn(topic)).attributes()).isNotEmpty();
    }
  }

  @Test
  void seedingAgainPutsTheCutoverBackToItsStartWithoutASecondZone() {
    DemoEstate.seed(MOTO.endpoint(), MotoExtension.REGION, 1);
    Estate estate = DemoEstate.estate(MOTO.endpoint(), MotoExtension.REGION);
    try (AwsClients clients = new AwsClients()) {
      clients.eventBridge(estate, Side.SOURCE).disableRule(b -> b.name(DemoCutover.RULES.get(0)));
      clients.eventBridge(estate, Side.TARGET).enableRule(b -> b.name(DemoCutover.RULES.get(0)));

      DemoEstate.seed(MOTO.endpoint(), MotoExtension.REGION, 1);

      assertThat(ruleStates(clients, estate, Side.SOURCE)).containsOnly(RuleState.ENABLED);
      assertThat(ruleStates(clients, estate, Side.TARGET)).containsOnly(RuleState.DISABLED);
      assertThat(clients.route53(estate, Side.SOURCE).listHostedZones().hostedZones()).hasSize(1);
    }
  }

  @Test
  void cutoverConfigNamesWhatTheSeedCreated() {
    DemoEstate.seed(MOTO.endpoint(), MotoExtension.REGION, 1);

    CutoverConfig cutover = DemoEstate.cutoverConfig(MOTO.endpoint(), MotoExtension.REGION);

    Estate estate = DemoEstate.estate(MOTO.endpoint(), MotoExtension.REGION);
    try (AwsClients clients = new AwsClients()) {
      assertThat(clients.route53(estate, Side.SOURCE).getHostedZone(b -> b.id(cutover.dns().hostedZoneId()))
          .hostedZone().name()).isEqualTo("example.com.");
    }
    assertThat(cutover.sourceRules()).containsExactly("ConnectWiseIngestionSchedule", "CanonicalTransformTicketsSchedule");
    assertThat(cutover.targetRules()).isEqualTo(cutover.sourceRules());
    assertThat(cutover.dns().name()).isEqualTo("api.example.com");
    assertThat(cutover.dns().type()).isEqualTo("CNAME");
    assertThat(cutover.dns().value()).isEqualTo("api-prod.example.com");
    assertThat(cutover.dns().account()).isNull();
    assertThat(cutover.smokeTests()).extracting(SmokeTest::function).containsExactly("avesa-connectwise-ingestion-prod");
    assertThat(cutover.alarms().namePrefix()).isEqualTo("LambdaErrorAlarm-");
    assertThat(cutover.notifyTopicArn()).isEqualTo("arn:aws:sns:us-east-1:987654321098:avesa-cutover-alerts");
  }

  @Test
  void cutoverConfigYamlLoadsAsTheSeededCutoverApprovedByAliceOrBob() throws Exception {
    DemoEstate.seed(MOTO.endpoint(), MotoExtension.REGION, 1);

    MigrationConfig config =
        ConfigLoader.parse(DemoEstate.cutoverConfigYaml(MOTO.endpoint(), MotoExtension.REGION), "demo.yaml");

    assertThat(config.cutover()).isEqualTo(DemoEstate.cutoverConfig(MOTO.endpoint(), MotoExtension.REGION));
    assertThat(config.cutover().dns().ttl()).isEqualTo(60);
    assertThat(config.cutover().smokeTests()).extracting(SmokeTest::payload).containsExactly("{\"test\":true}");
    assertThat(config.approvals()).isEqualTo(DemoCutover.APPROVALS);
    assertThat(config.approvals().approvers()).containsExactly("alice", "bob");
    assertThat(config.approvals().fourEyes()).isTrue();
    assertThat(config.data()).isEqualTo(
        ConfigLoader.parse(DemoEstate.configYaml(MOTO.endpoint(), MotoExtension.REGION), "demo.yaml").data());
  }

  @Test
  void configYamlWritesAnyCutoverAndApprovalsSoThatTheyLoadUnchanged() throws Exception {
    CutoverConfig cutover = new CutoverConfig(Duration.ofMinutes(10), Duration.ofSeconds(15), Duration.ofSeconds(3),
        Duration.ofMinutes(2), List.of("A"), List.of(), new DnsConfig("Z9", "api.example.com", "A", "10.0.0.1", 30,
            Side.TARGET), List.of(), new AlarmSelector(List.of("Errors", "Throttles"), null), null);
    ApprovalsConfig approvals = new ApprovalsConfig(List.of(), 2, false, true, Duration.ofHours(1),
        ApprovalsConfig.DECLARED);

    MigrationConfig config = ConfigLoader.parse(
        DemoEstate.configYaml("http://127.0.0.1:5000", "us-east-1", cutover, approvals), "demo.yaml");

    assertThat(config.cutover()).isEqualTo(cutover);
    assertThat(config.approvals()).isEqualTo(approvals);
    CutoverConfig alias = new CutoverConfig(cutover.window(), cutover.monitorFor(), cutover.checkEvery(),
        cutover.rollbackBudget(), List.of("A"), List.of(), new DnsConfig("Z9", "app.example.com", "AAAA", null, 5,
            null, Duration.ofMinutes(90), new DnsAlias("Z35SXDOTRQ7X7K", "dualstack.alb.example.com", true)),
        List.of(), cutover.alarms(), null);
    assertThat(ConfigLoader.parse(DemoEstate.configYaml("http://127.0.0.1:5000", "us-east-1", alias, approvals),
        "demo.yaml").cutover()).isEqualTo(alias);
  }

  @Test
  void cutoverConfigNeedsASeededEmulator() {
    assertThatThrownBy(() -> DemoEstate.cutoverConfig(MOTO.endpoint(), MotoExtension.REGION))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("seed the demo first");
  }

  private static List<RuleState> ruleStates(AwsClients clients, Estate estate, Side side) {
    return DemoCutover.RULES.stream()
        .map(rule -> clients.eventBridge(estate, side).describeRule(b -> b.name(rule)).state()).toList();
  }

  @Test
  void configYamlParsesAndDescribesTheDemoMigration() throws Exception {
    JsonNode config = new ObjectMapper(new YAMLFactory()).readTree(DemoEstate.configYaml("http://127.0.0.1:5000", "us-east-1"));

    assertThat(config.path("name").asText()).isEqualTo("avesa-demo");
    assertThat(config.path("endpoint").asText()).isEqualTo("http://127.0.0.1:5000");
    assertThat(config.path("source").path("accountId").asText()).isEqualTo("123456789012");
    assertThat(config.path("target").path("roleArn").asText()).isEqualTo("arn:aws:iam::987654321098:role/AVESADeploymentRole");
    assertThat(config.path("target").path("externalId").asText()).isEqualTo("avesa-deployment-key");
    assertThat(config.path("data").path("buckets").get(0).path("target").asText()).isEqualTo("data-storage-msp-prod");
    assertThat(config.path("data").path("tables").findValuesAsText("target")).containsExactly("TenantServices", "LastUpdated");
    assertThat(config.path("data").path("secrets").path("include").get(0).asText()).isEqualTo("tenant/*/prod");
  }
}
