package com.avesa.cutover.activities.cutover;

import com.avesa.cutover.activities.testing.Failed;
import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.activities.testing.TestEstates;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.cutover.DnsChange;
import com.avesa.cutover.workflows.cutover.DnsChangeRequest;
import com.avesa.cutover.workflows.cutover.DnsRecordSet;
import com.avesa.cutover.workflows.cutover.DnsRequest;
import com.avesa.cutover.workflows.estate.Side;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;

class CutoverDnsTest extends CutoverTestBase {
  static final String API = "api.example.com";

  private String zone;

  @BeforeEach
  void setUp() {
    zone = createZone(Side.SOURCE);
  }

  @Test
  void readsAMissingRecordAsAbsentEvenWithNeighboursAroundIt() {
    put(Side.SOURCE, "a.example.com", "CNAME", 60, "elsewhere.example.com");
    put(Side.SOURCE, API, "TXT", 60, "\"not a cname\"");
    put(Side.SOURCE, "www.example.com", "CNAME", 60, "api-shared.example.com");

    DnsRecordSet read = read(Side.SOURCE, API, "CNAME");

    assertThat(read).isEqualTo(DnsRecordSet.absent(API, "CNAME"));
  }

  @Test
  void upsertWritesExactlyTheDesiredTtlAndValue() {
    write(DnsRecordSet.simple(API, "CNAME", 60, "api-prod.example.com"));

    DnsRecordSet read = read(Side.SOURCE, API, "CNAME");

    assertThat(read.exists()).isTrue();
    assertThat(read.ttl()).isEqualTo(60L);
    assertThat(read.values()).containsExactly("api-prod.example.com");
    assertThat(read.aliasDnsName()).isNull();
  }

  @Test
  void restoringThePreviousRecordPutsBackItsValueAndTtl() {
    put(Side.SOURCE, API, "CNAME", 300, "api-shared.example.com");
    DnsRecordSet previous = read(Side.SOURCE, API, "CNAME");
    write(DnsRecordSet.simple(API, "CNAME", 60, "api-prod.example.com"));
    assertThat(read(Side.SOURCE, API, "CNAME").values()).containsExactly("api-prod.example.com");

    write(previous);

    DnsRecordSet restored = read(Side.SOURCE, API, "CNAME");
    assertThat(restored).isEqualTo(previous);
    assertThat(restored.ttl()).isEqualTo(300L);
    assertThat(restored.values()).containsExactly("api-shared.example.com");
  }

  @Test
  void restoringAnAbsentRecordDeletesTheOneWrittenAndIsIdempotent() {
    DnsRecordSet previous = read(Side.SOURCE, API, "CNAME");
    write(DnsRecordSet.simple(API, "CNAME", 60, "api-prod.example.com"));

    write(previous);
    write(previous);

    assertThat(previous.exists()).isFalse();
    assertThat(read(Side.SOURCE, API, "CNAME").exists()).isFalse();
    assertThat(route53(Side.SOURCE).listResourceRecordSets(b -> b.hostedZoneId(zone)).resourceRecordSets())
        .extracting(set -> set.name()).doesNotContain(API + ".");
  }

  @Test
  void matchesTheNameWhateverItsCaseAndTrailingDot() {
    put(Side.SOURCE, API, "CNAME", 300, "api-shared.example.com");

    assertThat(read(Side.SOURCE, "API.Example.COM.", "cname").values()).containsExactly("api-shared.example.com");
  }

  @Test
  void anAliasRecordIsReadAndRestoredWithItsTarget() {
    DnsRecordSet alias = new DnsRecordSet(true, "app.example.com.", "A", null, List.of(), "Z2FDTNDATAQYW2",
        "d111111abcdef8.cloudfront.net.", false);
    write(alias);
    write(DnsRecordSet.simple("app.example.com", "A", 60, "10.0.0.1"));

    write(alias);

    DnsRecordSet read = read(Side.SOURCE, "app.example.com", "A");
    assertThat(read.aliasDnsName()).isEqualTo("d111111abcdef8.cloudfront.net.");
    assertThat(read.aliasZoneId()).isEqualTo("Z2FDTNDATAQYW2");
    assertThat(read.values()).isEmpty();
    assertThat(read.ttl()).isNull();
  }

  @Test
  void loweringTheTtlKeepsTheValueAndRestoringPutsTheOldTtlBack() {
    put(Side.SOURCE, API, "CNAME", 300, "api-shared.example.com");
    DnsRecordSet previous = read(Side.SOURCE, API, "CNAME");

    write(new DnsRecordSet(true, previous.name(), "CNAME", 30L, previous.values(), null, null, null));

    DnsRecordSet lowered = read(Side.SOURCE, API, "CNAME");
    assertThat(lowered.ttl()).isEqualTo(30L);
    assertThat(lowered.values()).containsExactly("api-shared.example.com");
    write(previous);
    assertThat(read(Side.SOURCE, API, "CNAME")).isEqualTo(previous);
  }

