package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.RunSearchAttributes;
import com.avesa.cutover.workflows.SearchAttributesOnServer;
import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.config.MonitorConfig;
import com.avesa.cutover.workflows.gate.Approval;
import com.avesa.cutover.workflows.histories.Histories;
import com.avesa.cutover.workflows.histories.Scenario;
import com.avesa.cutover.workflows.run.RunKind;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

/**
 * The cutover's and the rollback's recorded paths: at the gate (with a refused signal), mid-monitoring,
 * cut over, rolled back by an alarm, rolled back by a failed smoke test, rejected; a rollback after;
 * a scheduled sync awaited, the source drained and data flowing (cut over), and no new data (rolled back).
 */
public final class CutoverScenarios {
  private static final List<Class<?>> CUTOVER = List.of(CutoverWorkflowImpl.class, ScriptedMigration.class);

  private CutoverScenarios() {}

  public static List<Scenario> all() {
    return List.of(
        Scenario.open("cutover-at-gate", CUTOVER, (env, worker, id) -> {
          CutoverWorkflow workflow = startAtGate(env, worker, new CutoverFixtures(), id);
          workflow.approve(new Approval(Gates.CUTOVER, "carol", "mine", null));
          await().atMost(Duration.ofSeconds(20)).until(() -> !workflow.progress().approvals().isEmpty());
          return Histories.settled(env, id);
        }),
        Scenario.open("cutover-monitoring", CUTOVER, (env, worker, id) -> {
          CutoverFixtures fx = new CutoverFixtures();
          CutoverWorkflow workflow = startAtGate(env, worker, fx, id);
          approve(workflow);
          await().atMost(Duration.ofSeconds(20)).until(() -> "MONITORING".equals(workflow.progress().phase()));
          env.sleep(Duration.ofMinutes(11));
          await().atMost(Duration.ofSeconds(20)).until(() -> fx.journal.stream().filter("alarms"::equals).count() >= 3);
          return Histories.settled(env, id);
        }),
        Scenario.closed("cutover-cut-over", CUTOVER, (env, worker, id) ->
            finish(env, startAtGate(env, worker, new CutoverFixtures(), id), id, Outcome.CUT_OVER)),
        Scenario.closed("cutover-rolled-back-alarm", CUTOVER, (env, worker, id) -> {
          CutoverFixtures fx = new CutoverFixtures();
          AtomicInteger checks = new AtomicInteger();
          doAnswer(i -> checks.incrementAndGet() < 4 ? new AlarmCheck(1, List.of())
              : new AlarmCheck(1, List.of("LambdaErrorAlarm-ingest: Threshold Crossed"))).when(fx.cutover).checkAlarms(any());
          return finish(env, startAtGate(env, worker, fx, id), id, Outcome.ROLLED_BACK);
        }),
        Scenario.closed("cutover-rolled-back-smoke-test", CUTOVER, (env, worker, id) -> {
          CutoverFixtures fx = new CutoverFixtures();
          doAnswer(i -> new SmokeTestResult("avesa-connectwise-ingestion-prod", 200, "Unhandled",
              "{\"errorMessage\":\"boom\"}")).when(fx.cutover).invokeFunction(any());
          return finish(env, startAtGate(env, worker, fx, id), id, Outcome.ROLLED_BACK);
        }),
        Scenario.closed("cutover-drained-data-flowing", CUTOVER, (env, worker, id) -> {
          CutoverFixtures fx = new CutoverFixtures();
          AtomicInteger syncReads = new AtomicInteger();
          doAnswer(i -> syncReads.incrementAndGet() < 3 ? List.of(id + "-scheduled-run") : List.of())
              .when(fx.schedules).runningSyncs(any());
          AtomicInteger loadReads = new AtomicInteger();
          doAnswer(i -> new SourceInvocations(List.of(new SourceInvocations.FunctionLoad(CutoverFixtures.SOURCE_FUNCTION,
              loadReads.incrementAndGet() < 3 ? 1.0 : 0.0, 300)), List.of())).when(fx.dataFlow).readSourceInvocations(any());
          return finish(env, startAtGate(env, worker, fx, id, dataFlowConfig()), id, Outcome.CUT_OVER);
        }),
        Scenario.closed("cutover-rolled-back-no-data", CUTOVER, (env, worker, id) -> {
          CutoverFixtures fx = new CutoverFixtures();
          doAnswer(i -> new DataFlowCheck(List.of("t1"), List.of(), List.of("f"), 0, 0)).when(fx.dataFlow)
              .readDataFlow(any());
          return finish(env, startAtGate(env, worker, fx, id, dataFlowConfig()), id, Outcome.ROLLED_BACK);
        }),
        Scenario.closed("cutover-dns-ttl-lowered", CUTOVER, (env, worker, id) -> {
          // dns-ttl-insync: TTL 300 lowered at the gate, the switch after it ran out, INSYNC polled
          CutoverFixtures fx = new CutoverFixtures();
          doAnswer(i -> CutoverDnsSwitchTest.OLD).when(fx.cutover).readDnsRecord(any());
          AtomicInteger polls = new AtomicInteger();
          doAnswer(i -> polls.incrementAndGet() == 2 ? "PENDING" : DnsSwitch.INSYNC).when(fx.cutover).dnsChangeStatus(any());
          return finish(env, startAtGate(env, worker, fx, id), id, Outcome.CUT_OVER);
        }),
        Scenario.closed("cutover-rejected", CUTOVER, (env, worker, id) -> {
          CutoverWorkflow workflow = startAtGate(env, worker, new CutoverFixtures(), id);
          workflow.rejectGate(new Approval(Gates.CUTOVER, "bob", "freeze week", null));
          return expect(env, workflow, id, Outcome.REJECTED);
        }),
        Scenario.closed("rollback-rolled-back", List.of(RollbackWorkflowImpl.class, ScriptedMigration.class),
            CutoverScenarios::rollBack),
        Scenario.closed("cutover-cut-over-search-attributes", CUTOVER, (env, worker, id) -> {
          SearchAttributesOnServer.register(env);
          return finish(env, startAtGate(env, worker, new CutoverFixtures(), id, true), id, Outcome.CUT_OVER);
        }));
  }

