package com.avesa.cutover.workflows.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.cutover.CompensationRecord;
import com.avesa.cutover.workflows.cutover.Outcome;
import com.avesa.cutover.workflows.gate.Approval;
import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.runbook.Phases;
import io.temporal.api.sdk.v1.WorkflowMetadata;
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
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(90)
class ProductionIsolationWorkflowTest {
  static final String REQUESTER = "carol";
  static final String RUN_ID = "avesa-test-isolate";

  @RegisterExtension
  final TestWorkflowExtension testWorkflow = IsolationFixtures.extension();

  @BeforeEach
  void resetScript() {
    ScriptedPhases.reset();
  }

  static ProductionIsolationWorkflow start(TestWorkflowEnvironment env, Worker worker, MigrationConfig config) {
    return start(env, worker, RUN_ID, config);
  }

  static ProductionIsolationWorkflow start(TestWorkflowEnvironment env, Worker worker, String id,
      MigrationConfig config) {
    ProductionIsolationWorkflow workflow = env.getWorkflowClient().newWorkflowStub(ProductionIsolationWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).setWorkflowId(id).build());
    WorkflowClient.start(workflow::isolate, new IsolationInput(config, REQUESTER));
    return workflow;
  }

  static void awaitExecuteGate(ProductionIsolationWorkflow workflow) {
    await().atMost(Duration.ofSeconds(20)).until(() -> {
      IsolationReport p = workflow.progress();
      return p != null && Phases.EXECUTE_GATE.equals(p.pendingGate());
    });
  }

  static IsolationReport approveAndFinish(ProductionIsolationWorkflow workflow) {
    awaitExecuteGate(workflow);
    workflow.approveGate(new Approval(Phases.EXECUTE_GATE, "alice", "CHG-1", null));
    return result(workflow);
  }

  static IsolationReport result(ProductionIsolationWorkflow workflow) {
    return WorkflowStub.fromTyped(workflow).getResult(IsolationReport.class);
  }

  private static PhaseRecord phase(IsolationReport report, String name) {
    return report.phases().stream().filter(p -> p.phase().equals(name)).findFirst().orElseThrow();
  }

  private static List<String> statuses(IsolationReport report) {
    return report.phases().stream().map(p -> p.phase() + " " + p.status()).toList();
  }

  @Test
  void theExecuteGateHoldsTheCopyAndRefusesTheRequestersOwnApproval(TestWorkflowEnvironment env, Worker worker) {
    ProductionIsolationWorkflow workflow = start(env, worker, IsolationFixtures.config());
    awaitExecuteGate(workflow);

    assertThatThrownBy(() -> workflow.approveGate(new Approval(Phases.EXECUTE_GATE, REQUESTER, "mine", null)))
        .isInstanceOf(WorkflowUpdateException.class).hasStackTraceContaining("four eyes: carol started this run");
    IsolationReport waiting = workflow.progress();

    assertThat(ScriptedPhases.journal).containsExactly("account-setup", "infrastructure", "plan PLAN");
    assertThat(waiting.outcome()).isEqualTo(PhaseOutcome.RUNNING);
    assertThat(waiting.phase()).isEqualTo(Phases.EXECUTE_GATE);
    assertThat(waiting.approvalsNeeded()).isEqualTo(1);
    assertThat(waiting.gateWorkflowId()).isEqualTo(RUN_ID);
    assertThat(waiting.approvals()).isEmpty();
    assertThat(phase(waiting, Phases.EXECUTE_GATE).status()).isEqualTo(PhaseRecord.Status.WAITING);
    assertThat(phase(waiting, Phases.PLAN).counts()).containsEntry("objectsToCopy", 3L).containsEntry("items", 5L)
        .containsEntry("secretsToCopy", 2L);
    assertThat(phase(waiting, Phases.COPY).status()).isEqualTo(PhaseRecord.Status.PENDING);

    ApprovalRecord approved = workflow.approveGate(new Approval(Phases.EXECUTE_GATE, "alice", "CHG-1", null));
    await().atMost(Duration.ofSeconds(20)).until(() -> ScriptedPhases.journal.contains("copy COPY"));

    assertThat(approved.decision()).isEqualTo(ApprovalRecord.Decision.APPROVED);
    assertThat(workflow.progress().pendingGate()).isNull();
  }

  @Test
  void runsEveryPhaseInRunbookOrderAsChildRuns(TestWorkflowEnvironment env, Worker worker) {
    ProductionIsolationWorkflow workflow = start(env, worker, IsolationFixtures.config());

    IsolationReport report = approveAndFinish(workflow);

    assertThat(ScriptedPhases.journal).containsExactly("account-setup", "infrastructure", "plan PLAN", "copy COPY",
        "smoke-test", "cutover", "validate", "decommission");
    assertThat(report.outcome()).isEqualTo(PhaseOutcome.SUCCEEDED);
    assertThat(report.phase()).isEqualTo(IsolationState.DONE);
    assertThat(report.phases()).extracting(PhaseRecord::phase).containsExactlyElementsOf(Phases.ALL);
    assertThat(report.phases()).allMatch(p -> p.status().equals(PhaseRecord.Status.SUCCEEDED));
    assertThat(report.phases()).filteredOn(p -> !p.phase().equals(Phases.EXECUTE_GATE))
        .allMatch(p -> p.workflowId().equals(RUN_ID + "-" + p.phase()));
    assertThat(report.approvals()).extracting(a -> a.gate() + " " + a.approver() + " " + a.reason())
        .containsExactly("execute alice CHG-1", "cutover alice CAB-7", "decommission dave CHG-9");
    assertThat(phase(report, Phases.COPY).counts()).containsEntry("objectsCopied", 3L).containsEntry("bytesCopied", 3_000L)
        .containsEntry("itemsCopied", 5L).containsEntry("secretsCopied", 2L).containsEntry("changed", 3L);
    assertThat(phase(report, Phases.VALIDATE).counts()).containsEntry("tenants", 2L).containsEntry("newObjects", 8L);
    assertThat(phase(report, Phases.DECOMMISSION).counts()).containsEntry("archived", 3L).containsEntry("removed", 2L)
        .containsEntry("unchanged", 1L);
    assertThat(Duration.between(phase(report, Phases.DECOMMISSION).started(), phase(report, Phases.DECOMMISSION).ended()))
        .isBetween(Duration.ofDays(30), Duration.ofDays(30).plusMinutes(1));
    assertThat(phase(report, Phases.ACCOUNT_SETUP).changed()).extracting(i -> i.item())
        .containsExactly("iam role AVESADeploymentRole", "guardduty detector");
    assertThat(report.compensations()).isEmpty();
    assertThat(report.problems()).isEmpty();
    assertThat(report.gateWorkflowId()).isNull();
    assertThat(report.ended()).isAfter(report.started());
  }

  @Test
  void validationCountsNewDataFromTheMomentDnsSwitched(TestWorkflowEnvironment env, Worker worker) {
    ProductionIsolationWorkflow workflow = start(env, worker, IsolationFixtures.config());

    IsolationReport report = approveAndFinish(workflow);

    assertThat(ScriptedPhases.validationSince).isNotNull().isEqualTo(ScriptedPhases.dnsSwitchedAt);
    assertThat(ScriptedPhases.validationSince).isAfter(phase(report, Phases.CUTOVER).started().plus(Duration.ofHours(1)));
  }

  @Test
  void aCreatedAccountAndItsRoleReachEveryLaterPhase(TestWorkflowEnvironment env, Worker worker) {
    ScriptedPhases.createsAccount = true;
    ProductionIsolationWorkflow workflow = start(env, worker, IsolationFixtures.config());

    approveAndFinish(workflow);

    assertThat(ScriptedPhases.configs.get(Phases.ACCOUNT_SETUP).target().accountId())
        .isEqualTo(IsolationFixtures.TARGET_ACCOUNT);
    assertThat(ScriptedPhases.configs).hasSize(8);
    ScriptedPhases.configs.forEach((phase, config) -> {
      if (!phase.equals(Phases.ACCOUNT_SETUP)) {
        assertThat(config.target().accountId()).as(phase).isEqualTo(ScriptedPhases.CREATED_ACCOUNT);
        assertThat(config.target().roleArn()).as(phase).isEqualTo(ScriptedPhases.CREATED_ROLE);
        assertThat(config.target().externalId()).as(phase).isEqualTo("ext-id");
        assertThat(config.target().profile()).as(phase).isEqualTo("prod-admin");
        assertThat(config.source().accountId()).as(phase).isEqualTo("123456789012");
      }
    });
  }

  @Test
  void aFailingChildStopsTheRunAndFailsItWithItsProblems(TestWorkflowEnvironment env, Worker worker) {
    ScriptedPhases.failing = Phases.INFRASTRUCTURE;
    ProductionIsolationWorkflow workflow = start(env, worker, IsolationFixtures.config());

    ApplicationFailure failure = failureOf(workflow);

    assertThat(failure.getType()).isEqualTo(ProductionIsolationWorkflowImpl.PHASE_FAILED);
    assertThat(failure.getOriginalMessage()).startsWith("infrastructure failed: 1 thing missing in the target");
    IsolationReport report = failure.getDetails().get(IsolationReport.class);
    assertThat(report.outcome()).isEqualTo(PhaseOutcome.FAILED);
    assertThat(statuses(report)).containsExactly("account-setup SUCCEEDED", "infrastructure FAILED", "plan SKIPPED",
        "execute SKIPPED", "copy SKIPPED", "smoke-test SKIPPED", "cutover SKIPPED", "validate SKIPPED",
        "decommission SKIPPED");
    PhaseRecord infra = phase(report, Phases.INFRASTRUCTURE);
    assertThat(infra.problems()).containsExactly(
        "cloudformation stack AVESADataPipeline-prod is ROLLBACK_COMPLETE, not *_COMPLETE",
        "1 thing missing in the target: cloudformation stack AVESADataPipeline-prod (ROLLBACK_COMPLETE)");
    assertThat(infra.counts()).containsEntry("missing", 1L).containsEntry("unchanged", 1L);
    assertThat(report.problems()).allMatch(p -> p.startsWith("infrastructure: ")).isNotEmpty();
    assertThat(phase(report, Phases.PLAN).summary()).isEqualTo("not reached (infrastructure FAILED)");
    assertThat(ScriptedPhases.journal).containsExactly("account-setup", "infrastructure");
  }

  @Test
  void aRejectedExecuteGateEndsTheRunRejectedWithNothingCopied(TestWorkflowEnvironment env, Worker worker) {
    ProductionIsolationWorkflow workflow = start(env, worker, IsolationFixtures.config());
    awaitExecuteGate(workflow);
    workflow.rejectGate(new Approval(Phases.EXECUTE_GATE, "bob", "freeze week", null));

    IsolationReport report = result(workflow);

    assertThat(report.outcome()).isEqualTo(PhaseOutcome.REJECTED);
    assertThat(phase(report, Phases.EXECUTE_GATE).status()).isEqualTo(PhaseRecord.Status.REJECTED);
    assertThat(phase(report, Phases.EXECUTE_GATE).summary()).isEqualTo("gate execute rejected by bob: freeze week");
    assertThat(report.phases().subList(4, 9)).allMatch(p -> p.status().equals(PhaseRecord.Status.SKIPPED));
    assertThat(report.approvals()).extracting(ApprovalRecord::decision).containsExactly(ApprovalRecord.Decision.REJECTED);
    assertThat(ScriptedPhases.journal).containsExactly("account-setup", "infrastructure", "plan PLAN");
  }

  @Test
  void anExecuteApprovalThatNeverComesExpiresTheRun(TestWorkflowEnvironment env, Worker worker) {
    ProductionIsolationWorkflow workflow = start(env, worker, IsolationFixtures.config());

    IsolationReport report = result(workflow);

    assertThat(report.outcome()).isEqualTo(PhaseOutcome.EXPIRED);
    assertThat(phase(report, Phases.EXECUTE_GATE).summary()).isEqualTo("no approval of gate execute within PT168H");
    assertThat(report.problems()).containsExactly("no approval of gate execute within PT168H; nothing was copied");
    assertThat(ScriptedPhases.journal).doesNotContain("copy COPY");
  }

  @Test
  void aRolledBackCutoverFailsTheRunWithItsCompensations(TestWorkflowEnvironment env, Worker worker) {
    ScriptedPhases.cutoverOutcome = Outcome.ROLLED_BACK;
    ProductionIsolationWorkflow workflow = start(env, worker, IsolationFixtures.config());
    awaitExecuteGate(workflow);
    workflow.approveGate(new Approval(Phases.EXECUTE_GATE, "alice", "CHG-1", null));

    IsolationReport report = failureOf(workflow).getDetails().get(IsolationReport.class);
    assertThat(report.outcome()).isEqualTo(PhaseOutcome.FAILED);
    assertThat(phase(report, Phases.CUTOVER).status()).isEqualTo(PhaseRecord.Status.FAILED);
    assertThat(phase(report, Phases.CUTOVER).summary()).startsWith("ROLLED_BACK: alarm LambdaErrorAlarm-x fired");
    assertThat(report.compensations()).extracting(CompensationRecord::name)
        .containsExactly("disableTargetIngestion", "restoreDns");
    assertThat(report.approvals()).extracting(ApprovalRecord::gate).containsExactly("execute", "cutover");
    assertThat(phase(report, Phases.VALIDATE).status()).isEqualTo(PhaseRecord.Status.SKIPPED);
    assertThat(ScriptedPhases.journal).doesNotContain("validate", "decommission");
  }

  @Test
  void withoutADecommissionSectionTheLastPhaseIsSkipped(TestWorkflowEnvironment env, Worker worker) {
    ProductionIsolationWorkflow workflow = start(env, worker,
        IsolationFixtures.config(IsolationFixtures.cutover(), null));

    IsolationReport report = approveAndFinish(workflow);

    assertThat(report.outcome()).isEqualTo(PhaseOutcome.SUCCEEDED);
    assertThat(phase(report, Phases.DECOMMISSION).status()).isEqualTo(PhaseRecord.Status.SKIPPED);
    assertThat(phase(report, Phases.DECOMMISSION).summary()).contains("no decommission: section");
    assertThat(phase(report, Phases.VALIDATE).status()).isEqualTo(PhaseRecord.Status.SUCCEEDED);
    assertThat(ScriptedPhases.journal).doesNotContain("decommission").contains("validate");
  }

  @Test
  void withoutACutoverSectionTheCutoverAndWhatFollowsAreSkipped(TestWorkflowEnvironment env, Worker worker) {
    ProductionIsolationWorkflow workflow = start(env, worker,
        IsolationFixtures.config(null, IsolationFixtures.decommission()));

    IsolationReport report = approveAndFinish(workflow);

    assertThat(report.outcome()).isEqualTo(PhaseOutcome.SUCCEEDED);
    assertThat(statuses(report).subList(6, 9)).containsExactly("cutover SKIPPED", "validate SKIPPED",
        "decommission SKIPPED");
    assertThat(report.phases().subList(6, 9)).allMatch(p -> p.summary().startsWith("the config has no cutover: section"));
    assertThat(ScriptedPhases.journal).containsExactly("account-setup", "infrastructure", "plan PLAN", "copy COPY",
        "smoke-test");
  }

  @Test
  void progressNamesTheCutoverRunWhileItRunsAndTheDetailsFollow(TestWorkflowEnvironment env, Worker worker) {
    ProductionIsolationWorkflow workflow = start(env, worker, IsolationFixtures.config());
    awaitExecuteGate(workflow);
    workflow.approveGate(new Approval(Phases.EXECUTE_GATE, "alice", "CHG-1", null));
    // Workflow time passes only while the test sleeps or awaits a result: half an hour takes the run
    // past the ten-minute copy into the cutover stand-in's first hour.
    env.sleep(Duration.ofMinutes(30));

    IsolationReport mid = workflow.progress();
    String details = WorkflowStub.fromTyped(workflow).query("__temporal_workflow_metadata", WorkflowMetadata.class)
        .getCurrentDetails();

    assertThat(mid.outcome()).isEqualTo(PhaseOutcome.RUNNING);
    assertThat(mid.gateWorkflowId()).isEqualTo(RUN_ID + "-cutover");
    assertThat(mid.pendingGate()).isNull();
    assertThat(statuses(mid)).containsExactly("account-setup SUCCEEDED", "infrastructure SUCCEEDED", "plan SUCCEEDED",
        "execute SUCCEEDED", "copy SUCCEEDED", "smoke-test SUCCEEDED", "cutover RUNNING", "validate PENDING",
        "decommission PENDING");
    assertThat(Duration.between(phase(mid, Phases.COPY).started(), phase(mid, Phases.COPY).ended()))
        .isBetween(Duration.ofMinutes(10), Duration.ofMinutes(11));
    assertThat(details).startsWith("# Production isolation avesa-test — RUNNING").contains("| cutover | RUNNING |")
        .contains("- Gates now: in `" + RUN_ID + "-cutover`");

    assertThat(result(workflow).outcome()).isEqualTo(PhaseOutcome.SUCCEEDED);
  }

  @Test
  void cancellingTheRunAtTheExecuteGateEndsItCancelled(TestWorkflowEnvironment env, Worker worker) {
    ProductionIsolationWorkflow workflow = start(env, worker, IsolationFixtures.config());
    awaitExecuteGate(workflow);

    WorkflowStub.fromTyped(workflow).cancel();
    Throwable thrown = catchThrowable(() -> result(workflow));
    IsolationReport report = workflow.progress();

    assertThat(thrown).isInstanceOf(WorkflowFailedException.class).cause().isInstanceOf(CanceledFailure.class);

    assertThat(report.outcome()).isEqualTo(PhaseOutcome.CANCELLED);
    assertThat(phase(report, Phases.EXECUTE_GATE).status()).isEqualTo(PhaseRecord.Status.CANCELLED);
    assertThat(phase(report, Phases.COPY).status()).isEqualTo(PhaseRecord.Status.SKIPPED);
    assertThat(report.pendingGate()).isNull();
    assertThat(ScriptedPhases.journal).doesNotContain("copy COPY");
  }

  @Test
  void cancellingTheRunDuringTheCutoverCancelsTheCutoverRun(TestWorkflowEnvironment env, Worker worker) {
    ProductionIsolationWorkflow workflow = start(env, worker, IsolationFixtures.config());
    awaitExecuteGate(workflow);
    workflow.approveGate(new Approval(Phases.EXECUTE_GATE, "alice", "CHG-1", null));
    env.sleep(Duration.ofMinutes(30));

    WorkflowStub.fromTyped(workflow).cancel();
    Throwable thrown = catchThrowable(() -> result(workflow));
    IsolationReport report = workflow.progress();

    assertThat(thrown).isInstanceOf(WorkflowFailedException.class).cause().isInstanceOf(CanceledFailure.class);
    assertThat(report.outcome()).isEqualTo(PhaseOutcome.CANCELLED);
    assertThat(statuses(report).subList(5, 9)).containsExactly("smoke-test SUCCEEDED", "cutover CANCELLED",
        "validate SKIPPED", "decommission SKIPPED");
    assertThat(report.gateWorkflowId()).isNull();
    assertThat(catchThrowable(() -> env.getWorkflowClient().newUntypedWorkflowStub(RUN_ID + "-cutover")
        .getResult(Object.class))).as("the cutover run").cause().isInstanceOf(CanceledFailure.class);
  }

  @Test
  void theMarkdownOfAFinishedRunNamesEveryPhaseApprovalAndCount(TestWorkflowEnvironment env, Worker worker) {
    ProductionIsolationWorkflow workflow = start(env, worker, IsolationFixtures.config());

    IsolationReport report = approveAndFinish(workflow);
    String markdown = IsolationMarkdown.render(report);

    assertThat(markdown).startsWith("# Production isolation avesa-test — SUCCEEDED");
    Phases.ALL.forEach(p -> assertThat(markdown).contains("| " + p + " | SUCCEEDED |"));
    report.approvals().forEach(a -> assertThat(markdown)
        .contains("| " + a.gate() + " | " + a.approver() + " | APPROVED | " + a.at() + " | " + a.reason()));
    report.phases().forEach(p -> p.counts().forEach((name, count) ->
        assertThat(markdown).contains(name + " " + String.format(Locale.ROOT, "%,d", count))));
    assertThat(markdown).contains("| decommission | SUCCEEDED | ").contains(" | 30d 0h 0m ")
        .contains("- source rule ConnectWiseIngestionSchedule — removed");
    assertThat(markdown).isEqualTo(IsolationMarkdown.render(report));
  }

  /** The ApplicationFailure a failed run ended with (its first detail is the report). */
  private static ApplicationFailure failureOf(ProductionIsolationWorkflow workflow) {
    Throwable thrown = catchThrowable(() -> result(workflow));
    assertThat(thrown).isInstanceOf(WorkflowFailedException.class).cause().isInstanceOf(ApplicationFailure.class);
    return (ApplicationFailure) thrown.getCause();
  }
}
