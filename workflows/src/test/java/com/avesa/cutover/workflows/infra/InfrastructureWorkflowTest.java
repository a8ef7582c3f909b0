package com.avesa.cutover.workflows.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;

import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.RecordedHistories;
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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(60)
class InfrastructureWorkflowTest {
  private static final PhaseItem BUCKET_IN_PLACE = new PhaseItem("s3 bucket " + InfraFixtures.BUCKET, PhaseItem.IN_PLACE);
  private static final PhaseItem TABLE_IN_PLACE = new PhaseItem("dynamodb table " + InfraFixtures.TABLE, PhaseItem.IN_PLACE);
  private static final List<PhaseItem> DEPLOYED = List.of(
      new PhaseItem("cloudformation stack " + InfraFixtures.STACK, "CREATE_COMPLETE"),
      new PhaseItem("lambda function " + InfraFixtures.FUNCTION, "Active"),
      new PhaseItem("eventbridge rule " + InfraFixtures.RULE, "DISABLED"));

  @RegisterExtension
  final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(InfrastructureWorkflowImpl.class)
      .setDoNotStart(true)
      .build();

  private final InfraFixtures fx = new InfraFixtures();

  private InfrastructureWorkflow start(TestWorkflowEnvironment env, Worker worker, String workflowId,
      PhaseInput input) {
    if (!env.isStarted()) {
      worker.registerActivitiesImplementations(fx.activities());
      env.start();
    }
    InfrastructureWorkflow workflow = env.getWorkflowClient().newWorkflowStub(InfrastructureWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).setWorkflowId(workflowId).build());
    WorkflowClient.start(workflow::verify, input);
    return workflow;
  }

  private static InfrastructureReport result(InfrastructureWorkflow workflow) {
    return WorkflowStub.fromTyped(workflow).getResult(InfrastructureReport.class);
  }

  private static ApplicationFailure failure(InfrastructureWorkflow workflow) {
    WorkflowFailedException failed = catchThrowableOfType(WorkflowFailedException.class, () -> result(workflow));
    assertThat(failed).as("the run should have failed").isNotNull();
    return (ApplicationFailure) failed.getCause();
  }

  private static PhaseInput withDeploy() {
    return new PhaseInput(InfraFixtures.config(InfraFixtures.DEPLOY), "carol");
  }

  private static PhaseInput withoutDeploy() {
    return new PhaseInput(InfraFixtures.config(null), "carol");
  }

  @Test
  void deploysThenCreatesMissingStorageThenFindsEverythingDeployed(TestWorkflowEnvironment env, Worker worker) {
    InfrastructureWorkflow workflow = start(env, worker, "infra-test", withDeploy());

    InfrastructureReport report = result(workflow);

    assertThat(fx.journal).containsExactly(
        "deploy cdk-deploy as arn:aws:iam::987654321098:role/AVESADeploymentRole",
        "inspect [data-storage-msp-prod] [TenantServices]",
        "ensure bucket data-storage-msp-prod TARGET",
        "ensure table TenantServices like TenantServices-prod TARGET",
        "verify [AVESADataPipeline-prod] [avesa-connectwise-ingestion-prod] [ConnectWiseIngestionSchedule]");
    assertThat(report.outcome()).isEqualTo(PhaseOutcome.SUCCEEDED);
    assertThat(report.workflowId()).isEqualTo("infra-test");
    assertThat(report.deployExitCode()).isZero();
    assertThat(report.deployOutputTail()).isEqualTo("AVESADataPipeline-prod: no changes");
    assertThat(report.changed()).containsExactly(
        new PhaseItem("s3 bucket " + InfraFixtures.BUCKET, "created"),
        new PhaseItem("dynamodb table " + InfraFixtures.TABLE, "created"));
    assertThat(report.unchanged()).containsExactlyElementsOf(DEPLOYED);
    assertThat(report.missing()).isEmpty();
    assertThat(report.problems()).isEmpty();
    assertThat(report.ended()).isAfterOrEqualTo(report.started());
    assertThat(workflow.progress()).satisfies(p -> {
      assertThat(p.phase()).isEqualTo("DONE");
      assertThat(p.outcome()).isEqualTo(PhaseOutcome.SUCCEEDED);
      assertThat(p.changed()).hasSize(2);
    });
  }

  @Test
  void aSecondRunChangesNothingAndSaysSoItemByItem(TestWorkflowEnvironment env, Worker worker) {
    result(start(env, worker, "infra-first", withoutDeploy()));
    fx.journal.clear();

    InfrastructureReport second = result(start(env, worker, "infra-second", withoutDeploy()));

    assertThat(second.outcome()).isEqualTo(PhaseOutcome.SUCCEEDED);
    assertThat(second.changed()).isEmpty();
    assertThat(second.unchanged()).containsExactly(BUCKET_IN_PLACE, TABLE_IN_PLACE, DEPLOYED.get(0), DEPLOYED.get(1),
        DEPLOYED.get(2));
    assertThat(fx.journal).noneMatch(call -> call.startsWith("ensure"));
  }

  @Test
  void withoutADeployCommandNothingIsRunAndNoExitCodeReported(TestWorkflowEnvironment env, Worker worker) {
    InfrastructureReport report = result(start(env, worker, "infra-test", withoutDeploy()));

    assertThat(fx.journal).noneMatch(call -> call.startsWith("deploy"));
    assertThat(report.deployExitCode()).isNull();
    assertThat(report.deployOutputTail()).isNull();
  }

  @Test
  void storageShortOfTheBaselineIsCompletedAndReportedAsChanged(TestWorkflowEnvironment env, Worker worker) {
    fx.existing.put(InfraFixtures.BUCKET, List.of("versioning", "public access block"));
    fx.existing.put(InfraFixtures.TABLE, List.of());

    InfrastructureReport report = result(start(env, worker, "infra-test", withoutDeploy()));

    assertThat(report.changed()).containsExactly(
        new PhaseItem("s3 bucket " + InfraFixtures.BUCKET, "set versioning, public access block"));
    assertThat(report.unchanged()).startsWith(TABLE_IN_PLACE);
    assertThat(fx.journal).contains("ensure bucket data-storage-msp-prod TARGET")
        .noneMatch(call -> call.startsWith("ensure table"));
  }

  @Test
  void anythingMissingFailsTheRunWithTheReportNamingEachOne(TestWorkflowEnvironment env, Worker worker) {
    fx.missing.add("lambda function avesa-connectwise-ingestion-prod not found in account 987654321098");
    fx.missing.add("cloudformation stack AVESADataPipeline-prod is ROLLBACK_COMPLETE in account 987654321098: "
        + "it failed to create and was rolled back; delete it and deploy again");

    ApplicationFailure failure = failure(start(env, worker, "infra-test", withoutDeploy()));

    assertThat(failure.getType()).isEqualTo(FailureType.NOT_FOUND.type());
    assertThat(failure.getOriginalMessage()).contains("2 missing")
        .contains("lambda function avesa-connectwise-ingestion-prod not found in account 987654321098");
    InfrastructureReport report = failure.getDetails().get(0, InfrastructureReport.class);
    assertThat(report.outcome()).isEqualTo(PhaseOutcome.FAILED);
    assertThat(report.missing()).containsExactlyElementsOf(fx.missing);
    assertThat(report.changed()).hasSize(2);
  }

  @Test
  void aFailedDeployFailsTheRunWithExitCodeAndTailAndChecksNothing(TestWorkflowEnvironment env, Worker worker) {
    doThrow(ApplicationFailure.newNonRetryableFailure("deploy command cdk deploy --all exited with 3 (in infrastructure);"
        + " last output: AVESADataPipeline-prod failed: Resource handler returned message", FailureType.BAD_CONFIG.type(),
        new DeployResult(3, "synthesizing\nAVESADataPipeline-prod failed: Resource handler returned message")))
        .when(fx.infra).runDeployCommand(any());
    InfrastructureWorkflow workflow = start(env, worker, "infra-test", withDeploy());

    ApplicationFailure failure = failure(workflow);

    assertThat(failure.getType()).isEqualTo(FailureType.BAD_CONFIG.type());
    assertThat(failure.getOriginalMessage()).contains("exited with 3");
    InfrastructureReport report = failure.getDetails().get(0, InfrastructureReport.class);
    assertThat(report.outcome()).isEqualTo(PhaseOutcome.FAILED);
    assertThat(report.deployExitCode()).isEqualTo(3);
    assertThat(report.deployOutputTail()).endsWith("AVESADataPipeline-prod failed: Resource handler returned message");
    assertThat(report.problems()).singleElement().asString().startsWith("deploy (cdk-deploy): ")
        .contains("exited with 3");
    assertThat(report.changed()).isEmpty();
    assertThat(fx.journal).isEmpty();
    assertThat(workflow.progress().phase()).isEqualTo("FAILED");
  }

  @Test
  void aNamedDeploySendsTheWorkerOnlyTheNameTheEstateAndTheRunsNames(TestWorkflowEnvironment env, Worker worker) {
    List<DeployRequest> sent = new CopyOnWriteArrayList<>();
    doAnswer(i -> {
      sent.add(i.getArgument(0));
      return new DeployResult(0, "done");
    }).when(fx.infra).runDeployCommand(any());
    PhaseInput input = withDeploy();

    result(start(env, worker, "infra-test", input));

    assertThat(sent).singleElement().satisfies(request -> {
      assertThat(request.name()).isEqualTo("cdk-deploy");
      assertThat(request.command()).isEmpty();
      assertThat(request.workdir()).isNull();
      assertThat(request.timeout()).isNull();
      assertThat(request.estate()).isEqualTo(input.config().estate());
      assertThat(request.environment()).isEqualTo(DeployRequest.describe(input.config()))
          .containsOnlyKeys(DeployRequest.AVESA_VARIABLES);
    });
  }

  @Test
  void aRunCarryingAnArgvSendsItAsBeforeAndFailsWithTheWorkersRefusal(TestWorkflowEnvironment env, Worker worker) {
    List<DeployRequest> sent = new CopyOnWriteArrayList<>();
    doAnswer(i -> {
      sent.add(i.getArgument(0));
      throw ApplicationFailure.newNonRetryableFailure("deploy refused: argvs from workflow input are no longer run",
          FailureType.DEPLOY_NOT_ALLOWED.type());
    }).when(fx.infra).runDeployCommand(any());
    InfrastructureWorkflow workflow = start(env, worker, "infra-test",
        new PhaseInput(InfraFixtures.config(InfraFixtures.ARGV_DEPLOY), "carol"));

    ApplicationFailure failure = failure(workflow);

    assertThat(sent).singleElement().isEqualTo(new DeployRequest(List.of("cdk", "deploy", "--all"), "infrastructure",
        Duration.ofMinutes(30), DeployRequest.describe(InfraFixtures.config(InfraFixtures.ARGV_DEPLOY))));
    assertThat(failure.getType()).isEqualTo(FailureType.DEPLOY_NOT_ALLOWED.type());
    assertThat(failure.getOriginalMessage()).isEqualTo("deploy refused: argvs from workflow input are no longer run");
    InfrastructureReport report = failure.getDetails().get(0, InfrastructureReport.class);
    assertThat(report.deployExitCode()).as("nothing ran").isNull();
    assertThat(report.problems()).singleElement().asString()
        .isEqualTo("deploy (cdk deploy --all in infrastructure): deploy refused: argvs from workflow input are no longer run");
    assertThat(fx.journal).as("nothing checked or created after the refusal").isEmpty();
  }

  @Test
  void replaysARunThatDeployedAnArgvFromItsInputAsShipped() throws Exception {
    RecordedHistories.replay("/histories/infrastructure-deploy-argv.json", "infra-replay",
        InfrastructureWorkflowImpl.class);
  }

  @Test
  void replaysItsOwnHistory(TestWorkflowEnvironment env, Worker worker) throws Exception {
    result(start(env, worker, "infra-replay", withDeploy()));

    WorkflowExecutionHistory history = env.getWorkflowClient().fetchHistory("infra-replay");
    RecordedHistories.recordIfAsked(history);

    WorkflowReplayer.replayWorkflowExecution(history, InfrastructureWorkflowImpl.class);
    assertThat(history.getEvents()).hasSizeGreaterThan(10);
  }
}