  @Test
  void aPlainRecordSwitchedToAnAliasIsRestoredExactlyAsThePlainRecord() {
    route53(Side.SOURCE).changeResourceRecordSets(b -> b.hostedZoneId(zone).changeBatch(c -> c.changes(ch -> ch
        .action(ChangeAction.CREATE).resourceRecordSet(r -> r.name("app.example.com").type("A").ttl(300L)
            .resourceRecords(v -> v.value("10.0.0.1"), v -> v.value("10.0.0.2"))))));
    DnsRecordSet previous = read(Side.SOURCE, "app.example.com", "A");
    DnsRecordSet alias = new DnsRecordSet(true, "app.example.com", "A", null, List.of(), "Z35SXDOTRQ7X7K",
        "dualstack.avesa-alb-123.us-east-1.elb.amazonaws.com.", true);

    write(alias);
    DnsRecordSet switched = read(Side.SOURCE, "app.example.com", "A");
    write(previous);

    assertThat(switched.aliasDnsName()).isEqualTo("dualstack.avesa-alb-123.us-east-1.elb.amazonaws.com.");
    assertThat(switched.aliasEvaluateTargetHealth()).isTrue();
    assertThat(switched.values()).isEmpty();
    DnsRecordSet restored = read(Side.SOURCE, "app.example.com", "A");
    assertThat(restored).isEqualTo(previous);
    assertThat(restored.ttl()).isEqualTo(300L);
    assertThat(restored.values()).containsExactlyInAnyOrder("10.0.0.1", "10.0.0.2");
    assertThat(restored.aliasDnsName()).isNull();
  }

  @Test
  void anAliasThatDidNotExistBeforeIsDeletedByTheRestore() {
    DnsRecordSet previous = read(Side.SOURCE, "app.example.com", "A");
    write(new DnsRecordSet(true, "app.example.com", "A", null, List.of(), "Z35SXDOTRQ7X7K",
        "avesa-alb-123.us-east-1.elb.amazonaws.com.", false));

    String deleted = activities.writeDnsRecord(new DnsChange(estate, Side.SOURCE, zone, previous));
    String nothing = activities.writeDnsRecord(new DnsChange(estate, Side.SOURCE, zone, previous));

    assertThat(read(Side.SOURCE, "app.example.com", "A").exists()).isFalse();
    assertThat(deleted).isNotBlank();
    assertThat(nothing).isNull();
  }

  @Test
  void aWriteReturnsItsChangeIdWhoseStatusRoute53Reports() {
    String changeId = activities.writeDnsRecord(new DnsChange(estate, Side.SOURCE, zone,
        DnsRecordSet.simple(API, "CNAME", 60, "api-prod.example.com"), DnsChange.SWITCH));

    assertThat(changeId).isNotBlank().doesNotStartWith("/change/");
    assertThat(activities.dnsChangeStatus(new DnsChangeRequest(estate, Side.SOURCE, changeId))).isEqualTo("INSYNC");
    assertThat(activities.dnsChangeStatus(new DnsChangeRequest(estate, Side.SOURCE, "/change/" + changeId)))
        .isEqualTo("INSYNC");
  }

  @Test
  void writesTheZoneOfTheSideItIsToldAndOnlyThatOne() {
    String targetZone = createZone(Side.TARGET);

    activities.writeDnsRecord(new DnsChange(estate, Side.TARGET, targetZone,
        DnsRecordSet.simple(API, "CNAME", 60, "api-prod.example.com")));

    assertThat(read(Side.TARGET, targetZone, API, "CNAME").values()).containsExactly("api-prod.example.com");
    assertThat(read(Side.SOURCE, API, "CNAME").exists()).isFalse();
    String message = Failed.nonRetryably(FailureType.NOT_FOUND, () -> read(Side.SOURCE, targetZone, API, "CNAME"));
    assertThat(message).contains("hosted zone " + targetZone).contains("source account " + TestEstates.SOURCE_ACCOUNT);
  }

  @Test
  void aMissingHostedZoneFailsNonRetryably() {
    Failed.nonRetryably(FailureType.NOT_FOUND, () -> activities.writeDnsRecord(
        new DnsChange(estate, Side.SOURCE, "ZNOSUCHZONE", DnsRecordSet.simple(API, "CNAME", 60, "x.example.com"))));
  }

  private String createZone(Side side) {
    return route53(side).createHostedZone(b -> b.name("example.com").callerReference(side + "-" + System.nanoTime()))
        .hostedZone().id();
  }

  private void put(Side side, String name, String type, long ttl, String value) {
    route53(side).changeResourceRecordSets(b -> b.hostedZoneId(zone).changeBatch(c -> c.changes(ch -> ch
        .action(ChangeAction.CREATE)
        .resourceRecordSet(r -> r.name(name).type(type).ttl(ttl).resourceRecords(v -> v.value(value))))));
  }

  private void write(DnsRecordSet desired) {
    activities.writeDnsRecord(new DnsChange(estate, Side.SOURCE, zone, desired));
  }

  private DnsRecordSet read(Side side, String name, String type) {
    return read(side, zone, name, type);
  }

  private DnsRecordSet read(Side side, String zoneId, String name, String type) {
    return activities.readDnsRecord(new DnsRequest(estate, side, zoneId, name, type));
  }

  private Route53Client route53(Side side) {
    return clients.route53(estate, side);
  }
}
