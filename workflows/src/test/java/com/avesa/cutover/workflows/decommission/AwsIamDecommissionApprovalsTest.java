package com.avesa.cutover.workflows.decommission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.avesa.cutover.workflows.approval.ApprovalProof;
import com.avesa.cutover.workflows.approval.CallerIdentity;
import com.avesa.cutover.workflows.approval.CallerProof;
import com.avesa.cutover.workflows.approval.FakeSts;
import com.avesa.cutover.workflows.approval.IdentityActivities;
import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.gate.Approval;
import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.avesa.cutover.workflows.gate.GateKeeper;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.runbook.PhaseInput;
import com.avesa.cutover.workflows.runbook.PhaseProgress;
import com.avesa.cutover.workflows.runbook.Phases;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The decommission gate (the {@code GateKeeper} every non-cutover gated run shares) under aws-iam. */
@Timeout(90)
class AwsIamDecommissionApprovalsTest {
  private static final String ID = "decommission-test";
  private static final String CAROL = "arn:aws:iam::123456789012:user/carol";
  private static final String ALICE = "arn:aws:iam::123456789012:user/alice";

  @RegisterExtension
  final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(DecommissionWorkflowImpl.class)
      .setDoNotStart(true)
      .build();

  private final DecommissionFixtures fx = new DecommissionFixtures();
  private final FakeSts sts = new FakeSts().person("AKIDCAROL", CAROL).person("AKIDALICE", ALICE);

