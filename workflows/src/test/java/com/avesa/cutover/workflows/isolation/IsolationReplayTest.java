package com.avesa.cutover.workflows.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.workflows.RecordedHistories;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Determinism: a worker restarted mid-run replays the isolation's history — nine phases, child
 * runs, the execute gate's update and a 30-day wait — including the one recorded when this version
 * shipped (src/test/resources/histories; never re-recorded: its MANIFEST line pins it).
 */
@Timeout(90)
class IsolationReplayTest {
  private static final String RECORDED = "/histories/isolation-succeeded.json";

  @RegisterExtension
  final TestWorkflowExtension testWorkflow = IsolationFixtures.extension();

  @BeforeEach
  void resetScript() {
    ScriptedPhases.reset();
  }

  @Test
  void replaysTheHistoryOfACompleteRun(TestWorkflowEnvironment env, Worker worker) throws Exception {
    ProductionIsolationWorkflow workflow = ProductionIsolationWorkflowTest.start(env, worker,
        IsolationFixtures.config());
    IsolationReport report = ProductionIsolationWorkflowTest.approveAndFinish(workflow);
    assertThat(report.outcome()).isEqualTo(PhaseOutcome.SUCCEEDED);

    WorkflowExecutionHistory history = env.getWorkflowClient().fetchHistory(ProductionIsolationWorkflowTest.RUN_ID);
    assertThat(history.getEvents()).hasSizeGreaterThan(40);
    WorkflowReplayer.replayWorkflowExecution(history, ProductionIsolationWorkflowImpl.class);

    RecordedHistories.recordIfAsked(history);
  }

  @Test
  void replaysTheRecordedHistory() throws Exception {
    RecordedHistories.replay(RECORDED, ProductionIsolationWorkflowTest.RUN_ID, ProductionIsolationWorkflowImpl.class);
  }
}
