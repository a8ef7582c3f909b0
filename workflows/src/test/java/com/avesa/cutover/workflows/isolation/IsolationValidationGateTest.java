package com.avesa.cutover.workflows.isolation;

import static com.avesa.cutover.workflows.isolation.ProductionIsolationWorkflowTest.REQUESTER;
import static com.avesa.cutover.workflows.isolation.ProductionIsolationWorkflowTest.RUN_ID;
import static com.avesa.cutover.workflows.isolation.ProductionIsolationWorkflowTest.result;
import static com.avesa.cutover.workflows.isolation.ProductionIsolationWorkflowTest.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.avesa.cutover.workflows.gate.Approval;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.runbook.Phases;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Validation findings hold the isolation at its {@code validation} gate instead of failing it. */
@Timeout(90)
class IsolationValidationGateTest {
  static final Duration TO_THE_VALIDATION = Duration.ofHours(4);
  private static final String BEFORE_THE_GATE = "/histories/2026-12-02/isolation-failed-on-findings.json";

  @RegisterExtension
  final TestWorkflowExtension testWorkflow = IsolationFixtures.extension();

  @BeforeEach
  void findingsInTheTarget() {
    ScriptedPhases.reset();
    ScriptedPhases.validationFindings = true;
  }

  /** Starts the run, approves execute, and waits until the validation gate is pending. */
  static ProductionIsolationWorkflow atTheValidationGate(TestWorkflowEnvironment env, Worker worker, String id) {
    ProductionIsolationWorkflow workflow = start(env, worker, id, IsolationFixtures.config());
    ProductionIsolationWorkflowTest.awaitExecuteGate(workflow);
    workflow.approveGate(new Approval(Phases.EXECUTE_GATE, "alice", "CHG-1", null));
    env.sleep(TO_THE_VALIDATION); // the copy takes 10 minutes, the cutover 3.5 hours of workflow time
    await().atMost(Duration.ofSeconds(30)).until(() -> Phases.VALIDATION_GATE.equals(workflow.progress().pendingGate()));
    return workflow;
  }

  private static PhaseRecord validate(IsolationReport report) {
    return report.phases().stream().filter(p -> p.phase().equals(Phases.VALIDATE)).findFirst().orElseThrow();
  }

  @Test
  void findingsWaitAtTheValidationGateAndAnApprovalGoesOnToTheDecommission(TestWorkflowEnvironment env,
      Worker worker) {
    ProductionIsolationWorkflow workflow = atTheValidationGate(env, worker, RUN_ID);
    IsolationReport waiting = workflow.progress();

    assertThat(waiting.outcome()).isEqualTo(PhaseOutcome.RUNNING);
    assertThat(waiting.phase()).isEqualTo(Phases.VALIDATE);
    assertThat(waiting.gateWorkflowId()).isEqualTo(RUN_ID);
    assertThat(waiting.approvalsNeeded()).isEqualTo(1);
    assertThat(waiting.findings()).containsExactly(ScriptedPhases.FINDING_PREFIX, ScriptedPhases.FINDING_SECRET);
    assertThat(waiting.problems()).isEmpty();
    assertThat(validate(waiting).status()).isEqualTo(PhaseRecord.Status.WAITING);
    assertThat(validate(waiting).counts()).containsEntry("strayKeys", 2L).containsEntry("tenants", 2L);
    assertThat(validate(waiting).summary()).contains("2 finding(s): approve gate validation");
    assertThat(IsolationMarkdown.render(waiting))
        .contains("- Waiting for: gate validation, 1 approval(s) needed, in run `" + RUN_ID + "`")
        .contains("## Validation findings\n\n- " + ScriptedPhases.FINDING_PREFIX + "\n- " + ScriptedPhases.FINDING_SECRET);
    assertThat(ScriptedPhases.journal).doesNotContain("decommission");
    assertThatThrownBy(() -> workflow.approveGate(new Approval(Phases.VALIDATION_GATE, REQUESTER, "mine", null)))
        .isInstanceOf(WorkflowUpdateException.class).hasStackTraceContaining("four eyes: carol started this run");

    workflow.approveGate(new Approval(Phases.VALIDATION_GATE, "alice", "CHG-2 departed tenant, archive it", null));
    IsolationReport report = result(workflow);

    assertThat(report.outcome()).isEqualTo(PhaseOutcome.SUCCEEDED);
    assertThat(report.phases()).allMatch(p -> p.status().equals(PhaseRecord.Status.SUCCEEDED));
    assertThat(validate(report).summary()).endsWith("2 finding(s) accepted at gate validation by alice");
    assertThat(report.findings()).containsExactly(ScriptedPhases.FINDING_PREFIX, ScriptedPhases.FINDING_SECRET);
    assertThat(report.problems()).isEmpty();
    assertThat(report.approvals()).extracting(a -> a.gate() + " " + a.approver() + " " + a.decision())
        .containsExactly("execute alice APPROVED", "validation alice APPROVED", "cutover alice APPROVED",
            "decommission dave APPROVED");
    assertThat(ScriptedPhases.journal).endsWith("validate", "decommission");
  }

