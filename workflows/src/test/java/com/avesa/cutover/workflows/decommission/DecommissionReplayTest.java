package com.avesa.cutover.workflows.decommission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.avesa.cutover.workflows.gate.Approval;
import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.runbook.Phases;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Determinism: the decommission replays the histories it produces — archive pages, the retention
 * timer, a refused signal and an approving update at the gate, detached removals; and a run
 * cancelled at the gate.
 */
@Timeout(90)
class DecommissionReplayTest {
  @RegisterExtension
  final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(DecommissionWorkflowImpl.class)
      .setDoNotStart(true)
      .build();

  private final DecommissionFixtures fx = new DecommissionFixtures();

  @Test
  void replaysAnApprovedDecommission(TestWorkflowEnvironment env, Worker worker) throws Exception {
    DecommissionWorkflow workflow = startAndReachTheGate(env, worker, "replay-approved");
    workflow.approve(new Approval(Phases.DECOMMISSION_GATE, "carol", "mine", null));
    workflow.approveGate(new Approval(Phases.DECOMMISSION_GATE, "alice", "CAB-1", null));
    DecommissionReport report = WorkflowStub.fromTyped(workflow).getResult(DecommissionReport.class);

    assertThat(report.outcome()).isEqualTo(PhaseOutcome.SUCCEEDED);
    assertThat(report.approvals()).extracting(ApprovalRecord::decision)
        .containsExactly(ApprovalRecord.Decision.REFUSED, ApprovalRecord.Decision.APPROVED);
    replay(env, "replay-approved");
  }

  @Test
  void replaysADecommissionCancelledAtTheGate(TestWorkflowEnvironment env, Worker worker) throws Exception {
    DecommissionWorkflow workflow = startAndReachTheGate(env, worker, "replay-cancelled");
    WorkflowStub.fromTyped(workflow).cancel();
    assertThatThrownBy(() -> WorkflowStub.fromTyped(workflow).getResult(DecommissionReport.class))
        .isInstanceOf(WorkflowFailedException.class);

    replay(env, "replay-cancelled");
  }

  private DecommissionWorkflow startAndReachTheGate(TestWorkflowEnvironment env, Worker worker, String id) {
    DecommissionWorkflow workflow = DecommissionScenarios.startInRetention(env, worker, fx, id);
    DecommissionScenarios.sleepToTheGate(env, workflow);
    return workflow;
  }

  private static void replay(TestWorkflowEnvironment env, String id) throws Exception {
    WorkflowExecutionHistory history = env.getWorkflowClient().fetchHistory(id);
    assertThat(history.getEvents()).hasSizeGreaterThan(15);
    WorkflowReplayer.replayWorkflowExecution(history, DecommissionWorkflowImpl.class);
  }
}
