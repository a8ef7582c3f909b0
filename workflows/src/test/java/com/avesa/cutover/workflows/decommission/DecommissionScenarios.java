package com.avesa.cutover.workflows.decommission;

import static org.awaitility.Awaitility.await;

import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.gate.Approval;
import com.avesa.cutover.workflows.histories.Histories;
import com.avesa.cutover.workflows.histories.Scenario;
import com.avesa.cutover.workflows.runbook.PhaseInput;
import com.avesa.cutover.workflows.runbook.Phases;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;

/**
 * The decommission's recorded paths: archived and waiting in its 30-day retention; at its gate
 * after a refused signal; approved and done.
 */
public final class DecommissionScenarios {
  private static final List<Class<?>> DECOMMISSION = List.of(DecommissionWorkflowImpl.class);

  private DecommissionScenarios() {}

  public static List<Scenario> all() {
    return List.of(
        Scenario.open("decommission-retention", DECOMMISSION, (env, worker, id) -> {
          startInRetention(env, worker, new DecommissionFixtures(), id);
          return Histories.settled(env, id);
        }),
        Scenario.open("decommission-at-gate", DECOMMISSION, (env, worker, id) -> {
          atTheGate(env, worker, id);
          return Histories.settled(env, id);
        }),
        Scenario.closed("decommission-done", DECOMMISSION, (env, worker, id) -> {
          DecommissionWorkflow workflow = atTheGate(env, worker, id);
          workflow.approveGate(new Approval(Phases.DECOMMISSION_GATE, "alice", "CAB-1", null));
          WorkflowStub.fromTyped(workflow).getResult(DecommissionReport.class);
          return Histories.settled(env, id);
        }));
  }

  static DecommissionWorkflow startInRetention(TestWorkflowEnvironment env, Worker worker, DecommissionFixtures fx,
      String id) {
    worker.registerActivitiesImplementations(fx.activities);
    env.start();
    DecommissionWorkflow workflow = env.getWorkflowClient().newWorkflowStub(DecommissionWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).setWorkflowId(id).build());
    WorkflowClient.start(workflow::decommission,
        new PhaseInput(DecommissionFixtures.config(ApprovalsConfig.defaults()), "carol"), null);
    await().atMost(Duration.ofSeconds(20)).until(() -> workflow.progress() != null
        && DecommissionState.RETENTION.equals(workflow.progress().phase()));
    return workflow;
  }

  /** Skips the 30-day retention until the run's gate is pending. */
  static void sleepToTheGate(TestWorkflowEnvironment env, DecommissionWorkflow workflow) {
    env.sleep(Duration.ofDays(31));
    await().atMost(Duration.ofSeconds(20)).until(() -> Phases.DECOMMISSION_GATE.equals(workflow.progress().pendingGate()));
  }

  private static DecommissionWorkflow atTheGate(TestWorkflowEnvironment env, Worker worker, String id) {
    DecommissionWorkflow workflow = startInRetention(env, worker, new DecommissionFixtures(), id);
    sleepToTheGate(env, workflow);
    workflow.approve(new Approval(Phases.DECOMMISSION_GATE, "carol", "mine", null));
    await().atMost(Duration.ofSeconds(20)).until(() -> !workflow.progress().approvals().isEmpty());
    return workflow;
  }
}
