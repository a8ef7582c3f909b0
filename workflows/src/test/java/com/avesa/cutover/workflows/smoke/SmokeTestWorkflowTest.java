package com.avesa.cutover.workflows.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.config.CutoverConfig;
import com.avesa.cutover.workflows.config.DataConfig;
import com.avesa.cutover.workflows.config.InfrastructureConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.config.RunbookConfig;
import com.avesa.cutover.workflows.config.SmokeTest;
import com.avesa.cutover.workflows.cutover.CutoverActivities;
import com.avesa.cutover.workflows.cutover.SmokeTestRequest;
import com.avesa.cutover.workflows.cutover.SmokeTestResult;
import com.avesa.cutover.workflows.estate.AccountConfig;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.runbook.PhaseInput;
import com.avesa.cutover.workflows.runbook.PhaseItem;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(60)
class SmokeTestWorkflowTest {
  private static final String INGESTION = "avesa-connectwise-ingestion-prod";
  private static final String TRANSFORM = "avesa-canonical-transform-prod";

  @RegisterExtension
  final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(SmokeTestWorkflowImpl.class)
      .setDoNotStart(true)
      .build();

  /** Every invocation as "side function payload", in order. */
  private final List<String> invoked = Collections.synchronizedList(new ArrayList<>());
  private final CutoverActivities functions = mock(CutoverActivities.class, withSettings().withoutAnnotations());

