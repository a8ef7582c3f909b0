package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.config.CutoverConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.gate.Approval;
import com.avesa.cutover.workflows.run.CutoverStep;
import io.temporal.activity.Activity;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

/**
 * A smoke test that hangs is cut off at the window's last moment to switch, like the final sync.
 * Without time skipping: the test server skips time while an activity runs, so a hanging (and
 * heartbeating) activity would meet its heartbeat timeout in skipped time. A short window instead:
 * 24 s, monitoring 4 s, a rollback budget of 8 s, so the smoke tests must be done 12 s in.
 */
@Timeout(60)
class CutoverSmokeTestWindowTest {
  private static final Duration WINDOW = Duration.ofSeconds(24);
  private static final Duration MONITOR_FOR = Duration.ofSeconds(4);
  private static final Duration ROLLBACK_BUDGET = Duration.ofSeconds(8);

  private static final String TASK_QUEUE = "smoke-window";

  private final CutoverFixtures fx = new CutoverFixtures();
  private final CountDownLatch released = new CountDownLatch(1);
  // TestWorkflowExtension fails to close an environment without time skipping: this one is closed here.
  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(
      TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());

  @AfterEach
  void releaseTheHangingFunctionAndClose() {
    released.countDown();
    env.close();
  }

  @Test
  void aSmokeTestStillRunningAtTheWindowsBoundIsCancelledAndTheCutoverRollsBack() {
    doAnswer(i -> {
      fx.journal.add("invoke (hangs)");
      hangHeartbeating();
      return null;
    }).when(fx.cutover).invokeFunction(any());
    CutoverConfig base = CutoverFixtures.cutoverConfig();
    MigrationConfig config = CutoverFixtures.config(new CutoverConfig(WINDOW, MONITOR_FOR, Duration.ofSeconds(2),
        ROLLBACK_BUDGET, base.sourceRules(), base.targetRules(), base.dns(), base.smokeTests(), base.alarms(),
        base.notifyTopicArn()), ApprovalsConfig.defaults());
    Worker worker = env.newWorker(TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(CutoverWorkflowImpl.class, ScriptedMigration.class);
    worker.registerActivitiesImplementations(fx.activities());
    env.start();
    CutoverWorkflow workflow = env.getWorkflowClient().newWorkflowStub(CutoverWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(TASK_QUEUE).setWorkflowId("smoke-window-test").build());
    WorkflowClient.start(workflow::cutover, new CutoverInput(config, "carol"));
    await().atMost(Duration.ofSeconds(20)).until(() -> {
      CutoverReport p = workflow.progress();
      return p != null && Gates.CUTOVER.equals(p.pendingGate());
    });
    workflow.approveGate(new Approval(Gates.CUTOVER, "alice", "CAB-123", "now"));

    CutoverReport report = WorkflowStub.fromTyped(workflow).getResult(CutoverReport.class);

    assertThat(report.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    Instant bound = report.windowEnd().minus(ROLLBACK_BUDGET).minus(MONITOR_FOR);
    assertThat(report.reason()).isEqualTo("window closing: smoke test avesa-connectwise-ingestion-prod still running at "
        + bound + ", the last moment to monitor for PT4S and keep PT8S to roll back before " + report.windowEnd());
    StepRecord smoke = report.steps().stream().filter(s -> s.name() == CutoverStep.SMOKE_TESTS).findFirst().orElseThrow();
    assertThat(smoke.status()).isEqualTo(StepRecord.Status.FAILED);
    // Cut off at the bound (workflow time), not after 3 x 16 minutes; the rollback follows at once.
    assertThat(smoke.endedAt()).isBetween(bound, bound.plusSeconds(3));
    assertThat(report.compensations()).allSatisfy(c -> {
      assertThat(c.status()).isEqualTo(CompensationRecord.Status.DONE);
      assertThat(c.at()).isBetween(bound, bound.plusSeconds(6));
    });
    assertThat(fx.journal).doesNotContain("alarms");
    assertThat(fx.journalFrom("invoke (hangs)")).contains("disable TARGET " + CutoverFixtures.TARGET_RULES,
        "dns SOURCE [api-shared.example.com] ttl 60", "sync REVERSE", "enable SOURCE " + CutoverFixtures.SOURCE_RULES);
  }

  /** Heartbeats like the real activity until Temporal cancels it or the test ends. */
  private void hangHeartbeating() throws InterruptedException {
    while (!released.await(200, TimeUnit.MILLISECONDS)) {
      Activity.getExecutionContext().heartbeat(null);
    }
  }
}
