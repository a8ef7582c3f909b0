package com.avesa.cutover.workflows.infra;

import com.avesa.cutover.workflows.histories.Histories;
import com.avesa.cutover.workflows.histories.Scenario;
import com.avesa.cutover.workflows.runbook.PhaseInput;
import io.temporal.client.WorkflowOptions;
import java.util.List;

/** The infrastructure phase's recorded path: deploy, ensure the missing storage, find everything deployed. */
public final class InfrastructureScenarios {
  private InfrastructureScenarios() {}

  public static List<Scenario> all() {
    return List.of(Scenario.closed("infrastructure-done", List.of(InfrastructureWorkflowImpl.class),
        (env, worker, id) -> {
          worker.registerActivitiesImplementations(new InfraFixtures().activities());
          env.start();
          env.getWorkflowClient().newWorkflowStub(InfrastructureWorkflow.class,
              WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).setWorkflowId(id).build())
              .verify(new PhaseInput(InfraFixtures.config(InfraFixtures.DEPLOY), "carol"));
          return Histories.settled(env, id);
        }));
  }
}
