package com.avesa.cutover.workflows.sync;

import com.avesa.cutover.workflows.histories.Histories;
import com.avesa.cutover.workflows.histories.Scenario;
import io.temporal.client.WorkflowOptions;
import java.util.List;

/** The final sync's recorded path: one verified SYNC child run and its lag. */
public final class FinalSyncScenarios {
  private FinalSyncScenarios() {}

  public static List<Scenario> all() {
    return List.of(Scenario.closed("final-sync-done",
        List.of(FinalSyncWorkflowImpl.class, FinalSyncWorkflowTest.StubMigration.class), (env, worker, id) -> {
          env.start();
          env.getWorkflowClient().newWorkflowStub(FinalSyncWorkflow.class,
              WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).setWorkflowId(id).build())
              .sync(new FinalSyncInput(FinalSyncWorkflowTest.config("warm"), "hourly"));
          return Histories.settled(env, id);
        }));
  }
}
