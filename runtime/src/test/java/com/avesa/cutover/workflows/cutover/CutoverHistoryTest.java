package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.runtime.codec.AesGcmPayloadCodec;
import com.avesa.cutover.runtime.codec.Keyring;
import com.avesa.cutover.runtime.codec.PayloadEncryption;
import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.gate.Approval;
import com.avesa.cutover.workflows.sync.SyncHold;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DataConverterException;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

/**
 * Reading what a cutover changed from its history alone: the recorded rolled-back history, and
 * runs recorded here (with encrypted payloads) that are terminated at the gate, during
 * monitoring, and with an activity still in flight — then undone by a {@link RollbackWorkflow}
 * started from what was read.
 */
@Timeout(90)
class CutoverHistoryTest {
  private static final DataConverter ENCRYPTED = PayloadEncryption.dataConverter(new AesGcmPayloadCodec(
      Keyring.of("rescue-test:" + Base64.getEncoder().encodeToString(new byte[32]))));
  private static final DataConverter PLAIN = DefaultDataConverter.newDefaultInstance();

  @RegisterExtension
  final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(CutoverWorkflowImpl.class, RollbackWorkflowImpl.class, ScriptedMigration.class)
      .setWorkflowClientOptions(WorkflowClientOptions.newBuilder().setDataConverter(ENCRYPTED).build())
      .setDoNotStart(true)
      .build();

  private final CutoverFixtures fx = new CutoverFixtures();

