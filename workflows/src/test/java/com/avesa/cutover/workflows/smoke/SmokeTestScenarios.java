package com.avesa.cutover.workflows.smoke;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import com.avesa.cutover.workflows.config.SmokeTest;
import com.avesa.cutover.workflows.cutover.CutoverActivities;
import com.avesa.cutover.workflows.cutover.SmokeTestRequest;
import com.avesa.cutover.workflows.cutover.SmokeTestResult;
import com.avesa.cutover.workflows.histories.Histories;
import com.avesa.cutover.workflows.histories.Scenario;
import com.avesa.cutover.workflows.runbook.PhaseInput;
import io.temporal.client.WorkflowOptions;
import java.util.List;

/** The smoke test's recorded path: two target functions invoked, both pass. */
public final class SmokeTestScenarios {
  private SmokeTestScenarios() {}

  public static List<Scenario> all() {
    return List.of(Scenario.closed("smoke-test-done", List.of(SmokeTestWorkflowImpl.class), (env, worker, id) -> {
      CutoverActivities functions = mock(CutoverActivities.class, withSettings().withoutAnnotations());
      when(functions.invokeFunction(any())).thenAnswer(i -> {
        SmokeTestRequest r = i.getArgument(0);
        return new SmokeTestResult(r.function(), 200, null, r.payload());
      });
      worker.registerActivitiesImplementations(functions);
      env.start();
      env.getWorkflowClient().newWorkflowStub(SmokeTestWorkflow.class,
          WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).setWorkflowId(id).build())
          .test(new PhaseInput(SmokeTestWorkflowTest.config(List.of(
              new SmokeTest("avesa-connectwise-ingestion-prod", "{\"test\":true}"),
              new SmokeTest("avesa-canonical-transform-prod", "{}")), List.of()), "carol"));
      return Histories.settled(env, id);
    }));
  }
}
