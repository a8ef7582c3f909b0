package com.avesa.cutover.workflows.validation;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import com.avesa.cutover.workflows.histories.Histories;
import com.avesa.cutover.workflows.histories.Scenario;
import io.temporal.client.WorkflowOptions;
import java.util.List;

/** The validation's recorded path: two isolated tenants with new data and their secrets. */
public final class ValidationScenarios {
  private ValidationScenarios() {}

  public static List<Scenario> all() {
    return List.of(Scenario.closed("validation-done", List.of(PostCutoverValidationWorkflowImpl.class),
        (env, worker, id) -> {
          ValidationActivities activities = mock(ValidationActivities.class, withSettings().withoutAnnotations());
          when(activities.listTenants(any())).thenReturn(new TenantList(List.of("acme", "globex")));
          when(activities.checkTenantSecrets(any())).thenReturn(new TenantSecrets(List.of()));
          List<TenantObjects> tenants = List.of(new TenantObjects("acme", 10, 4, 3, 1),
              new TenantObjects("globex", 2, 2, 1, 0));
          when(activities.summarizeDataLake(any())).thenReturn(new DataLakeSummary("data-storage-msp-prod", 12, 4, 1,
              tenants, List.of(), List.of(), 0));
          worker.registerActivitiesImplementations(activities);
          env.start();
          env.getWorkflowClient().newWorkflowStub(PostCutoverValidationWorkflow.class,
              WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).setWorkflowId(id).build())
              .validate(new ValidationInput(PostCutoverValidationWorkflowTest.config(),
                  PostCutoverValidationWorkflowTest.SINCE, "carol"));
          return Histories.settled(env, id);
        }));
  }
}
