package com.avesa.cutover.workflows.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.workflows.RecordedHistories;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Determinism: the workflow code must replay histories it produced, including the one recorded
 * when this version shipped (src/test/resources/histories; never re-recorded: its MANIFEST line pins it).
 */
class DataMigrationReplayTest {
  private static final String RECORDED = "/histories/data-migration-copy.json";

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(DataMigrationWorkflowImpl.class)
      .setDoNotStart(true)
      .build();

  @Test
  void replaysTheHistoryOfAFreshCopyRun(TestWorkflowEnvironment env, Worker worker) throws Exception {
    worker.registerActivitiesImplementations(new MigrationFixtures().answering(3).activities());
    env.start();
    DataMigrationWorkflow workflow = env.getWorkflowClient().newWorkflowStub(DataMigrationWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).setWorkflowId("replay-copy").build());
    MigrationReport report = workflow.migrate(MigrationInput.of(MigrationFixtures.config(List.of("raw/")), Mode.COPY));
    assertThat(report.verified()).isTrue();

    WorkflowExecutionHistory history = env.getWorkflowClient().fetchHistory("replay-copy");
    assertThat(history.getEvents()).hasSizeGreaterThan(20);
    WorkflowReplayer.replayWorkflowExecution(history, DataMigrationWorkflowImpl.class);

    RecordedHistories.recordIfAsked(history);
  }

  @Test
  void replaysTheRecordedHistory() throws Exception {
    RecordedHistories.replay(RECORDED, "replay-copy", DataMigrationWorkflowImpl.class);
  }


}