  /** The fixtures' cutover watching data flow (new objects and invocations within 30 minutes). */
  private static MigrationConfig dataFlowConfig() {
    return CutoverFixtures.config(CutoverFixtures.cutoverConfig().withMonitor(
        new MonitorConfig(true, true, 0, Duration.ofMinutes(30), List.of(), false)), ApprovalsConfig.defaults());
  }

  /** Starts cutover {@code id} on {@code fx}'s activities and waits until its gate is pending. */
  static CutoverWorkflow startAtGate(TestWorkflowEnvironment env, Worker worker, CutoverFixtures fx,
      String id) {
    return startAtGate(env, worker, fx, id, CutoverFixtures.config(ApprovalsConfig.defaults()), false);
  }

  static CutoverWorkflow startAtGate(TestWorkflowEnvironment env, Worker worker, CutoverFixtures fx,
      String id, MigrationConfig config) {
    return startAtGate(env, worker, fx, id, config, false);
  }

  static CutoverWorkflow startAtGate(TestWorkflowEnvironment env, Worker worker, CutoverFixtures fx,
      String id, boolean searchAttributes) {
    return startAtGate(env, worker, fx, id, CutoverFixtures.config(ApprovalsConfig.defaults()), searchAttributes);
  }

  /**
   * Starts {@code config}'s cutover; with {@code searchAttributes} the run starts with its config and
   * kind as search attributes, as the CLI starts it on a server that has them.
   */
  static CutoverWorkflow startAtGate(TestWorkflowEnvironment env, Worker worker, CutoverFixtures fx,
      String id, MigrationConfig config, boolean searchAttributes) {
    worker.registerActivitiesImplementations(fx.activities());
    env.start();
    WorkflowOptions.Builder options = WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).setWorkflowId(id);
    if (searchAttributes) {
      options.setTypedSearchAttributes(RunSearchAttributes.atStart(config.name(), RunKind.CUTOVER.word()));
    }
    CutoverWorkflow workflow = env.getWorkflowClient().newWorkflowStub(CutoverWorkflow.class, options.build());
    WorkflowClient.start(workflow::cutover, new CutoverInput(config, "carol"));
    await().atMost(Duration.ofSeconds(20)).until(() -> workflow.progress() != null
        && Gates.CUTOVER.equals(workflow.progress().pendingGate()));
    return workflow;
  }

  private static void approve(CutoverWorkflow workflow) {
    workflow.approveGate(new Approval(Gates.CUTOVER, "alice", "CAB-1", "now"));
  }

  private static WorkflowExecutionHistory finish(TestWorkflowEnvironment env, CutoverWorkflow workflow, String id,
      Outcome expected) throws InterruptedException {
    approve(workflow);
    return expect(env, workflow, id, expected);
  }

  private static WorkflowExecutionHistory expect(TestWorkflowEnvironment env, CutoverWorkflow workflow, String id,
      Outcome expected) throws InterruptedException {
    Outcome outcome = WorkflowStub.fromTyped(workflow).getResult(CutoverReport.class).outcome();
    if (outcome != expected) {
      throw new IllegalStateException(id + " ended " + outcome + ", expected " + expected);
    }
    return Histories.settled(env, id);
  }

  private static WorkflowExecutionHistory rollBack(TestWorkflowEnvironment env, Worker worker, String id)
      throws InterruptedException {
    worker.registerActivitiesImplementations(new CutoverFixtures().activities());
    env.start();
    CutoverReport cutover = RollbackWorkflowTest.finishedCutover(Outcome.CUT_OVER, List.of(
        RollbackWorkflowTest.compensation("enableSourceIngestion", "disableSourceIngestion", CompensationRecord.Status.REGISTERED),
        RollbackWorkflowTest.compensation("reverseSync", "switchDns", CompensationRecord.Status.REGISTERED),
        RollbackWorkflowTest.compensation("restoreDns", "switchDns", CompensationRecord.Status.REGISTERED),
        RollbackWorkflowTest.compensation("disableTargetIngestion", "enableTargetIngestion",
            CompensationRecord.Status.REGISTERED)));
    RollbackWorkflow workflow = env.getWorkflowClient().newWorkflowStub(RollbackWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).setWorkflowId(id).build());
    Outcome outcome = workflow.rollBack(new RollbackInput(cutover, "bob", "ingestion lag in the new account")).outcome();
    if (outcome != Outcome.ROLLED_BACK) {
      throw new IllegalStateException(id + " ended " + outcome + ", expected ROLLED_BACK");
    }
    return Histories.settled(env, id);
  }
}