  @Test
  void aRejectedValidationGateStopsTheRunWithNothingDecommissioned(TestWorkflowEnvironment env, Worker worker) {
    ProductionIsolationWorkflow workflow = atTheValidationGate(env, worker, RUN_ID);

    workflow.rejectGate(new Approval(Phases.VALIDATION_GATE, "bob", "departed tenant must be moved first", null));
    IsolationReport report = result(workflow);

    assertThat(report.outcome()).isEqualTo(PhaseOutcome.REJECTED);
    assertThat(validate(report).status()).isEqualTo(PhaseRecord.Status.REJECTED);
    assertThat(validate(report).summary())
        .endsWith("2 finding(s); gate validation rejected by bob: departed tenant must be moved first");
    assertThat(report.problems()).containsExactly(
        "gate validation rejected by bob: departed tenant must be moved first; nothing was decommissioned");
    assertThat(report.phases().get(report.phases().size() - 1).status()).isEqualTo(PhaseRecord.Status.SKIPPED);
    assertThat(report.findings()).hasSize(2);
    assertThat(IsolationMarkdown.render(report)).startsWith("# Production isolation avesa-test — REJECTED")
        .contains("| validate | REJECTED |");
    assertThat(ScriptedPhases.journal).doesNotContain("decommission");
  }

  @Test
  void noDecisionWithinTheApprovalsTimeoutExpiresTheRun(TestWorkflowEnvironment env, Worker worker) {
    ProductionIsolationWorkflow workflow = atTheValidationGate(env, worker, RUN_ID);

    IsolationReport report = result(workflow);

    assertThat(report.outcome()).isEqualTo(PhaseOutcome.EXPIRED);
    assertThat(report.problems()).containsExactly(
        "no decision on gate validation within PT168H; nothing was decommissioned");
    assertThat(ScriptedPhases.journal).doesNotContain("decommission");
  }

  /**
   * Recorded with the code before the gate (commit ad249bb, ScriptedPhases with findings): the run
   * failed at validate. Without the {@code validation-gate} marker it must replay taking the old
   * branch: fail, no gate.
   */
  @Test
  void aRunThatFailedOnFindingsBeforeTheGateShippedStillReplays() throws Exception {
    String json;
    try (InputStream in = getClass().getResourceAsStream(BEFORE_THE_GATE)) {
      assertThat(in).as(BEFORE_THE_GATE).isNotNull();
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    try {
      // A cold JVM on a loaded machine can take over a second for a first workflow task: not a finding.
      Worker replay = env.newWorker("replay", WorkerOptions.newBuilder()
          .setDefaultDeadlockDetectionTimeout(Duration.ofSeconds(30).toMillis()).build());
      replay.registerWorkflowImplementationTypes(ProductionIsolationWorkflowImpl.class);
      WorkflowReplayer.replayWorkflowExecution(WorkflowExecutionHistory.fromJson(json, RUN_ID), replay);
    } finally {
      env.close();
    }
  }

  @Test
  void aValidationThatCouldNotReadTheTargetStillFailsTheRun(TestWorkflowEnvironment env, Worker worker) {
    ScriptedPhases.validationFindings = false;
    ScriptedPhases.failing = Phases.VALIDATE;
    ProductionIsolationWorkflow workflow = start(env, worker, IsolationFixtures.config());
    ProductionIsolationWorkflowTest.awaitExecuteGate(workflow);
    workflow.approveGate(new Approval(Phases.EXECUTE_GATE, "alice", "CHG-1", null));

    Throwable thrown = catchThrowable(() -> result(workflow));

    assertThat(thrown).isInstanceOf(WorkflowFailedException.class).cause().isInstanceOf(ApplicationFailure.class);
    ApplicationFailure failure = (ApplicationFailure) thrown.getCause();
    assertThat(failure.getType()).isEqualTo(ProductionIsolationWorkflowImpl.PHASE_FAILED);
    IsolationReport report = failure.getDetails().get(IsolationReport.class);
    assertThat(validate(report).status()).isEqualTo(PhaseRecord.Status.FAILED);
    assertThat(report.findings()).isEmpty();
    assertThat(report.approvals()).extracting(a -> a.gate()).doesNotContain(Phases.VALIDATION_GATE);
    assertThat(ScriptedPhases.journal).doesNotContain("decommission");
  }
}