  private SmokeTestWorkflow start(TestWorkflowEnvironment env, Worker worker, MigrationConfig config) {
    worker.registerActivitiesImplementations(functions);
    env.start();
    SmokeTestWorkflow workflow = env.getWorkflowClient().newWorkflowStub(SmokeTestWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).setWorkflowId("smoke-test").build());
    WorkflowClient.start(workflow::test, new PhaseInput(config, "carol"));
    return workflow;
  }

  private void functionsAnswer(String failing) {
    lenient().when(functions.invokeFunction(any())).thenAnswer(i -> {
      SmokeTestRequest r = i.getArgument(0);
      invoked.add(r.side() + " " + r.function() + " " + r.payload());
      return r.function().equals(failing)
          ? new SmokeTestResult(r.function(), 200, "Unhandled", "{\"errorMessage\":\"KeyError: 'tenant_id'\"}")
          : new SmokeTestResult(r.function(), 200, null, r.payload());
    });
  }

  private static SmokeTestReport result(SmokeTestWorkflow workflow) {
    return WorkflowStub.fromTyped(workflow).getResult(SmokeTestReport.class);
  }

  @Test
  void invokesEachCutoverSmokeTestInTheTargetWithItsPayload(TestWorkflowEnvironment env, Worker worker) {
    functionsAnswer(null);
    SmokeTestWorkflow workflow = start(env, worker, config(List.of(new SmokeTest(INGESTION, "{\"test\":true,\"tenant\":\"acme\"}"),
        new SmokeTest(TRANSFORM, "{}")), List.of("ignored-when-smoke-tests-are-configured")));

    SmokeTestReport report = result(workflow);

    assertThat(invoked).containsExactly("TARGET " + INGESTION + " {\"test\":true,\"tenant\":\"acme\"}",
        "TARGET " + TRANSFORM + " {}");
    assertThat(report.outcome()).isEqualTo(PhaseOutcome.SUCCEEDED);
    assertThat(report.results()).extracting(SmokeTestResult::function).containsExactly(INGESTION, TRANSFORM);
    assertThat(report.changed()).isEmpty();
    assertThat(report.unchanged()).containsExactly(new PhaseItem("lambda function " + INGESTION, "passed (status 200)"),
        new PhaseItem("lambda function " + TRANSFORM, "passed (status 200)"));
    assertThat(report.problems()).isEmpty();
    assertThat(workflow.progress().outcome()).isEqualTo(PhaseOutcome.SUCCEEDED);
  }

  @Test
  void withoutSmokeTestsEachInfrastructureFunctionGetsTheRunbookTestPayload(TestWorkflowEnvironment env, Worker worker) {
    functionsAnswer(null);

    SmokeTestReport report = result(start(env, worker, config(null, List.of(INGESTION, TRANSFORM))));

    assertThat(invoked).containsExactly("TARGET " + INGESTION + " {\"test\":true}", "TARGET " + TRANSFORM + " {\"test\":true}");
    assertThat(report.outcome()).isEqualTo(PhaseOutcome.SUCCEEDED);
  }

  @Test
  void aFunctionErrorFailsTheRunAfterTestingTheRestWithTheReportAsDetail(TestWorkflowEnvironment env, Worker worker) {
    functionsAnswer(INGESTION);
    SmokeTestWorkflow workflow = start(env, worker, config(null, List.of(INGESTION, TRANSFORM)));

    WorkflowFailedException failed = catchThrowableOfType(WorkflowFailedException.class, () -> result(workflow));

    ApplicationFailure failure = (ApplicationFailure) failed.getCause();
    assertThat(failure.getType()).isEqualTo(FailureType.VERIFICATION_FAILED.type());
    assertThat(failure.getOriginalMessage()).contains("1 of 2").contains(INGESTION);
    SmokeTestReport report = failure.getDetails().get(0, SmokeTestReport.class);
    assertThat(report.outcome()).isEqualTo(PhaseOutcome.FAILED);
    assertThat(report.problems()).containsExactly("lambda function " + INGESTION
        + " failed: status 200, FunctionError Unhandled, response {\"errorMessage\":\"KeyError: 'tenant_id'\"}");
    assertThat(report.results()).extracting(SmokeTestResult::functionError).containsExactly("Unhandled", null);
    assertThat(report.unchanged()).containsExactly(new PhaseItem("lambda function " + TRANSFORM, "passed (status 200)"));
    assertThat(invoked).hasSize(2);
  }

  @Test
  void aFunctionThatCannotBeInvokedIsAProblemNamingIt(TestWorkflowEnvironment env, Worker worker) {
    lenient().when(functions.invokeFunction(any())).thenThrow(ApplicationFailure.newNonRetryableFailure(
        "invoke function " + INGESTION + " (target account 987654321098): not found", FailureType.NOT_FOUND.type()));
    SmokeTestWorkflow workflow = start(env, worker, config(null, List.of(INGESTION)));

    WorkflowFailedException failed = catchThrowableOfType(WorkflowFailedException.class, () -> result(workflow));

    SmokeTestReport report = ((ApplicationFailure) failed.getCause()).getDetails().get(0, SmokeTestReport.class);
    assertThat(report.problems()).containsExactly("lambda function " + INGESTION + ": invoke function " + INGESTION
        + " (target account 987654321098): not found");
    assertThat(report.results()).isEmpty();
  }

  @Test
  void withNoFunctionConfiguredNothingIsTestedAndTheRunSaysSo(TestWorkflowEnvironment env, Worker worker) {
    functionsAnswer(null);

    SmokeTestReport report = result(start(env, worker, config(null, List.of())));

    assertThat(report.outcome()).isEqualTo(PhaseOutcome.SUCCEEDED);
    assertThat(report.unchanged()).containsExactly(new PhaseItem("smoke tests", "none configured"));
    assertThat(report.problems()).isEmpty();
    assertThat(report.results()).isEmpty();
    assertThat(invoked).isEmpty();
  }

  @Test
  void replaysItsOwnHistory(TestWorkflowEnvironment env, Worker worker) throws Exception {
    functionsAnswer(null);
    result(start(env, worker, config(null, List.of(INGESTION, TRANSFORM))));

    WorkflowExecutionHistory history = env.getWorkflowClient().fetchHistory("smoke-test");

    WorkflowReplayer.replayWorkflowExecution(history, SmokeTestWorkflowImpl.class);
    assertThat(history.getEvents()).hasSizeGreaterThan(10);
  }

  /** A config with {@code smokeTests} in its cutover section (none when null) and these infrastructure functions. */
  static MigrationConfig config(List<SmokeTest> smokeTests, List<String> functions) {
    RunbookConfig defaults = RunbookConfig.defaults("987654321098", null, null);
    CutoverConfig cutover = smokeTests == null ? null
        : new CutoverConfig(null, null, null, null, List.of(), List.of(), null, smokeTests, null, null);
    return new MigrationConfig("avesa-test", "us-east-1", "http://127.0.0.1:5000",
        new AccountConfig("123456789012", null, null, null),
        new AccountConfig("987654321098", null, "arn:aws:iam::987654321098:role/AVESADeploymentRole", "ext-id"),
        new DataConfig(List.of(), List.of(), null, 8, null, 2), cutover, null,
        new RunbookConfig(defaults.account(), defaults.role(), defaults.security(),
            new InfrastructureConfig(null, List.of(), functions, List.of()), defaults.tenants(), null));
  }
}
