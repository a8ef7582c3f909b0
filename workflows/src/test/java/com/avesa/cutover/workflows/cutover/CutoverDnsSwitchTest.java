package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.config.CutoverConfig;
import com.avesa.cutover.workflows.config.DnsAlias;
import com.avesa.cutover.workflows.config.DnsConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.gate.Approval;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

/**
 * The DNS switch of {@code dns-ttl-insync} on the test server's skipped time: the TTL lowered when
 * the gate opens (or {@code ttlLead} before the window), the switch after the old TTL ran out, the
 * wait for INSYNC, an alias target, and a rollback that puts the record back exactly.
 */
@Timeout(90)
class CutoverDnsSwitchTest {
  /** The record before the run: TTL 300, as resolvers hold it. */
  static final DnsRecordSet OLD = DnsRecordSet.simple("api.example.com", "CNAME", 300, "api-shared.example.com");

  @RegisterExtension
  final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(CutoverWorkflowImpl.class, ScriptedMigration.class)
      .setDoNotStart(true)
      .build();

  private final CutoverFixtures fx = new CutoverFixtures();
  /** Every record write with the (skipped) time it was made. */
  private final List<Write> writes = Collections.synchronizedList(new ArrayList<>());

  private record Write(DnsChange change, Instant at) {}