  private static List<HistoryEvent> recorded(String resource, String workflowId) throws Exception {
    try (InputStream in = CutoverHistoryTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return WorkflowExecutionHistory.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), workflowId)
          .getEvents();
    }
  }

  private CutoverWorkflow startAndApprove(TestWorkflowEnvironment env, Worker worker, MigrationConfig config) {
    worker.registerActivitiesImplementations(fx.activities());
    env.start();
    CutoverWorkflow workflow = env.getWorkflowClient().newWorkflowStub(CutoverWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).setWorkflowId("stuck").build());
    WorkflowClient.start(workflow::cutover, new CutoverInput(config, "carol"));
    await().atMost(Duration.ofSeconds(20)).until(() -> workflow.progress() != null
        && Gates.CUTOVER.equals(workflow.progress().pendingGate()));
    return workflow;
  }

  private static CutoverHistory terminateAndRead(TestWorkflowEnvironment env, DataConverter converter) {
    env.getWorkflowClient().newUntypedWorkflowStub("stuck").terminate("rescue test");
    return CutoverHistory.read("stuck", env.getWorkflowClient().fetchHistory("stuck").getEvents(), converter);
  }

  private CutoverReport rollBack(TestWorkflowEnvironment env, Worker worker, CutoverReport rebuilt) {
    fx.journal.clear();
    RollbackWorkflow rollback = env.getWorkflowClient().newWorkflowStub(RollbackWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).setWorkflowId("stuck-rescue").build());
    return rollback.rollBack(new RollbackInput(rebuilt, "bob", "stuck after a deploy"));
  }

  private static List<String> compensations(CutoverReport report) {
    return report.compensations().stream().map(c -> c.name() + " " + c.undoes() + " " + c.status()).toList();
  }

  @Test
  void theRecordedRolledBackRunShowsEveryChangeAndThatItUndidThemAll() throws Exception {
    CutoverHistory history = CutoverHistory.read("replay-cutover",
        recorded("/histories/cutover-rolled-back.json", "replay-cutover"), PLAIN);

    CutoverReport undo = history.undo("COMPLETED");

    assertThat(history.isCutover()).isTrue();
    assertThat(compensations(undo)).containsExactly(
        "resumeScheduledSync holdScheduledSync DONE",
        "enableSourceIngestion disableSourceIngestion DONE",
        "reverseSync switchDns DONE",
        "restoreDns switchDns DONE",
        "disableTargetIngestion enableTargetIngestion DONE");
    assertThat(history.leftChanges()).isFalse();
    assertThat(history.unconfirmed()).isEmpty();
    CutoverChanges changes = undo.changes();
    assertThat(changes.sourceRulesDisabled()).isEqualTo(CutoverFixtures.SOURCE_RULES);
    assertThat(changes.targetRulesEnabled()).isEqualTo(CutoverFixtures.TARGET_RULES);
    // recorded before dns-ttl-insync, when the fixture's record had TTL 300
    assertThat(changes.previousDns()).isEqualTo(DnsRecordSet.simple("api.example.com", "CNAME", 300, "api-shared.example.com"));
    assertThat(changes.appliedDns()).isEqualTo(DnsRecordSet.simple("api.example.com", "CNAME", 60, "api-prod.example.com"));
    assertThat(changes.loweredDns()).isNull();
    assertThat(changes.dnsSide()).isEqualTo(Side.SOURCE);
    assertThat(changes.hostedZoneId()).isEqualTo("Z123");
    assertThat(changes.syncHold().kind()).isEqualTo(SyncHold.Kind.SCHEDULE);
    assertThat(changes.changesBegan()).isNotNull();
    assertThat(undo.finalSyncId()).isEqualTo("replay-cutover-final-sync");
    assertThat(undo.config()).isEqualTo(CutoverFixtures.config(ApprovalsConfig.defaults()));
    assertThat(undo.requestedBy()).isEqualTo("carol");
  }

  @Test
  void aMigrationHistoryIsNotACutover() throws Exception {
    CutoverHistory history = CutoverHistory.read("replay-copy",
        recorded("/histories/data-migration-copy.json", "replay-copy"), PLAIN);

    assertThat(history.isCutover()).isFalse();
    assertThat(history.workflowType()).isEqualTo("DataMigrationWorkflow");
    assertThatThrownBy(() -> history.undo("COMPLETED")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aRunTerminatedDuringMonitoringIsUndoneLastChangeFirstFromItsEncryptedHistory(TestWorkflowEnvironment env,
      Worker worker) {
    CutoverWorkflow workflow = startAndApprove(env, worker, CutoverFixtures.config(ApprovalsConfig.defaults()));
    workflow.approveGate(new Approval(Gates.CUTOVER, "alice", "CAB-1", "now"));
    await().atMost(Duration.ofSeconds(20)).until(() -> "MONITORING".equals(workflow.progress().phase()));

    CutoverHistory history = terminateAndRead(env, ENCRYPTED);

    assertThatThrownBy(() -> CutoverHistory.read("stuck", env.getWorkflowClient().fetchHistory("stuck").getEvents(),
        PLAIN)).as("the history's payloads are encrypted").isInstanceOf(DataConverterException.class);
    CutoverReport rebuilt = history.undo("TERMINATED");
    assertThat(compensations(rebuilt)).containsExactly(
        "resumeScheduledSync holdScheduledSync REGISTERED",
        "enableSourceIngestion disableSourceIngestion REGISTERED",
        "reverseSync switchDns REGISTERED",
        "restoreDns switchDns REGISTERED",
        "disableTargetIngestion enableTargetIngestion REGISTERED");
    assertThat(history.unconfirmed()).isEmpty();
    assertThat(history.unconfirmedBound()).isZero();
    assertThat(rebuilt.finalSyncId()).isEqualTo("stuck-final-sync");

    CutoverReport report = rollBack(env, worker, rebuilt);

    assertThat(report.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(fx.journal).containsExactly(
        "disable TARGET " + CutoverFixtures.TARGET_RULES,
        "dns SOURCE [api-shared.example.com] ttl 60",
        "sync REVERSE",
        "enable SOURCE " + CutoverFixtures.SOURCE_RULES,
        "release sync");
  }

  @Test
  void aRunThatLoweredTheTtlAndSwitchedIsRescuedToTheRecordAsItWasBeforeTheLowering(TestWorkflowEnvironment env,
      Worker worker) {
    doAnswer(i -> CutoverDnsSwitchTest.OLD).when(fx.cutover).readDnsRecord(any());
    CutoverWorkflow workflow = startAndApprove(env, worker, CutoverFixtures.config(ApprovalsConfig.defaults()));
    workflow.approveGate(new Approval(Gates.CUTOVER, "alice", "CAB-1", "now"));
    env.sleep(Duration.ofMinutes(6)); // the old TTL of 300 s runs out before the switch
    await().atMost(Duration.ofSeconds(20)).until(() -> "MONITORING".equals(workflow.progress().phase()));

    CutoverHistory history = terminateAndRead(env, ENCRYPTED);

    CutoverReport rebuilt = history.undo("TERMINATED");
    assertThat(compensations(rebuilt)).containsExactly(
        "restoreDnsTtl lowerDnsTtl REGISTERED",
        "resumeScheduledSync holdScheduledSync REGISTERED",
        "enableSourceIngestion disableSourceIngestion REGISTERED",
        "reverseSync switchDns REGISTERED",
        "restoreDns switchDns REGISTERED",
        "disableTargetIngestion enableTargetIngestion REGISTERED");
    assertThat(rebuilt.changes().previousDns()).isEqualTo(CutoverDnsSwitchTest.OLD);
    assertThat(rebuilt.changes().loweredDns().ttl()).isEqualTo(60L);
    assertThat(rebuilt.changes().appliedDns().values()).containsExactly("api-prod.example.com");

    CutoverReport report = rollBack(env, worker, rebuilt);

    assertThat(report.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(fx.journal).containsExactly(
        "disable TARGET " + CutoverFixtures.TARGET_RULES,
        "dns SOURCE [api-shared.example.com] ttl 300",
        "sync REVERSE",
        "enable SOURCE " + CutoverFixtures.SOURCE_RULES,
        "release sync",
        "dns SOURCE [api-shared.example.com] ttl 300");
  }

  @Test
  void aRunStoppedAfterLoweringTheTtlBeforeItsWindowOnlyPutsTheTtlBack(TestWorkflowEnvironment env, Worker worker) {
    doAnswer(i -> CutoverDnsSwitchTest.OLD).when(fx.cutover).readDnsRecord(any());
    CutoverWorkflow workflow = startAndApprove(env, worker, CutoverFixtures.config(ApprovalsConfig.defaults()));
    workflow.approveGate(new Approval(Gates.CUTOVER, "alice", "CAB-1",
        java.time.Instant.ofEpochMilli(env.currentTimeMillis()).plus(Duration.ofDays(2)).toString()));
    await().atMost(Duration.ofSeconds(20)).until(() -> "WAITING_FOR_WINDOW".equals(workflow.progress().phase())
        && fx.journal.contains("dns SOURCE [api-shared.example.com] ttl 60"));

    CutoverHistory history = terminateAndRead(env, ENCRYPTED);

    CutoverReport rebuilt = history.undo("TERMINATED");
    assertThat(compensations(rebuilt)).as("no reverse sync: no data changed").containsExactly(
        "restoreDnsTtl lowerDnsTtl REGISTERED");
    assertThat(rollBack(env, worker, rebuilt).outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(fx.journal).containsExactly("dns SOURCE [api-shared.example.com] ttl 300");
  }

  @Test
  void anActivityInFlightWhenTheRunStopsIsUndoneAsIfItHadActed(TestWorkflowEnvironment env, Worker worker)
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    doAnswer(i -> {
      RuleChange c = i.getArgument(0);
      fx.journal.add((c.enabled() ? "enable " : "disable ") + c.side() + " " + c.names());
      if (c.side() == Side.TARGET && c.enabled()) {
        release.await(30, TimeUnit.SECONDS);
      }
      return null;
    }).when(fx.cutover).setRulesEnabled(any());
    CutoverWorkflow workflow = startAndApprove(env, worker, CutoverFixtures.config(ApprovalsConfig.defaults()));
    workflow.approveGate(new Approval(Gates.CUTOVER, "alice", "CAB-1", "now"));
    await().atMost(Duration.ofSeconds(20)).until(() -> fx.journal.contains("enable TARGET " + CutoverFixtures.TARGET_RULES));

    CutoverHistory history = terminateAndRead(env, ENCRYPTED);
    release.countDown();

    assertThat(history.unconfirmed()).singleElement().asString()
        .isEqualTo("disableTargetIngestion (undoes enableTargetIngestion): SetRulesEnabled was scheduled, its result is unknown");
    assertThat(history.unconfirmedBound()).as("the switch's start-to-close timeout").isEqualTo(Duration.ofMinutes(2));
    CutoverReport rebuilt = history.undo("TERMINATED");
    assertThat(compensations(rebuilt)).last().isEqualTo("disableTargetIngestion enableTargetIngestion REGISTERED");
    assertThat(rebuilt.changes().targetRulesEnabled()).isEqualTo(CutoverFixtures.TARGET_RULES);

    CutoverReport report = rollBack(env, worker, rebuilt);

    assertThat(report.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(fx.journal).first().isEqualTo("disable TARGET " + CutoverFixtures.TARGET_RULES);
  }

  @Test
  void aRunStoppedAtItsGateLeftNothingToUndo(TestWorkflowEnvironment env, Worker worker) {
    startAndApprove(env, worker, CutoverFixtures.config(ApprovalsConfig.defaults()));

    CutoverHistory history = terminateAndRead(env, ENCRYPTED);

    assertThat(history.isCutover()).isTrue();
    assertThat(history.leftChanges()).isFalse();
    assertThat(history.undo("TERMINATED").compensations()).isEmpty();
  }

  @Test
  void aRunTerminatedDuringItsOwnRollbackLeavesOnlyWhatItDidNotFinish(TestWorkflowEnvironment env, Worker worker)
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    doAnswer(i -> {
      fx.journal.add("alarms");
      return new AlarmCheck(1, List.of("LambdaErrorAlarm-x: Threshold Crossed"));
    }).when(fx.cutover).checkAlarms(any());
    doAnswer(i -> {
      DnsChange c = i.getArgument(0);
      fx.journal.add("dns " + c.side() + " " + c.desired().values() + " ttl " + c.desired().ttl());
      if (c.desired().equals(CutoverFixtures.SHARED_DNS)) {
        release.await(30, TimeUnit.SECONDS);
      }
      return null;
    }).when(fx.cutover).writeDnsRecord(any());
    CutoverWorkflow workflow = startAndApprove(env, worker, CutoverFixtures.config(ApprovalsConfig.defaults()));
    workflow.approveGate(new Approval(Gates.CUTOVER, "alice", "CAB-1", "now"));
    await().atMost(Duration.ofSeconds(20)).until(() -> fx.journal.contains("dns SOURCE [api-shared.example.com] ttl 60"));

    CutoverHistory history = terminateAndRead(env, ENCRYPTED);
    release.countDown();

    assertThat(compensations(history.undo("TERMINATED"))).containsExactly(
        "resumeScheduledSync holdScheduledSync REGISTERED",
        "enableSourceIngestion disableSourceIngestion REGISTERED",
        "reverseSync switchDns REGISTERED",
        "restoreDns switchDns REGISTERED",
        "disableTargetIngestion enableTargetIngestion DONE");
    assertThat(history.unconfirmed()).isEmpty();
  }
}
