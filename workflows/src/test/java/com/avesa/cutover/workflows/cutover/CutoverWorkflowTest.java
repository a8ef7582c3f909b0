package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.config.CutoverConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.gate.Approval;
import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.avesa.cutover.workflows.run.CutoverStep;
import com.avesa.cutover.workflows.sync.SyncHold;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;

@Timeout(90)
class CutoverWorkflowTest {
  private static final String REQUESTER = "carol";

  @RegisterExtension
  final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(CutoverWorkflowImpl.class, ScriptedMigration.class)
      .setDoNotStart(true)
      .build();

  private final CutoverFixtures fx = new CutoverFixtures();

  private CutoverWorkflow start(TestWorkflowEnvironment env, Worker worker, MigrationConfig config) {
    worker.registerActivitiesImplementations(fx.activities());
    env.start();
    CutoverWorkflow workflow = env.getWorkflowClient().newWorkflowStub(CutoverWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).setWorkflowId("cutover-test").build());
    WorkflowClient.start(workflow::cutover, new CutoverInput(config, REQUESTER));
    return workflow;
  }

  private static void awaitGate(CutoverWorkflow workflow, String gate) {
    await().atMost(Duration.ofSeconds(20)).until(() -> {
      CutoverReport p = workflow.progress();
      return p != null && gate.equals(p.pendingGate());
    });
  }

  private static CutoverReport result(CutoverWorkflow workflow) {
    return WorkflowStub.fromTyped(workflow).getResult(CutoverReport.class);
  }

  private static Approval approval(String gate, String approver) {
    return new Approval(gate, approver, "CAB-123", "now");
  }

  private static List<String> compensationNames(CutoverReport report) {
    return report.compensations().stream().map(c -> c.name() + " " + c.status()).toList();
  }

  @Test
  void anApprovedCutoverSwitchesEverythingInRunbookOrder(TestWorkflowEnvironment env, Worker worker) {
    CutoverWorkflow workflow = start(env, worker, CutoverFixtures.config(ApprovalsConfig.defaults()));
    awaitGate(workflow, Gates.CUTOVER);
    ApprovalRecord accepted = workflow.approveGate(approval(Gates.CUTOVER, "alice"));

    CutoverReport report = result(workflow);

    assertThat(accepted.decision()).isEqualTo(ApprovalRecord.Decision.APPROVED);
    assertThat(report.outcome()).isEqualTo(Outcome.CUT_OVER);
    assertThat(fx.journal.subList(0, 15)).containsExactly(
        "preflight",
        "notify avesa avesa-test: awaiting approval",
        "read dns",
        "describe sync avesa-test-final-sync",
        "hold sync",
        "describe SOURCE",
        "disable SOURCE " + CutoverFixtures.SOURCE_RULES,
        "read source invocations",
        "sync SYNC",
        "read dns",
        "dns SOURCE [api-prod.example.com] ttl 60",
        "describe TARGET",
        "enable TARGET " + CutoverFixtures.TARGET_RULES,
        "invoke avesa-connectwise-ingestion-prod",
        "alarms");
    // One check at the start, then every 5 minutes for 2 hours.
    assertThat(fx.journal.stream().filter("alarms"::equals)).hasSize(25);
    assertThat(fx.journal).doesNotContain("sync REVERSE", "release sync").last().isEqualTo("notify avesa avesa-test: CUT_OVER");
    assertThat(report.steps()).extracting(s -> s.name().wireName()).containsExactly("preflight", "cutover gate",
        "lowerDnsTtl", "holdScheduledSync", "awaitScheduledSync", "disableSourceIngestion", "drainSourceIngestion", "finalSync",
        "switchDns", "enableTargetIngestion", "smokeTests", "monitorAlarms");
    assertThat(report.steps()).allMatch(s -> s.status().equals(StepRecord.Status.DONE));
    assertThat(compensationNames(report)).containsExactly("resumeScheduledSync REGISTERED",
        "enableSourceIngestion REGISTERED", "reverseSync REGISTERED",
        "restoreDns REGISTERED", "disableTargetIngestion REGISTERED");
    assertThat(report.changes().previousDns()).isEqualTo(CutoverFixtures.SHARED_DNS);
    assertThat(report.changes().sourceRulesDisabled()).isEqualTo(CutoverFixtures.SOURCE_RULES);
    assertThat(report.changes().targetRulesEnabled()).isEqualTo(CutoverFixtures.TARGET_RULES);
    assertThat(report.approvals()).singleElement().satisfies(a -> {
      assertThat(a.approver()).isEqualTo("alice");
      assertThat(a.reason()).isEqualTo("CAB-123");
    });
    assertThat(report.windowEnd()).isEqualTo(report.windowStart().plus(Duration.ofHours(4)));
    assertThat(report.finalSyncId()).isEqualTo("cutover-test-final-sync");
  }

  @Test
  void anApprovalThatNeverComesExpiresWithNothingChanged(TestWorkflowEnvironment env, Worker worker) {
    CutoverWorkflow workflow = start(env, worker, CutoverFixtures.config(ApprovalsConfig.defaults()));

    CutoverReport report = result(workflow);

    assertThat(report.outcome()).isEqualTo(Outcome.EXPIRED);
    assertThat(report.reason()).contains("PT168H");
    assertThat(fx.journal).containsExactly("preflight", "notify avesa avesa-test: awaiting approval",
        "notify avesa avesa-test: EXPIRED");
  }

  @Test
  void aRejectedGateEndsTheRunWithNothingChanged(TestWorkflowEnvironment env, Worker worker) {
    CutoverWorkflow workflow = start(env, worker, CutoverFixtures.config(ApprovalsConfig.defaults()));
    awaitGate(workflow, Gates.CUTOVER);
    workflow.rejectGate(new Approval(Gates.CUTOVER, "bob", "freeze week", null));

    CutoverReport report = result(workflow);

    assertThat(report.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(report.reason()).isEqualTo("gate cutover rejected by bob: freeze week");
    assertThat(report.approvals()).extracting(ApprovalRecord::decision).containsExactly(ApprovalRecord.Decision.REJECTED);
    assertThat(fx.journal).noneMatch(call -> call.startsWith("disable") || call.startsWith("dns"));
  }

  @Test
  void theValidatorRefusesEachBrokenRuleAndRecordsNothing(TestWorkflowEnvironment env, Worker worker) {
    CutoverWorkflow workflow = start(env, worker, CutoverFixtures.config(CutoverFixtures.approvals(1, false,
        "alice", "bob", REQUESTER)));
    awaitGate(workflow, Gates.CUTOVER);

    assertRefused(() -> workflow.approveGate(approval(Gates.SIGN_OFF, "alice")), "gate signOff is not pending");
    assertRefused(() -> workflow.approveGate(approval(Gates.CUTOVER, "mallory")), "mallory is not an approver");
    assertRefused(() -> workflow.approveGate(approval(Gates.CUTOVER, REQUESTER)),
        "four eyes: carol started this run");
    assertRefused(() -> workflow.approveGate(new Approval(Gates.CUTOVER, "alice", " ", null)), "a reason is required");
    assertRefused(() -> workflow.approveGate(new Approval(Gates.CUTOVER, "alice", "CAB-1", "2020-01-01T00:00:00Z")),
        "is in the past");
    assertRefused(() -> workflow.approveGate(new Approval(Gates.CUTOVER, "alice", "CAB-1", "tonight")),
        "is not an ISO-8601 instant");

    CutoverReport state = workflow.progress();
    assertThat(state.approvals()).isEmpty();
    assertThat(state.pendingGate()).isEqualTo(Gates.CUTOVER);
    assertThat(state.approvalsNeeded()).isEqualTo(1);
    assertThat(fx.journal).containsExactly("preflight", "notify avesa avesa-test: awaiting approval");
  }

  @Test
  void aRefusedSignalIsRecordedAsRefusedAndDoesNotOpenTheGate(TestWorkflowEnvironment env, Worker worker) {
    CutoverWorkflow workflow = start(env, worker, CutoverFixtures.config(ApprovalsConfig.defaults()));
    awaitGate(workflow, Gates.CUTOVER);

    workflow.approve(approval(Gates.CUTOVER, REQUESTER));

    await().atMost(Duration.ofSeconds(10)).until(() -> !workflow.progress().approvals().isEmpty());
    CutoverReport state = workflow.progress();
    assertThat(state.approvals()).singleElement().satisfies(a -> {
      assertThat(a.decision()).isEqualTo(ApprovalRecord.Decision.REFUSED);
      assertThat(a.note()).contains("four eyes");
    });
    assertThat(state.pendingGate()).isEqualTo(Gates.CUTOVER);
    assertThat(state.phase()).isEqualTo("GATE");
  }

  @Test
  void twoRequiredApproversMustBeDistinct(TestWorkflowEnvironment env, Worker worker) {
    CutoverWorkflow workflow = start(env, worker, CutoverFixtures.config(CutoverFixtures.approvals(2, false,
        "alice", "bob")));
    awaitGate(workflow, Gates.CUTOVER);

    workflow.approveGate(approval(Gates.CUTOVER, "alice"));
    assertThat(workflow.progress().approvalsNeeded()).isEqualTo(1);
    assertThat(workflow.progress().pendingGate()).isEqualTo(Gates.CUTOVER);
    assertRefused(() -> workflow.approveGate(approval(Gates.CUTOVER, "alice")), "alice already approved gate cutover");
    workflow.approve(approval(Gates.CUTOVER, "bob"));

    CutoverReport report = result(workflow);
    assertThat(report.outcome()).isEqualTo(Outcome.CUT_OVER);
    assertThat(report.approvals()).extracting(ApprovalRecord::approver).containsExactly("alice", "bob");
  }

  @Test
  void theWindowStartsWhenTheApprovalSays(TestWorkflowEnvironment env, Worker worker) {
    CutoverWorkflow workflow = start(env, worker, CutoverFixtures.config(ApprovalsConfig.defaults()));
    awaitGate(workflow, Gates.CUTOVER);
    Instant start = Instant.ofEpochMilli(env.currentTimeMillis()).plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    workflow.approveGate(new Approval(Gates.CUTOVER, "alice", "CAB-9", start.toString()));

    CutoverReport report = result(workflow);

    assertThat(report.outcome()).isEqualTo(Outcome.CUT_OVER);
    assertThat(report.windowStart()).isEqualTo(start);
    StepRecord disable = report.steps().stream().filter(s -> s.name() == CutoverStep.DISABLE_SOURCE_INGESTION).findFirst()
        .orElseThrow();
    assertThat(disable.startedAt()).isAfterOrEqualTo(start);
  }

  @Test
  void windowClosingMidSyncStopsTheSyncAndReEnablesSourceIngestion(TestWorkflowEnvironment env, Worker worker) {
    ScriptedMigration.syncTakes = Duration.ofHours(3);
    CutoverWorkflow workflow = start(env, worker, CutoverFixtures.config(ApprovalsConfig.defaults()));
    awaitGate(workflow, Gates.CUTOVER);
    workflow.approveGate(approval(Gates.CUTOVER, "alice"));

    CutoverReport report = result(workflow);

    assertThat(report.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(report.reason()).startsWith("window closing: the final sync did not finish");
    assertThat(fx.journalFrom("sync SYNC")).containsExactly("sync SYNC",
        "enable SOURCE " + CutoverFixtures.SOURCE_RULES, "release sync", "notify avesa avesa-test: ROLLED_BACK");
    assertThat(compensationNames(report)).containsExactly("resumeScheduledSync DONE", "enableSourceIngestion DONE");
    // 4 h window - 2 h monitoring - 30 min budget: the sync had 1 h 30 min.
    StepRecord sync = report.steps().stream().filter(s -> s.name() == CutoverStep.FINAL_SYNC).findFirst().orElseThrow();
    assertThat(Duration.between(sync.startedAt(), sync.endedAt())).isBetween(Duration.ofMinutes(89),
        Duration.ofMinutes(91));
  }

  @Test
  void anAlarmDuringMonitoringRollsBackEverythingInReverse(TestWorkflowEnvironment env, Worker worker) {
    AtomicInteger checks = new AtomicInteger();
    doAnswer(i -> {
      fx.journal.add("alarms");
      return checks.incrementAndGet() < 4 ? new AlarmCheck(1, List.of())
          : new AlarmCheck(1, List.of("LambdaErrorAlarm-ingest: Threshold Crossed"));
    }).when(fx.cutover).checkAlarms(any());
    CutoverWorkflow workflow = start(env, worker, CutoverFixtures.config(ApprovalsConfig.defaults()));
    awaitGate(workflow, Gates.CUTOVER);
    workflow.approveGate(approval(Gates.CUTOVER, "alice"));

    CutoverReport report = result(workflow);

    assertThat(report.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(report.reason()).isEqualTo("alarm during monitoring: LambdaErrorAlarm-ingest: Threshold Crossed");
    assertRolledBackInReverse(report);
  }

  @Test
  void aFailingSmokeTestRollsBackEverythingInReverse(TestWorkflowEnvironment env, Worker worker) {
    doAnswer(i -> {
      fx.journal.add("invoke");
      return new SmokeTestResult("avesa-connectwise-ingestion-prod", 200, "Unhandled", "{\"errorMessage\":\"boom\"}");
    }).when(fx.cutover).invokeFunction(any());
    CutoverWorkflow workflow = start(env, worker, CutoverFixtures.config(ApprovalsConfig.defaults()));
    awaitGate(workflow, Gates.CUTOVER);
    workflow.approveGate(approval(Gates.CUTOVER, "alice"));

    CutoverReport report = result(workflow);

    assertThat(report.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(report.reason()).contains("smoke test avesa-connectwise-ingestion-prod failed")
        .contains("FunctionError Unhandled");
    assertThat(fx.journal).doesNotContain("alarms");
    assertRolledBackInReverse(report);
  }

  @Test
  void anOperatorsRollbackDuringMonitoringUndoesEverything(TestWorkflowEnvironment env, Worker worker) {
    CutoverWorkflow workflow = start(env, worker, CutoverFixtures.config(ApprovalsConfig.defaults()));
    awaitGate(workflow, Gates.CUTOVER);
    assertRefused(() -> workflow.requestRollback(new RollbackRequest("bob", "too early")),
        "has not been approved yet");
    workflow.approveGate(approval(Gates.CUTOVER, "alice"));
    await().atMost(Duration.ofSeconds(20)).until(() -> "MONITORING".equals(workflow.progress().phase()));

    assertRefused(() -> workflow.requestRollback(new RollbackRequest("bob", "")), "a reason is required");
    String answer = workflow.requestRollback(new RollbackRequest("bob", "errors in canonical/"));
    CutoverReport report = result(workflow);

    assertThat(answer).contains("bob");
    assertThat(report.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(report.reason()).isEqualTo("rollback requested by bob: errors in canonical/");
    assertRolledBackInReverse(report);
  }

  @Test
  void aCompensationThatFailsTwiceIsRetriedAndSucceeds(TestWorkflowEnvironment env, Worker worker) {
    failAlarmCheck();
    AtomicInteger attempts = failReEnablingSourceRules(2, "ThrottlingException: rate exceeded");

    CutoverReport report = approveAndWait(env, worker);

    assertThat(attempts.get()).isEqualTo(3);
    assertThat(report.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertRolledBackInReverse(report);
  }

  @Test
  void aCompensationFailingForTenMinutesKeepsBeingRetriedWithinTheRollbackBudgetAndSucceeds(
      TestWorkflowEnvironment env, Worker worker) {
    failAlarmCheck();
    AtomicInteger attempts = failReEnablingSourceRules(15, "EventBridge ServiceUnavailable");

    CutoverReport report = approveAndWait(env, worker);

    // Before the budget, six attempts over about a minute ended it ROLLBACK_INCOMPLETE.
    assertThat(attempts.get()).isEqualTo(16);
    assertThat(report.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertRolledBackInReverse(report);
    // Backoff 1, 2, 4, 8, 16, 32 s, then a minute, nine times: about ten minutes of a 30-minute budget.
    assertThat(Duration.between(compensatedAt(report, "disableTargetIngestion"),
        compensatedAt(report, "enableSourceIngestion"))).isBetween(Duration.ofMinutes(10), Duration.ofMinutes(11));
  }

  @Test
  void aCompensationThatNeverSucceedsEndsRollbackIncompleteWithWhatIsLeft(TestWorkflowEnvironment env,
      Worker worker) {
    failAlarmCheck();
    doThrow(new IllegalStateException("Route53 InvalidChangeBatch: record changed by someone else"))
        .when(fx.cutover).writeDnsRecord(argThat(c -> c.desired().equals(CutoverFixtures.SHARED_DNS)));
    CutoverWorkflow workflow = start(env, worker, CutoverFixtures.config(ApprovalsConfig.defaults()));
    awaitGate(workflow, Gates.CUTOVER);
    workflow.approveGate(approval(Gates.CUTOVER, "alice"));

    CutoverReport report = result(workflow);

    assertThat(report.outcome()).isEqualTo(Outcome.ROLLBACK_INCOMPLETE);
    assertThat(compensationNames(report)).containsExactly("resumeScheduledSync DONE", "enableSourceIngestion DONE",
        "reverseSync DONE", "restoreDns FAILED", "disableTargetIngestion DONE");
    assertThat(report.remaining()).singleElement().asString()
        .startsWith("restoreDns (undoes switchDns): ")
        .contains("record changed by someone else");
    // The other compensations still ran, last registered first.
    assertThat(fx.journalFrom("alarms")).containsSubsequence("disable TARGET " + CutoverFixtures.TARGET_RULES,
        "sync REVERSE", "enable SOURCE " + CutoverFixtures.SOURCE_RULES);
    assertThat(workflow.progress().outcome()).isEqualTo(Outcome.ROLLBACK_INCOMPLETE);
    // It was retried until the rollback budget (30 min from the first compensation) ran out.
    assertThat(Duration.between(compensatedAt(report, "disableTargetIngestion"), compensatedAt(report, "restoreDns")))
        .isBetween(Duration.ofMinutes(28), Duration.ofMinutes(31));
  }

  @Test
  void aSignOffOpensTheLastGate(TestWorkflowEnvironment env, Worker worker) {
    CutoverWorkflow workflow = start(env, worker, CutoverFixtures.config(CutoverFixtures.approvals(1, true)));
    awaitGate(workflow, Gates.CUTOVER);
    workflow.approveGate(approval(Gates.CUTOVER, "alice"));
    env.sleep(Duration.ofHours(2).plusMinutes(1));
    awaitGate(workflow, Gates.SIGN_OFF);
    assertRefused(() -> workflow.approveGate(approval(Gates.SIGN_OFF, REQUESTER)), "four eyes");

    workflow.approveGate(new Approval(Gates.SIGN_OFF, "dave", "dashboards green", null));
    CutoverReport report = result(workflow);

    assertThat(report.outcome()).isEqualTo(Outcome.CUT_OVER);
    assertThat(report.steps()).last().satisfies(s -> {
      assertThat(s.name()).isEqualTo(CutoverStep.SIGN_OFF_GATE);
      assertThat(s.detail()).isEqualTo("signed off by dave");
    });
  }

  @Test
  void aRejectedSignOffRollsBack(TestWorkflowEnvironment env, Worker worker) {
    CutoverWorkflow workflow = start(env, worker, CutoverFixtures.config(CutoverFixtures.approvals(1, true)));
    awaitGate(workflow, Gates.CUTOVER);
    workflow.approveGate(approval(Gates.CUTOVER, "alice"));
    env.sleep(Duration.ofHours(2).plusMinutes(1));
    awaitGate(workflow, Gates.SIGN_OFF);

    workflow.rejectGate(new Approval(Gates.SIGN_OFF, "dave", "tenant data missing in canonical/", null));
    CutoverReport report = result(workflow);

    assertThat(report.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(report.reason()).isEqualTo("sign-off rejected by dave: tenant data missing in canonical/");
    assertRolledBackInReverse(report);
  }

  @Test
  void noSignOffBeforeTheRollbackBudgetRollsBack(TestWorkflowEnvironment env, Worker worker) {
    CutoverWorkflow workflow = start(env, worker, CutoverFixtures.config(CutoverFixtures.approvals(1, true)));
    awaitGate(workflow, Gates.CUTOVER);
    workflow.approveGate(approval(Gates.CUTOVER, "alice"));

    CutoverReport report = result(workflow);

    assertThat(report.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(report.reason()).startsWith("window closing: no sign-off before");
    assertThat(Duration.between(report.windowStart(), report.steps().get(report.steps().size() - 1).endedAt()))
        .isBetween(Duration.ofMinutes(209), Duration.ofMinutes(211));
    assertRolledBackInReverse(report);
  }

  @Test
  void durationsTooLongForAnInstantEndTheRunInsteadOfFailingItsWorkflowTask(TestWorkflowEnvironment env,
      Worker worker) {
    // Not from the loader, which refuses them: a run started another way (the UI, an older client).
    CutoverConfig base = CutoverFixtures.cutoverConfig();
    Duration longest = Duration.ofSeconds(Long.MAX_VALUE);
    MigrationConfig config = CutoverFixtures.config(new CutoverConfig(base.window(), longest, base.checkEvery(),
        base.rollbackBudget(), base.sourceRules(), base.targetRules(), base.dns(), base.smokeTests(), base.alarms(),
        base.notifyTopicArn()), new ApprovalsConfig(List.of(), 1, true, false, longest));
    CutoverWorkflow workflow = start(env, worker, config);
    awaitGate(workflow, Gates.CUTOVER);
    workflow.approveGate(approval(Gates.CUTOVER, "alice"));

    CutoverReport report = result(workflow);

    assertThat(report.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(report.reason()).startsWith("window closing: holdScheduledSync cannot start after");
    assertThat(fx.journal).noneMatch(call -> call.startsWith("disable") || call.startsWith("dns"));
  }

  @Test
  void refusesAWindowStartTooFarAheadToComputeItsEnd(TestWorkflowEnvironment env, Worker worker) {
    CutoverWorkflow workflow = start(env, worker, CutoverFixtures.config(ApprovalsConfig.defaults()));
    awaitGate(workflow, Gates.CUTOVER);

    assertRefused(() -> workflow.approveGate(new Approval(Gates.CUTOVER, "alice", "CAB-1", "+1000000000-01-01T00:00:00Z")),
        "is more than P400D ahead");
    assertThat(workflow.progress().pendingGate()).isEqualTo(Gates.CUTOVER);
  }

  @Test
  void aPreflightProblemEndsTheRunBeforeTheGate(TestWorkflowEnvironment env, Worker worker) {
    doReturn(new CutoverPreflight(List.of(
        "target function avesa-connectwise-ingestion-prod not found in account 987654321098",
        "source rule ConnectWiseIngestionSchedule not found in account 123456789012"), null))
        .when(fx.cutover).checkCutover(any());
    CutoverWorkflow workflow = start(env, worker, CutoverFixtures.config(ApprovalsConfig.defaults()));

    CutoverReport report = result(workflow);

    assertThat(report.outcome()).isEqualTo(Outcome.PREFLIGHT_FAILED);
    assertThat(report.reason()).contains("2 problem(s)").contains("avesa-connectwise-ingestion-prod")
        .contains("ConnectWiseIngestionSchedule");
    assertThat(report.approvals()).isEmpty();
    assertThat(fx.journal).containsExactly("notify avesa avesa-test: PREFLIGHT_FAILED");
  }

  @Test
  void withoutAPeriodicSyncThereIsNothingToHoldOrResume(TestWorkflowEnvironment env, Worker worker) {
    doAnswer(i -> SyncHold.none("avesa-test-final-sync")).when(fx.schedules).describeSync(any());
    failAlarmCheck();
    CutoverWorkflow workflow = start(env, worker, CutoverFixtures.config(ApprovalsConfig.defaults()));
    awaitGate(workflow, Gates.CUTOVER);
    workflow.approveGate(approval(Gates.CUTOVER, "alice"));

    CutoverReport report = result(workflow);

    assertThat(report.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(report.steps()).filteredOn(s -> s.name() == CutoverStep.HOLD_SCHEDULED_SYNC).singleElement()
        .extracting(StepRecord::detail).isEqualTo("no periodic final sync avesa-test-final-sync to hold");
    assertThat(compensationNames(report)).doesNotContain("resumeScheduledSync DONE").hasSize(4);
    assertThat(fx.journal).doesNotContain("hold sync", "release sync");
  }

  /** Re-enabling the source rules fails {@code times} times with {@code error}; returns the attempt count. */
  private AtomicInteger failReEnablingSourceRules(int times, String error) {
    AtomicInteger attempts = new AtomicInteger();
    doAnswer(i -> {
      RuleChange c = i.getArgument(0);
      if (c.side() == Side.SOURCE && c.enabled() && attempts.incrementAndGet() <= times) {
        throw new IllegalStateException(error);
      }
      fx.journal.add((c.enabled() ? "enable " : "disable ") + c.side() + " " + c.names());
      return null;
    }).when(fx.cutover).setRulesEnabled(any());
    return attempts;
  }

  private CutoverReport approveAndWait(TestWorkflowEnvironment env, Worker worker) {
    CutoverWorkflow workflow = start(env, worker, CutoverFixtures.config(ApprovalsConfig.defaults()));
    awaitGate(workflow, Gates.CUTOVER);
    workflow.approveGate(approval(Gates.CUTOVER, "alice"));
    return result(workflow);
  }

  private static Instant compensatedAt(CutoverReport report, String name) {
    return report.compensations().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().at();
  }

  private void failAlarmCheck() {
    doAnswer(i -> {
      fx.journal.add("alarms");
      return new AlarmCheck(1, List.of("LambdaErrorAlarm-ingest: Threshold Crossed"));
    }).when(fx.cutover).checkAlarms(any());
  }

  private void assertRolledBackInReverse(CutoverReport report) {
    assertThat(compensationNames(report)).containsExactly("resumeScheduledSync DONE", "enableSourceIngestion DONE",
        "reverseSync DONE", "restoreDns DONE", "disableTargetIngestion DONE");
    List<String> undo = fx.journalFrom("disable TARGET");
    assertThat(undo).containsExactly(
        "disable TARGET " + CutoverFixtures.TARGET_RULES,
        "dns SOURCE [api-shared.example.com] ttl 60",
        "sync REVERSE",
        "enable SOURCE " + CutoverFixtures.SOURCE_RULES,
        "release sync",
        "notify avesa avesa-test: ROLLED_BACK");
    assertThat(report.reverseSyncId()).isEqualTo("cutover-test-reverse-sync");
  }

  private static void assertRefused(Runnable call, String reason) {
    assertThatThrownBy(call::run).isInstanceOf(WorkflowUpdateException.class)
        .rootCause().hasMessageContaining(reason);
  }
}