  private DecommissionWorkflow start(TestWorkflowEnvironment env, Worker worker, boolean withProof) {
    worker.registerActivitiesImplementations(fx.activities);
    worker.registerActivitiesImplementations(sts);
    env.start();
    var config = DecommissionFixtures.config(new ApprovalsConfig(List.of(CAROL, ALICE), 1, true, false, null,
        ApprovalsConfig.AWS_IAM));
    DecommissionWorkflow workflow = env.getWorkflowClient().newWorkflowStub(DecommissionWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).setWorkflowId(ID).build());
    String proof = withProof ? FakeSts.proof("AKIDCAROL", ApprovalProof.startDigest(ID, config.name()),
        Instant.ofEpochMilli(env.currentTimeMillis()), "sts") : null;
    WorkflowClient.start(workflow::decommission, new PhaseInput(config, "carol", proof), null);
    return workflow;
  }

  private DecommissionWorkflow atTheGate(TestWorkflowEnvironment env, Worker worker) {
    DecommissionWorkflow workflow = start(env, worker, true);
    awaitPhase(workflow, DecommissionState.RETENTION);
    env.sleep(Duration.ofDays(30).plusHours(1));
    awaitPhase(workflow, DecommissionState.GATE);
    return workflow;
  }

  private static void awaitPhase(DecommissionWorkflow workflow, String phase) {
    await().atMost(Duration.ofSeconds(20)).until(() -> {
      PhaseProgress p = workflow.progress();
      return p != null && phase.equals(p.phase());
    });
  }

  private static Approval approval(TestWorkflowEnvironment env, String key) {
    String digest = ApprovalProof.digest(ID, Phases.DECOMMISSION_GATE, ApprovalProof.APPROVE, "CAB-140", null);
    return new Approval(Phases.DECOMMISSION_GATE, "someone", "CAB-140", null,
        FakeSts.proof(key, digest, Instant.ofEpochMilli(env.currentTimeMillis()), "sts"));
  }

  @Test
  void anotherPersonsSignedApprovalOpensTheGateAndTheReportNamesTheirArn(TestWorkflowEnvironment env, Worker worker) {
    DecommissionWorkflow workflow = atTheGate(env, worker);

    workflow.approveGate(approval(env, "AKIDALICE"));

    DecommissionReport report = WorkflowStub.fromTyped(workflow).getResult(DecommissionReport.class);
    assertThat(report.outcome()).isEqualTo(PhaseOutcome.SUCCEEDED);
    assertThat(report.approvals()).singleElement().satisfies(a -> {
      assertThat(a.approver()).isEqualTo(ALICE);
      assertThat(a.identity()).isEqualTo(ApprovalsConfig.AWS_IAM);
    });
  }

  @Test
  void theRequesterCannotApproveWhateverNameTheyType(TestWorkflowEnvironment env, Worker worker) {
    DecommissionWorkflow workflow = atTheGate(env, worker);

    assertThatThrownBy(() -> workflow.approveGate(approval(env, "AKIDCAROL")))
        .isInstanceOf(WorkflowUpdateException.class).rootCause()
        .hasMessageContaining("four eyes: " + CAROL + " started this run and cannot approve it");
    assertThat(workflow.progress().approvalsNeeded()).isEqualTo(1);
  }

  @Test
  void aStartWithoutProofFailsNotAuthenticatedBeforeArchivingAnything(TestWorkflowEnvironment env, Worker worker) {
    DecommissionWorkflow workflow = start(env, worker, false);

    assertThatThrownBy(() -> WorkflowStub.fromTyped(workflow).getResult(DecommissionReport.class))
        .isInstanceOf(WorkflowFailedException.class).rootCause()
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo("NOT_AUTHENTICATED");
          assertThat(f.getOriginalMessage()).startsWith("the start of this run is not authenticated: "
              + "approvals.identity is aws-iam: this decision carries no proof");
        });
    assertThat(fx.journal).isEmpty();
  }

  /**
   * A chain that continued as new keeps the requester its first run verified: the start proof is
   * replayed to STS once, not again by each continued run (where it would be hours old), and four
   * eyes still knows who started it.
   */
  @Test
  void aContinuedRunKeepsTheVerifiedRequesterWithoutReplayingTheStartProof(TestWorkflowEnvironment env,
      Worker worker) {
    PagedSource source = new PagedSource(6_000, 20);
    worker.registerActivitiesImplementations(source.activities);
    worker.registerActivitiesImplementations(sts);
    env.start();
    var config = DecommissionFixtures.config(new ApprovalsConfig(List.of(CAROL, ALICE), 1, true, false, null,
        ApprovalsConfig.AWS_IAM));
    DecommissionWorkflow first = env.getWorkflowClient().newWorkflowStub(DecommissionWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).setWorkflowId(ID).build());
    String proof = FakeSts.proof("AKIDCAROL", ApprovalProof.startDigest(ID, config.name()),
        Instant.ofEpochMilli(env.currentTimeMillis()), "sts");
    String firstRun = WorkflowClient.start(first::decommission, new PhaseInput(config, "carol", proof), null)
        .getRunId();
    await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
        .until(() -> source.archivePages() == source.pages());
    DecommissionWorkflow byId = env.getWorkflowClient().newWorkflowStub(DecommissionWorkflow.class, ID);
    awaitPhase(byId, DecommissionState.RETENTION);
    env.sleep(Duration.ofDays(30).plusHours(1));
    awaitPhase(byId, DecommissionState.GATE);

    assertThatThrownBy(() -> byId.approveGate(approval(env, "AKIDCAROL")))
        .isInstanceOf(WorkflowUpdateException.class).rootCause()
        .hasMessageContaining("four eyes: " + CAROL + " started this run");
    byId.approveGate(approval(env, "AKIDALICE"));
    DecommissionReport report = WorkflowStub.fromTyped(byId).getResult(DecommissionReport.class);

    assertThat(env.getWorkflowClient().fetchHistory(ID, firstRun).getLastEvent().getEventType())
        .isEqualTo(io.temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
    assertThat(report.outcome()).isEqualTo(PhaseOutcome.SUCCEEDED);
    assertThat(sts.replayedTo).as("start proof once, then carol's and alice's decisions").hasSize(3);
  }

  /**
   * The run's state is built before its workflow method runs: while the start proof is being
   * replayed to STS, the progress query answers, an update is refused as "not started" and a signal
   * is ignored (nothing kept); once verified, the gate judges as usual.
   */
  @Test
  void whileItsStartIsVerifiedTheRunAnswersItsQueryAndTakesNoDecision(TestWorkflowEnvironment env, Worker worker)
      throws InterruptedException {
    CountDownLatch replaying = new CountDownLatch(1);
    CountDownLatch answer = new CountDownLatch(1);
    worker.registerActivitiesImplementations(fx.activities);
    worker.registerActivitiesImplementations(new IdentityActivities() {
      @Override
      public CallerIdentity identifyCaller(CallerProof request) {
        replaying.countDown();
        try {
          answer.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return sts.identifyCaller(request);
      }
    });
    env.start();
    var config = DecommissionFixtures.config(new ApprovalsConfig(List.of(CAROL, ALICE), 1, true, false, null,
        ApprovalsConfig.AWS_IAM));
    DecommissionWorkflow workflow = env.getWorkflowClient().newWorkflowStub(DecommissionWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).setWorkflowId(ID).build());
    String proof = FakeSts.proof("AKIDCAROL", ApprovalProof.startDigest(ID, config.name()),
        Instant.ofEpochMilli(env.currentTimeMillis()), "sts");
    WorkflowClient.start(workflow::decommission, new PhaseInput(config, "carol", proof), null);
    assertThat(replaying.await(20, TimeUnit.SECONDS)).isTrue();

    PhaseProgress before = workflow.progress();
    assertThat(before).isNotNull();
    assertThat(before.outcome()).isEqualTo(PhaseOutcome.RUNNING);
    assertThat(before.phase()).isEqualTo(DecommissionState.ARCHIVE);
    assertThat(before.pendingGate()).isNull();
    assertThatThrownBy(() -> workflow.approveGate(approval(env, "AKIDALICE")))
        .isInstanceOf(WorkflowUpdateException.class).rootCause()
        .hasMessageContaining(GateKeeper.NOT_STARTED);
    workflow.approve(new Approval(Phases.DECOMMISSION_GATE, "alice", "CAB-140", null));
    await().atMost(Duration.ofSeconds(20)).until(() -> signalHandled(env));
    answer.countDown();
    awaitPhase(workflow, DecommissionState.RETENTION);
    env.sleep(Duration.ofDays(30).plusHours(1));
    awaitPhase(workflow, DecommissionState.GATE);
    assertThat(workflow.progress().approvals()).isEmpty();

    workflow.approveGate(approval(env, "AKIDALICE"));
    DecommissionReport report = WorkflowStub.fromTyped(workflow).getResult(DecommissionReport.class);
    assertThat(report.outcome()).isEqualTo(PhaseOutcome.SUCCEEDED);
    assertThat(report.approvals()).extracting(ApprovalRecord::approver).containsExactly(ALICE);
  }

  /** Whether a workflow task completed after the run was signalled (the handler ran). */
  private static boolean signalHandled(TestWorkflowEnvironment env) {
    List<EventType> types = env.getWorkflowClient().fetchHistory(ID).getEvents().stream()
        .map(e -> e.getEventType()).toList();
    int signalled = types.indexOf(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED);
    return signalled >= 0 && types.subList(signalled, types.size())
        .contains(EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
  }
}
