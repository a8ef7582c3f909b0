package com.avesa.cutover.workflows.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.runbook.PhaseInput;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Determinism: the setup replays the history it produces — account creation polled across
 * timers, then a baseline failure compensated in reverse.
 */
@Timeout(60)
class AccountSetupReplayTest {
  @RegisterExtension
  final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(AccountSetupWorkflowImpl.class)
      .setDoNotStart(true)
      .build();

  @Test
  void replaysACreatedAccountWhoseBaselineFailedAndWasCompensated(TestWorkflowEnvironment env, Worker worker)
      throws Exception {
    AccountSetupFixtures fx = new AccountSetupFixtures().firstRun();
    when(fx.setup.createAccount(any())).thenReturn(
        new AccountCreation("car-1", AccountCreation.State.IN_PROGRESS, null, null, false));
    when(fx.setup.accountCreationStatus(any())).thenReturn(
        new AccountCreation("car-1", AccountCreation.State.SUCCEEDED, AccountSetupFixtures.NEW_ACCOUNT, null, false));
    when(fx.baseline.ensureBillingAlarm(any())).thenThrow(ApplicationFailure.newNonRetryableFailure(
        "alarm refused", FailureType.ACCESS_DENIED.type()));
    worker.registerActivitiesImplementations(fx.activities());
    env.start();
    AccountSetupWorkflow workflow = env.getWorkflowClient().newWorkflowStub(AccountSetupWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).setWorkflowId("replay-account").build());
    WorkflowClient.start(workflow::setUp, new PhaseInput(AccountSetupFixtures.creatingAccount(), "carol"));
    assertThat(catchThrowable(() -> WorkflowStub.fromTyped(workflow).getResult(AccountSetupReport.class)))
        .isInstanceOf(WorkflowFailedException.class);

    WorkflowExecutionHistory history = env.getWorkflowClient().fetchHistory("replay-account");
    assertThat(history.getEvents()).hasSizeGreaterThan(30);
    WorkflowReplayer.replayWorkflowExecution(history, AccountSetupWorkflowImpl.class);
  }
}