  private CutoverWorkflow start(TestWorkflowEnvironment env, Worker worker, MigrationConfig config) {
    doAnswer(i -> {
      fx.journal.add("read dns");
      return OLD;
    }).when(fx.cutover).readDnsRecord(any());
    doAnswer(i -> {
      DnsChange c = i.getArgument(0);
      writes.add(new Write(c, Instant.ofEpochMilli(env.currentTimeMillis())));
      fx.journal.add("dns " + c.purpose() + " " + CutoverUndo.describe(c.desired()));
      return "C" + writes.size();
    }).when(fx.cutover).writeDnsRecord(any());
    worker.registerActivitiesImplementations(fx.activities());
    env.start();
    CutoverWorkflow workflow = env.getWorkflowClient().newWorkflowStub(CutoverWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).setWorkflowId("dns-test").build());
    WorkflowClient.start(workflow::cutover, new CutoverInput(config, "carol"));
    await().atMost(Duration.ofSeconds(20)).until(() -> workflow.progress() != null
        && Gates.CUTOVER.equals(workflow.progress().pendingGate()));
    return workflow;
  }

  private static MigrationConfig config(DnsConfig dns) {
    CutoverConfig base = CutoverFixtures.cutoverConfig();
    return CutoverFixtures.config(new CutoverConfig(base.window(), base.monitorFor(), base.checkEvery(),
        base.rollbackBudget(), base.sourceRules(), base.targetRules(), dns, base.smokeTests(), base.alarms(),
        base.notifyTopicArn()), ApprovalsConfig.defaults());
  }

  private static DnsConfig plain(Duration ttlLead) {
    return new DnsConfig("Z123", "api.example.com", "CNAME", "api-prod.example.com", 60, null, ttlLead, null);
  }

  private static CutoverReport result(CutoverWorkflow workflow) {
    return WorkflowStub.fromTyped(workflow).getResult(CutoverReport.class);
  }

  private static StepRecord step(CutoverReport report, String name) {
    return report.steps().stream().filter(s -> s.name().wireName().equals(name)).findFirst().orElseThrow();
  }

  private Write write(String purpose) {
    synchronized (writes) {
      return writes.stream().filter(w -> purpose.equals(w.change().purpose())).findFirst().orElseThrow();
    }
  }

  @Test
  void theTtlIsLoweredWhenTheGateOpensAndTheSwitchComesOnlyAfterTheOldTtlRanOut(TestWorkflowEnvironment env,
      Worker worker) {
    CutoverWorkflow workflow = start(env, worker, config(plain(null)));
    workflow.approveGate(new Approval(Gates.CUTOVER, "alice", "CAB-1", "now"));

    CutoverReport report = result(workflow);

    assertThat(report.outcome()).isEqualTo(Outcome.CUT_OVER);
    assertThat(fx.journal.subList(0, 5)).containsExactly("preflight", "notify avesa avesa-test: awaiting approval",
        "read dns", "dns lowerTtl api-shared.example.com ttl 60", "describe sync avesa-test-final-sync");
    assertThat(fx.journal).containsSubsequence("sync SYNC", "dns switch api-prod.example.com ttl 60",
        "enable TARGET " + CutoverFixtures.TARGET_RULES);
    assertThat(fx.journal.stream().filter("read dns"::equals)).as("the switch keeps the record read before").hasSize(1);
    Write lowered = write(DnsChange.LOWER_TTL);
    Write switched = write(DnsChange.SWITCH);
    assertThat(lowered.change().desired()).isEqualTo(
        DnsRecordSet.simple("api.example.com", "CNAME", 60, "api-shared.example.com"));
    assertThat(Duration.between(lowered.at(), switched.at())).isGreaterThanOrEqualTo(Duration.ofSeconds(300));
    assertThat(step(report, "lowerDnsTtl").detail()).startsWith("TTL lowered from 300 to 60 at ");
    assertThat(step(report, "switchDns").detail()).matches("TTL lowered from 300 to 60 at \\S+, waited [1-9]\\d*s "
        + "for the old TTL; api.example.com CNAME → api-prod.example.com ttl 60, INSYNC after 0s "
        + "\\(was api-shared.example.com ttl 300\\)");
    assertThat(report.changes().previousDns()).isEqualTo(OLD);
    assertThat(report.changes().loweredDns().ttl()).isEqualTo(60L);
    assertThat(report.compensations()).extracting(CompensationRecord::name).containsExactly("restoreDnsTtl",
        "resumeScheduledSync", "enableSourceIngestion", "reverseSync", "restoreDns", "disableTargetIngestion");
  }

  @Test
  void aTtlLeadLowersTheTtlThatLongBeforeTheWindowAndTheSwitchThenWaitsForNothing(TestWorkflowEnvironment env,
      Worker worker) {
    CutoverWorkflow workflow = start(env, worker, config(plain(Duration.ofMinutes(30))));
    Instant windowStart = Instant.ofEpochMilli(env.currentTimeMillis()).plus(Duration.ofHours(3));
    workflow.approveGate(new Approval(Gates.CUTOVER, "alice", "CAB-1", windowStart.toString()));

    CutoverReport report = result(workflow);

    assertThat(report.outcome()).isEqualTo(Outcome.CUT_OVER);
    Write lowered = write(DnsChange.LOWER_TTL);
    assertThat(lowered.at()).isBetween(windowStart.minus(Duration.ofMinutes(30)),
        windowStart.minus(Duration.ofMinutes(29)));
    assertThat(write(DnsChange.SWITCH).at()).isAfter(windowStart);
    assertThat(step(report, "switchDns").detail()).contains(", waited 0s for the old TTL; ");
  }

  @Test
  void theSwitchWaitsUntilRoute53ReportsItsChangeInsync(TestWorkflowEnvironment env, Worker worker) {
    AtomicInteger polls = new AtomicInteger();
    doAnswer(i -> {
      DnsChangeRequest r = i.getArgument(0);
      boolean isSwitch = r.changeId().equals("C2");
      String status = isSwitch && polls.incrementAndGet() < 4 ? "PENDING" : DnsSwitch.INSYNC;
      fx.journal.add("status " + r.changeId() + " " + status);
      return status;
    }).when(fx.cutover).dnsChangeStatus(any());
    CutoverWorkflow workflow = start(env, worker, config(plain(null)));
    workflow.approveGate(new Approval(Gates.CUTOVER, "alice", "CAB-1", "now"));

    CutoverReport report = result(workflow);

    assertThat(report.outcome()).isEqualTo(Outcome.CUT_OVER);
    assertThat(fx.journal).containsSubsequence("dns lowerTtl api-shared.example.com ttl 60", "status C1 INSYNC",
        "dns switch api-prod.example.com ttl 60", "status C2 PENDING", "status C2 PENDING", "status C2 PENDING",
        "status C2 INSYNC", "describe TARGET", "enable TARGET " + CutoverFixtures.TARGET_RULES);
    // polled 2 s, 4 s and 8 s apart
    assertThat(step(report, "switchDns").detail()).containsPattern("INSYNC after 1[45]s");
  }

  @Test
  void aChangeStillPendingAtTheBoundRollsBackAndPutsTheRecordBackExactly(TestWorkflowEnvironment env, Worker worker) {
    doAnswer(i -> {
      DnsChangeRequest r = i.getArgument(0);
      return r.changeId().equals("C2") ? "PENDING" : DnsSwitch.INSYNC;
    }).when(fx.cutover).dnsChangeStatus(any());
    CutoverWorkflow workflow = start(env, worker, config(plain(null)));
    workflow.approveGate(new Approval(Gates.CUTOVER, "alice", "CAB-1", "now"));

    CutoverReport report = result(workflow);

    assertThat(report.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(report.reason()).matches("Route53 change C2 \\(the switch of api.example.com\\) still PENDING after "
        + "(6\\d\\d)s");
    assertThat(fx.journal).doesNotContain("enable TARGET " + CutoverFixtures.TARGET_RULES);
    assertThat(writes).extracting(w -> w.change().purpose()).containsExactly(DnsChange.LOWER_TTL, DnsChange.SWITCH,
        DnsChange.RESTORE, DnsChange.RESTORE_TTL);
    assertThat(writes.subList(2, 4)).allSatisfy(w -> assertThat(w.change().desired()).isEqualTo(OLD));
  }

  @Test
  void anAliasSwitchRolledBackPutsThePlainRecordBackWithItsTtl(TestWorkflowEnvironment env, Worker worker) {
    doAnswer(i -> new SmokeTestResult("avesa-connectwise-ingestion-prod", 200, "Unhandled", "{}"))
        .when(fx.cutover).invokeFunction(any());
    DnsConfig alias = new DnsConfig("Z123", "api.example.com", "A", null, 60, null, null,
        new DnsAlias("Z35SXDOTRQ7X7K", "avesa-alb-1.us-east-1.elb.amazonaws.com", true));
    DnsRecordSet old = DnsRecordSet.simple("api.example.com", "A", 300, "10.0.0.1");
    CutoverWorkflow workflow = start(env, worker, config(alias));
    doAnswer(i -> old).when(fx.cutover).readDnsRecord(any());
    workflow.approveGate(new Approval(Gates.CUTOVER, "alice", "CAB-1", "now"));

    CutoverReport report = result(workflow);

    assertThat(report.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(writes).extracting(w -> w.change().desired()).containsExactly(
        DnsRecordSet.simple("api.example.com", "A", 60, "10.0.0.1"),
        new DnsRecordSet(true, "api.example.com", "A", null, List.of(), "Z35SXDOTRQ7X7K",
            "avesa-alb-1.us-east-1.elb.amazonaws.com", true),
        old, old);
    assertThat(step(report, "switchDns").detail())
        .contains("api.example.com A → alias avesa-alb-1.us-east-1.elb.amazonaws.com (zone Z35SXDOTRQ7X7K)");
    assertThat(report.compensations()).extracting(c -> c.name() + " " + c.status()).contains("restoreDns DONE",
        "restoreDnsTtl DONE");
  }

  @Test
  void aRollbackRequestedWhileTheOldTtlRunsOutNeverSwitches(TestWorkflowEnvironment env, Worker worker) {
    CutoverWorkflow workflow = start(env, worker, config(plain(null)));
    workflow.approveGate(new Approval(Gates.CUTOVER, "alice", "CAB-1", "now"));
    // the switch waits 300 s from the lowering: ask for the rollback 100 s into it
    env.registerDelayedCallback(Duration.ofSeconds(100),
        () -> workflow.rollback(new RollbackRequest("bob", "customer escalation")));

    CutoverReport report = result(workflow);

    assertThat(report.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(report.reason()).isEqualTo("rollback requested by bob: customer escalation");
    assertThat(step(report, "switchDns").status()).isEqualTo(StepRecord.Status.FAILED);
    assertThat(fx.journal).contains("sync SYNC");
    assertThat(writes).extracting(w -> w.change().purpose()).containsExactly(DnsChange.LOWER_TTL,
        DnsChange.RESTORE_TTL);
    assertThat(write(DnsChange.RESTORE_TTL).change().desired()).isEqualTo(OLD);
  }
}
