package com.avesa.cutover.workflows.decommission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.config.RunbookConfig;
import com.avesa.cutover.workflows.gate.Approval;
import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.runbook.PhaseInput;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import com.avesa.cutover.workflows.runbook.PhaseProgress;
import com.avesa.cutover.workflows.runbook.Phases;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(90)
class DecommissionWorkflowTest {
  private static final String REQUESTER = "carol";
  private static final Duration PAST_RETENTION = Duration.ofDays(30).plusHours(1);

  @RegisterExtension
  final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(DecommissionWorkflowImpl.class)
      .setDoNotStart(true)
      .build();

  private final DecommissionFixtures fx = new DecommissionFixtures();

  private DecommissionWorkflow start(TestWorkflowEnvironment env, Worker worker, MigrationConfig config) {
    worker.registerActivitiesImplementations(fx.activities);
    env.start();
    DecommissionWorkflow workflow = env.getWorkflowClient().newWorkflowStub(DecommissionWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).setWorkflowId("decommission-test").build());
    WorkflowClient.start(workflow::decommission, new PhaseInput(config, REQUESTER), null);
    return workflow;
  }

  private DecommissionWorkflow startAndWaitOutRetention(TestWorkflowEnvironment env, Worker worker) {
    DecommissionWorkflow workflow = start(env, worker, DecommissionFixtures.config(ApprovalsConfig.defaults()));
    awaitPhase(workflow, DecommissionState.RETENTION);
    env.sleep(PAST_RETENTION);
    awaitPhase(workflow, DecommissionState.GATE);
    return workflow;
  }

  private static void awaitPhase(DecommissionWorkflow workflow, String phase) {
    await().atMost(Duration.ofSeconds(20)).until(() -> {
      PhaseProgress p = workflow.progress();
      return p != null && phase.equals(p.phase());
    });
  }

  private static DecommissionReport result(DecommissionWorkflow workflow) {
    return WorkflowStub.fromTyped(workflow).getResult(DecommissionReport.class);
  }

  /**
   * Cancels the run and returns its last progress. The Java SDK closes a run whose cancellation was
   * requested as CANCELED whatever its method returns, so the outcome is read through the query.
   */
  private static PhaseProgress cancel(DecommissionWorkflow workflow) {
    WorkflowStub.fromTyped(workflow).cancel();
    assertThatThrownBy(() -> result(workflow)).isInstanceOf(WorkflowFailedException.class)
        .hasCauseInstanceOf(CanceledFailure.class);
    return workflow.progress();
  }

  private static Approval approval(String approver) {
    return new Approval(Phases.DECOMMISSION_GATE, approver, "CAB-456", null);
  }

  @Test
  void archivesWaitsThirtyDaysAsksTheGateThenRemovesInRunbookOrder(TestWorkflowEnvironment env, Worker worker) {
    DecommissionWorkflow workflow = start(env, worker, DecommissionFixtures.config(ApprovalsConfig.defaults()));
    awaitPhase(workflow, DecommissionState.RETENTION);
    PhaseProgress retention = workflow.progress();
    env.sleep(PAST_RETENTION);
    awaitPhase(workflow, DecommissionState.GATE);
    PhaseProgress gate = workflow.progress();
    List<String> removedBeforeApproval = fx.removals();
    ApprovalRecord accepted = workflow.approveGate(approval("alice"));

    DecommissionReport report = result(workflow);

    assertThat(retention.waitUntil()).isEqualTo(report.retentionEnds());
    assertThat(Duration.between(report.started(), report.retentionEnds())).isBetween(Duration.ofDays(30),
        Duration.ofDays(30).plusMinutes(1));
    assertThat(retention.pendingGate()).isNull();
    assertThat(gate.pendingGate()).isEqualTo(Phases.DECOMMISSION_GATE);
    assertThat(gate.approvalsNeeded()).isEqualTo(1);
    assertThat(removedBeforeApproval).isEmpty();
    assertThat(accepted.decision()).isEqualTo(ApprovalRecord.Decision.APPROVED);
    assertThat(report.outcome()).isEqualTo(PhaseOutcome.SUCCEEDED);
    assertThat(fx.journal).containsExactly(
        "ensure archive bucket",
        "archive data-storage-msp page null as GLACIER",
        "archive data-storage-msp page page-2 as GLACIER",
        "remove eventbridge rule " + DecommissionFixtures.RULE,
        "remove lambda function " + DecommissionFixtures.FUNCTION,
        "remove dynamodb table TenantServices-prod",
        "remove dynamodb table LastUpdated-prod",
        "remove s3 bucket objects data-storage-msp");
    assertThat(report.archives()).containsExactly(new ArchiveRecord("data-storage-msp", "data-storage-msp-archive",
        "data-storage-msp/", "GLACIER", 1_234, 1_200, 1_234_000, true));
    assertThat(report.changed()).extracting(PhaseItem::item).containsExactly(
        "s3 archive data-storage-msp-archive/data-storage-msp/",
        "eventbridge rule ConnectWiseIngestionSchedule",
        "lambda function avesa-connectwise-ingestion-prod",
        "dynamodb table TenantServices-prod",
        "s3 bucket data-storage-msp objects");
    assertThat(report.unchanged()).containsExactly(
        new PhaseItem("s3 bucket data-storage-msp-archive", PhaseItem.IN_PLACE),
        new PhaseItem("dynamodb table LastUpdated-prod", "already gone"));
    assertThat(report.approvals()).singleElement().satisfies(a -> {
      assertThat(a.approver()).isEqualTo("alice");
      assertThat(a.reason()).isEqualTo("CAB-456");
    });
    assertThat(report.problems()).isEmpty();
    assertThat(workflow.progress().phase()).isEqualTo(DecommissionState.DONE);
  }

  @Test
  void aRejectedGateRemovesNothing(TestWorkflowEnvironment env, Worker worker) {
    DecommissionWorkflow workflow = startAndWaitOutRetention(env, worker);
    workflow.rejectGate(new Approval(Phases.DECOMMISSION_GATE, "bob", "auditors want the tables", null));

    DecommissionReport report = result(workflow);

    assertThat(report.outcome()).isEqualTo(PhaseOutcome.REJECTED);
    assertThat(report.problems()).containsExactly(
        "gate decommission rejected by bob: auditors want the tables; nothing was removed");
    assertThat(fx.removals()).isEmpty();
  }

  @Test
  void anApprovalThatNeverComesExpiresAndRemovesNothing(TestWorkflowEnvironment env, Worker worker) {
    DecommissionWorkflow workflow = startAndWaitOutRetention(env, worker);

    DecommissionReport report = result(workflow);

    assertThat(report.outcome()).isEqualTo(PhaseOutcome.EXPIRED);
    assertThat(report.problems()).singleElement().asString().contains("within PT168H");
    assertThat(fx.removals()).isEmpty();
  }

  @Test
  void cancellingDuringRetentionEndsCancelledWithNothingRemoved(TestWorkflowEnvironment env, Worker worker) {
    DecommissionWorkflow workflow = start(env, worker, DecommissionFixtures.config(ApprovalsConfig.defaults()));
    awaitPhase(workflow, DecommissionState.RETENTION);

    PhaseProgress progress = cancel(workflow);

    assertThat(progress.outcome()).isEqualTo(PhaseOutcome.CANCELLED);
    assertThat(progress.problems()).containsExactly("cancelled during RETENTION; nothing was removed");
    assertThat(progress.changed()).extracting(PhaseItem::item)
        .containsExactly("s3 archive data-storage-msp-archive/data-storage-msp/");
    assertThat(fx.removals()).isEmpty();
  }

  @Test
  void cancellingAtTheGateEndsCancelledWithNothingRemoved(TestWorkflowEnvironment env, Worker worker) {
    DecommissionWorkflow workflow = startAndWaitOutRetention(env, worker);

    PhaseProgress progress = cancel(workflow);

    assertThat(progress.outcome()).isEqualTo(PhaseOutcome.CANCELLED);
    assertThat(progress.problems()).containsExactly("cancelled during GATE; nothing was removed");
    assertThat(progress.pendingGate()).isNull();
    assertThat(fx.removals()).isEmpty();
  }

  @Test
  void onceApprovedTheRemovalsRunToTheEndEvenWhenCancelled(TestWorkflowEnvironment env, Worker worker) {
    fx.ruleRemovalTakes = Duration.ofSeconds(2);
    DecommissionWorkflow workflow = startAndWaitOutRetention(env, worker);
    workflow.approveGate(approval("alice"));
    await().atMost(Duration.ofSeconds(20)).until(() -> !fx.removals().isEmpty());

    PhaseProgress progress = cancel(workflow);

    assertThat(progress.outcome()).isEqualTo(PhaseOutcome.SUCCEEDED);
    assertThat(fx.removals()).hasSize(5);
    assertThat(progress.changed()).last().extracting(PhaseItem::item).isEqualTo("s3 bucket data-storage-msp objects");
    assertThat(progress.problems()).containsExactly(
        "cancellation requested after the gate opened: the removals ran to the end");
  }

  @Test
  void theUpdateValidatorRefusesTheRequesterUnderFourEyes(TestWorkflowEnvironment env, Worker worker) {
    DecommissionWorkflow workflow = startAndWaitOutRetention(env, worker);

    assertThatThrownBy(() -> workflow.approveGate(approval(REQUESTER)))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause().hasMessageContaining("four eyes: carol started this run");
    assertThatThrownBy(() -> workflow.approveGate(new Approval("cutover", "alice", "CAB-456", null)))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause().hasMessageContaining("gate cutover is not pending (pending: decommission)");

    PhaseProgress progress = workflow.progress();
    assertThat(progress.approvals()).isEmpty();
    assertThat(progress.pendingGate()).isEqualTo(Phases.DECOMMISSION_GATE);
    assertThat(progress.approvalsNeeded()).isEqualTo(1);
    assertThat(fx.removals()).isEmpty();
    WorkflowStub.fromTyped(workflow).cancel();
  }

  @Test
  void aVerificationFailureFailsTheRunBeforeAnyRetentionOrRemoval(TestWorkflowEnvironment env, Worker worker) {
    fx.archiveProblems = List.of("s3://data-storage-msp-archive/data-storage-msp/raw/a.json: content differs");
    DecommissionWorkflow workflow = start(env, worker, DecommissionFixtures.config(ApprovalsConfig.defaults()));

    assertThatThrownBy(() -> result(workflow))
        .isInstanceOfSatisfying(WorkflowFailedException.class, e -> {
          ApplicationFailure failure = (ApplicationFailure) e.getCause();
          assertThat(failure.getType()).isEqualTo(FailureType.VERIFICATION_FAILED.type());
          assertThat(failure.getOriginalMessage()).isEqualTo("the archive does not match the source (1 problem(s);"
              + " first: s3://data-storage-msp-archive/data-storage-msp/raw/a.json: content differs); nothing was"
              + " removed: repair the archive and start the decommission again");
          DecommissionReport report = failure.getDetails().get(DecommissionReport.class);
          assertThat(report.outcome()).isEqualTo(PhaseOutcome.FAILED);
          assertThat(report.archives()).singleElement().satisfies(a -> {
            assertThat(a.verified()).isFalse();
            assertThat(a.objects()).isEqualTo(1_234);
          });
          assertThat(report.retentionEnds()).isNull();
        });
    assertThat(fx.removals()).isEmpty();
  }

  @Test
  void aConfigWithoutADecommissionSectionFailsAsBadConfig(TestWorkflowEnvironment env, Worker worker) {
    MigrationConfig full = DecommissionFixtures.config(ApprovalsConfig.defaults());
    RunbookConfig r = full.runbook();
    MigrationConfig config = new MigrationConfig(full.name(), full.region(), full.endpoint(), full.source(),
        full.target(), full.data(), null, full.approvals(),
        new RunbookConfig(r.account(), r.role(), r.security(), r.infrastructure(), r.tenants(), null));
    DecommissionWorkflow workflow = start(env, worker, config);

    assertThatThrownBy(() -> result(workflow))
        .isInstanceOfSatisfying(WorkflowFailedException.class, e -> {
          ApplicationFailure failure = (ApplicationFailure) e.getCause();
          assertThat(failure.getType()).isEqualTo(FailureType.BAD_CONFIG.type());
          assertThat(failure.getOriginalMessage()).contains("no decommission: section");
          assertThat(failure.getDetails().get(DecommissionReport.class).outcome()).isEqualTo(PhaseOutcome.FAILED);
        });
    assertThat(fx.journal).isEmpty();
  }
}
