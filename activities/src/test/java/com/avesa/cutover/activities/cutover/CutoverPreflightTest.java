package com.avesa.cutover.activities.cutover;

import com.avesa.cutover.activities.aws.AwsClients;
import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.activities.demo.DemoEstate;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.activities.testing.TestEstates;
import com.avesa.cutover.workflows.config.AlarmSelector;
import com.avesa.cutover.workflows.config.CutoverConfig;
import com.avesa.cutover.workflows.config.DnsConfig;
import com.avesa.cutover.workflows.config.SmokeTest;
import com.avesa.cutover.workflows.cutover.CutoverPreflight;
import com.avesa.cutover.workflows.cutover.CutoverPreflightRequest;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

class CutoverPreflightTest extends CutoverTestBase {
  static final String SOURCE = TestEstates.SOURCE_ACCOUNT;
  static final String TARGET = TestEstates.TARGET_ACCOUNT;

  @Test
  void theSeededDemoEstatePassesAndItsZoneIsFoundInTheSource() {
    DemoEstate.seed(MOTO.endpoint(), MotoExtension.REGION, 1);
    CutoverConfig cutover = DemoEstate.cutoverConfig(MOTO.endpoint(), MotoExtension.REGION);

    CutoverPreflight preflight = activities.checkCutover(
        new CutoverPreflightRequest(DemoEstate.estate(MOTO.endpoint(), MotoExtension.REGION), cutover));

    assertThat(preflight.problems()).isEmpty();
    assertThat(preflight.dnsSide()).isEqualTo(Side.SOURCE);
  }

  @Test
  void listsEveryMissingThingAndTheWrongAccountInOneResult() {
    Estate claimsOtherTarget = TestEstates.withTargetAccountId(MOTO.endpoint(), "111122223333");
    String topic = "arn:aws:sns:" + MotoExtension.REGION + ":" + SOURCE + ":ops-alerts";
    CutoverConfig cutover = config(List.of("ConnectWiseIngestionSchedule"), List.of("CanonicalTransformTicketsSchedule"),
        new DnsConfig("ZMISSINGZONE", "api.example.com", "CNAME", "api-prod.example.com", 60, null),
        List.of("avesa-connectwise-ingestion-prod"),
        new AlarmSelector(List.of("LambdaErrorAlarm-avesa-connectwise-ingestion-prod"), "LambdaErrorAlarm-"), topic);

    CutoverPreflight preflight = activities.checkCutover(new CutoverPreflightRequest(claimsOtherTarget, cutover));

    assertThat(preflight.dnsSide()).isNull();
    assertThat(preflight.problems()).containsExactly(
        "target account mismatch: the config says target.accountId 111122223333 but the credentials act as " + TARGET
            + " (arn:aws:sts::" + TARGET + ":assumed-role/AVESADeploymentRole/" + AwsClients.SESSION_NAME + ")",
        "source rule ConnectWiseIngestionSchedule not found in account " + SOURCE
            + " (default event bus): create it or remove it from cutover.sourceRules",
        "target rule CanonicalTransformTicketsSchedule not found in account " + TARGET
            + " (default event bus): deploy it or remove it from cutover.targetRules",
        "hosted zone ZMISSINGZONE not found in account " + SOURCE + " (source) nor in account " + TARGET
            + " (target): correct cutover.dns.hostedZoneId",
        "target function avesa-connectwise-ingestion-prod not found in account " + TARGET + " (us-east-1): "
            + "deploy it or remove it from cutover.smokeTests",
        "target alarm LambdaErrorAlarm-avesa-connectwise-ingestion-prod not found in account " + TARGET
            + " (us-east-1): create it or remove it from cutover.alarms.names",
        "no target alarm in account " + TARGET + " (us-east-1) starts with LambdaErrorAlarm-: create them or correct "
            + "cutover.alarms.namePrefix",
        "notify topic " + topic + " not found in account " + SOURCE + " (source): create it or correct cutover.notifyTopicArn");
  }

  @Test
  void findsTheHostedZoneInTheTargetWhenTheSourceHasNone() {
    String zone = createZone(Side.TARGET);

    CutoverPreflight preflight = activities.checkCutover(new CutoverPreflightRequest(estate,
        dnsOnly(new DnsConfig(zone, "api.example.com.", "CNAME", "api-prod.example.com", 60, null))));

    assertThat(preflight.problems()).isEmpty();
    assertThat(preflight.dnsSide()).isEqualTo(Side.TARGET);
  }

  @Test
  void aZoneThatIsNotInTheConfiguredAccountIsAProblemEvenIfTheOtherHasIt() {
    String zone = createZone(Side.SOURCE);

    CutoverPreflight preflight = activities.checkCutover(new CutoverPreflightRequest(estate,
        dnsOnly(new DnsConfig(zone, "api.example.com", "CNAME", "api-prod.example.com", 60, Side.TARGET))));

    assertThat(preflight.dnsSide()).isNull();
    assertThat(preflight.problems()).containsExactly("hosted zone " + zone + " not found in account " + TARGET
        + " (target), where cutover.dns.account says: correct cutover.dns.hostedZoneId or cutover.dns.account");
  }

  @Test
  void aRecordNameOutsideTheZoneIsAProblem() {
    String zone = createZone(Side.SOURCE);

    CutoverPreflight preflight = activities.checkCutover(new CutoverPreflightRequest(estate,
        dnsOnly(new DnsConfig(zone, "api.example.org", "CNAME", "api-prod.example.com", 60, Side.SOURCE))));

    assertThat(preflight.dnsSide()).isEqualTo(Side.SOURCE);
    assertThat(preflight.problems()).containsExactly("DNS name api.example.org is not in hosted zone " + zone
        + " (example.com.): correct cutover.dns.name or cutover.dns.hostedZoneId");
  }

  private String createZone(Side side) {
    return clients.route53(estate, side)
        .createHostedZone(b -> b.name("example.com").callerReference(side + "-" + System.nanoTime())).hostedZone().id();
  }

  private static CutoverConfig dnsOnly(DnsConfig dns) {
    return config(List.of(), List.of(), dns, List.of(), null, null);
  }

  private static CutoverConfig config(List<String> sourceRules, List<String> targetRules, DnsConfig dns,
      List<String> functions, AlarmSelector alarms, String topic) {
    return new CutoverConfig(null, null, null, null, sourceRules, targetRules, dns,
        functions.stream().map(f -> new SmokeTest(f, "{\"test\":true}")).toList(), alarms, topic);
  }
}
