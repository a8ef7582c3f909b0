package com.avesa.cutover.workflows.account;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import com.avesa.cutover.workflows.histories.Histories;
import com.avesa.cutover.workflows.histories.Scenario;
import com.avesa.cutover.workflows.runbook.PhaseInput;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;

/**
 * The account setup's recorded paths: Organizations still creating the account (the run polls on a
 * timer); an account created after a poll, then the role and the whole baseline.
 */
public final class AccountSetupScenarios {
  private static final List<Class<?>> SETUP = List.of(AccountSetupWorkflowImpl.class);
  private static final AccountCreation CREATING = new AccountCreation("car-1", AccountCreation.State.IN_PROGRESS, null,
      null, false);

  private AccountSetupScenarios() {}

  public static List<Scenario> all() {
    return List.of(
        Scenario.open("account-setup-creating-account", SETUP, (env, worker, id) -> {
          AccountSetupFixtures fx = new AccountSetupFixtures().firstRun();
          when(fx.setup.createAccount(any())).thenReturn(CREATING);
          when(fx.setup.accountCreationStatus(any())).thenReturn(CREATING);
          WorkflowClient.start(start(env, worker, fx, id)::setUp,
              new PhaseInput(AccountSetupFixtures.creatingAccount(), "carol"));
          return Histories.settled(env, id);
        }),
        Scenario.closed("account-setup-done", SETUP, (env, worker, id) -> {
          AccountSetupFixtures fx = new AccountSetupFixtures().firstRun();
          when(fx.setup.createAccount(any())).thenReturn(CREATING);
          when(fx.setup.accountCreationStatus(any())).thenReturn(new AccountCreation("car-1",
              AccountCreation.State.SUCCEEDED, AccountSetupFixtures.NEW_ACCOUNT, null, false));
          AccountSetupWorkflow workflow = start(env, worker, fx, id);
          WorkflowClient.start(workflow::setUp, new PhaseInput(AccountSetupFixtures.creatingAccount(), "carol"));
          WorkflowStub.fromTyped(workflow).getResult(AccountSetupReport.class);
          return Histories.settled(env, id);
        }));
  }

  private static AccountSetupWorkflow start(TestWorkflowEnvironment env, Worker worker, AccountSetupFixtures fx,
      String id) {
    worker.registerActivitiesImplementations(fx.activities());
    env.start();
    return env.getWorkflowClient().newWorkflowStub(AccountSetupWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).setWorkflowId(id).build());
  }
}
