package com.avesa.cutover.workflows.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.workflows.decommission.DecommissionWorkflow;
import com.avesa.cutover.workflows.decommission.DecommissionWorkflowImpl;
import com.avesa.cutover.workflows.decommission.PagedSource;
import com.avesa.cutover.workflows.gate.Approval;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.run.RunIds;
import com.avesa.cutover.workflows.runbook.PhaseProgress;
import com.avesa.cutover.workflows.runbook.Phases;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The isolation run waits for its decommission child through the child's continue-as-new: the
 * child's id stays, its gate is approved through that id in the chain's last run, and the parent
 * records the last run's report.
 */
@Timeout(240)
class IsolationDecommissionContinueAsNewTest {
  private static final String CHILD_ID = RunIds.phaseChild(ProductionIsolationWorkflowTest.RUN_ID, Phases.DECOMMISSION);
  private static final long KEYS = 6_000;

  @RegisterExtension
  final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(ProductionIsolationWorkflowImpl.class, DecommissionWorkflowImpl.class)
      .registerWorkflowImplementationTypes(ScriptedPhases.Account.class, ScriptedPhases.Infrastructure.class,
          ScriptedPhases.Migration.class, ScriptedPhases.Smoke.class, ScriptedPhases.Cutover.class,
          ScriptedPhases.Validation.class)
      .setDoNotStart(true)
      .build();

  @BeforeEach
  void resetScript() {
    ScriptedPhases.reset();
  }

  @Test
  void theIsolationRunGetsTheReportOfItsDecommissionChildsLastRun(TestWorkflowEnvironment env, Worker worker) {
    PagedSource source = new PagedSource(KEYS, 20);
    worker.registerActivitiesImplementations(source.activities);
    env.start();
    ProductionIsolationWorkflow workflow = ProductionIsolationWorkflowTest.start(env, worker, IsolationFixtures.config());
    ProductionIsolationWorkflowTest.awaitExecuteGate(workflow);
    workflow.approveGate(new Approval(Phases.EXECUTE_GATE, "alice", "CHG-1", null));
    Instant deadline = Instant.now().plusSeconds(150);
    while (source.archivePages() < source.pages() && Instant.now().isBefore(deadline)) {
      env.sleep(Duration.ofMinutes(10));
    }
    env.sleep(Duration.ofDays(31));
    DecommissionWorkflow child = env.getWorkflowClient().newWorkflowStub(DecommissionWorkflow.class, CHILD_ID);
    while (!Phases.DECOMMISSION_GATE.equals(pendingGate(child)) && Instant.now().isBefore(deadline)) {
      env.sleep(Duration.ofMinutes(1));
    }
    child.approveGate(new Approval(Phases.DECOMMISSION_GATE, "dave", "CHG-9", null));

    IsolationReport report = ProductionIsolationWorkflowTest.result(workflow);

    PhaseRecord decommission = report.phases().stream().filter(p -> p.phase().equals(Phases.DECOMMISSION))
        .findFirst().orElseThrow();
    assertThat(report.outcome()).isEqualTo(PhaseOutcome.SUCCEEDED);
    assertThat(decommission.status()).isEqualTo(PhaseRecord.Status.SUCCEEDED);
    assertThat(decommission.counts()).containsEntry("archived", KEYS).containsEntry("removed", 3L);
    assertThat(report.approvals()).anyMatch(a -> a.approver().equals("dave") && a.gate().equals(Phases.DECOMMISSION_GATE));
    WorkflowExecutionHistory parent = env.getWorkflowClient().fetchHistory(ProductionIsolationWorkflowTest.RUN_ID);
    String firstChildRun = parent.getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED)
        .map(HistoryEvent::getChildWorkflowExecutionStartedEventAttributes)
        .filter(a -> a.getWorkflowExecution().getWorkflowId().equals(CHILD_ID))
        .map(a -> a.getWorkflowExecution().getRunId()).findFirst().orElseThrow();
    WorkflowExecutionHistory first = env.getWorkflowClient().fetchHistory(CHILD_ID, firstChildRun);
    assertThat(first.getLastEvent().getEventType()).isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
    assertThat(parent.getEvents()).filteredOn(e -> e.getEventType() == EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_COMPLETED)
        .anyMatch(e -> e.getChildWorkflowExecutionCompletedEventAttributes().getWorkflowExecution().getWorkflowId()
            .equals(CHILD_ID));
  }

  private static String pendingGate(DecommissionWorkflow child) {
    PhaseProgress progress = child.progress();
    return progress == null ? null : progress.pendingGate();
  }
}
