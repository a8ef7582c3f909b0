package com.avesa.cutover.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.activities.demo.DemoCutover;
import com.avesa.cutover.workflows.config.DnsAlias;
import com.avesa.cutover.workflows.config.DnsConfig;
import com.avesa.cutover.workflows.cutover.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * The DNS switch as Route53 (moto) sees it, watched from outside while the processes run the
 * cutover: the TTL lowered before the switch, the switch only after the old TTL ran out, and an
 * alias switch undone by {@code avesa rollback --after} to the plain record it replaced.
 */
class DnsEndToEndTest extends CutoverEstateTest {
  private static final Duration WINDOW = Duration.ofMinutes(10);
  private static final Duration MONITOR_FOR = Duration.ofSeconds(6);
  private static final Duration CHECK_EVERY = Duration.ofSeconds(3);
  private static final Duration ROLLBACK_BUDGET = Duration.ofMinutes(2);
  /** The seeded record's TTL (the demo's): resolvers may hold the old value that long. */
  private static final long OLD_TTL = DemoCutover.RECORD_TTL;
  private static final long NEW_TTL = 5;

  /** One look at the record: when, and what it held. */
  private record Seen(Instant at, EstateOracle.DnsRecord record) {}

  @Test
  void theTtlIsLoweredBeforeTheSwitchAndTheSwitchComesAfterTheOldTtlRanOut() throws Exception {
    assertThat(dnsRecord()).isEqualTo(new EstateOracle.DnsRecord("CNAME", OLD_TTL, List.of(DemoCutover.SHARED_VALUE)));
    Path config = config(WINDOW, MONITOR_FOR, CHECK_EVERY, ROLLBACK_BUDGET, DemoCutover.APPROVALS,
        new DnsConfig(zoneId, DemoCutover.RECORD_NAME, "CNAME", DemoCutover.PROD_VALUE, NEW_TTL, null));
    List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor();
    watch.scheduleWithFixedDelay(() -> seen.add(new Seen(Instant.now(), dnsRecord())), 0, 250, TimeUnit.MILLISECONDS);
    JsonNode report;
    try {
      String id = startAndApprove("e2e-dns-ttl", config);
      Launched.Result result = resultOnceEnded(id);
      assertThat(result.exitCode()).as(result.toString()).isZero();
      report = JSON.readTree(result.stdout());
    } finally {
      watch.shutdownNow();
      watch.awaitTermination(5, TimeUnit.SECONDS);
    }

    List<Seen> looks = List.copyOf(seen);
    Seen lowered = looks.stream().filter(s -> s.record().ttl() <= NEW_TTL).findFirst().orElseThrow();
    Seen switched = looks.stream().filter(s -> s.record().values().contains(DemoCutover.PROD_VALUE)).findFirst()
        .orElseThrow();
    assertThat(lowered.record().values()).as("lowered first, same value").containsExactly(DemoCutover.SHARED_VALUE);
    // a look every 250 ms: the lowering may have been seen up to that late
    assertThat(Duration.between(lowered.at(), switched.at()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(OLD_TTL).minusMillis(300));
    assertThat(dnsRecord()).isEqualTo(new EstateOracle.DnsRecord("CNAME", NEW_TTL, List.of(DemoCutover.PROD_VALUE)));
    assertThat(step(report, "lowerDnsTtl")).startsWith("TTL lowered from " + OLD_TTL + " to " + NEW_TTL + " at ");
    assertThat(step(report, "switchDns")).containsPattern("waited \\d+s for the old TTL; ")
        .contains("→ " + DemoCutover.PROD_VALUE + " ttl " + NEW_TTL + ", INSYNC after ");
  }

  @Test
  void anAliasSwitchIsUndoneAfterTheRunToThePlainRecordWithItsTtl() throws Exception {
    String name = "app." + DemoCutover.ZONE_NAME;
    oracle.sourceDns.changeResourceRecordSets(b -> b.hostedZoneId(zoneId).changeBatch(c -> c.changes(ch -> ch
        .action(ChangeAction.UPSERT).resourceRecordSet(r -> r.name(name).type("A").ttl(OLD_TTL)
            .resourceRecords(v -> v.value("192.0.2.10"), v -> v.value("192.0.2.11"))))));
    ResourceRecordSet before = recordSet(name);
    String albZone = "Z35SXDOTRQ7X7K";
    String albName = "dualstack.avesa-prod-1234.us-east-1.elb.amazonaws.com";
    Path config = config(WINDOW, MONITOR_FOR, CHECK_EVERY, ROLLBACK_BUDGET, DemoCutover.APPROVALS,
        new DnsConfig(zoneId, name, "A", null, NEW_TTL, null, null, new DnsAlias(albZone, albName, true)));

    String id = startAndApprove("e2e-dns-alias", config);
    Launched.Result result = resultOnceEnded(id);

    assertThat(result.exitCode()).as(result.toString()).isZero();
    ResourceRecordSet switched = recordSet(name);
    assertThat(switched.aliasTarget()).isNotNull();
    assertThat(switched.aliasTarget().hostedZoneId()).isEqualTo(albZone);
    assertThat(switched.aliasTarget().dnsName()).startsWith(albName);
    assertThat(switched.aliasTarget().evaluateTargetHealth()).isTrue();
    assertThat(switched.resourceRecords()).isEmpty();

    Launched.Result rollback = avesa("rollback", "--after", id, "--reason", "ALB unhealthy", "--identity", "bob",
        "--wait", "--json");

    assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
    List<String> compensations = StreamSupport.stream(JSON.readTree(rollback.stdout()).path("compensations")
        .spliterator(), false).map(c -> c.path("name").asText() + " " + c.path("status").asText()).toList();
    assertThat(compensations).contains("restoreDns DONE", "restoreDnsTtl DONE");
    ResourceRecordSet restored = recordSet(name);
    assertThat(restored.aliasTarget()).isNull();
    assertThat(restored.ttl()).isEqualTo(OLD_TTL);
    assertThat(restored.resourceRecords()).extracting(ResourceRecord::value)
        .containsExactlyInAnyOrder("192.0.2.10", "192.0.2.11");
    assertThat(restored).isEqualTo(before);
  }

  /** {@code avesa result --json} once the run has ended (read in-process first: the CLI's 3 s connect check on a loaded machine). */
  private static Launched.Result resultOnceEnded(String id) {
    Awaitility.await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1))
        .until(() -> stack.cutoverProgress(id), p -> p != null && p.outcome() != Outcome.RUNNING);
    return avesa("result", id, "--json");
  }

  private ResourceRecordSet recordSet(String name) {
    return oracle.sourceDns.listResourceRecordSetsPaginator(r -> r.hostedZoneId(zoneId)).resourceRecordSets().stream()
        .filter(set -> set.name().equals(name + ".") && set.typeAsString().equals("A")).findFirst().orElseThrow();
  }

  private static String step(JsonNode report, String name) {
    return StreamSupport.stream(report.path("steps").spliterator(), false)
        .filter(s -> s.path("name").asText().equals(name)).findFirst().orElseThrow().path("detail").asText();
  }
}
