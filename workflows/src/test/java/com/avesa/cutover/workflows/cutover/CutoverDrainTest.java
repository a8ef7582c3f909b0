package com.avesa.cutover.workflows.cutover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.config.CutoverConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The drain before the final sync (version 1 of drain-source-ingestion): a scheduled final sync
 * still running is awaited before source ingestion stops, and the source functions are waited for
 * until their ConcurrentExecutions read 0 or their timeout ran out, both raced against the window.
 */
@Timeout(90)
class CutoverDrainTest {
  private static final String RUNNING_SYNC = "avesa-test-final-sync-20261202T020000Z";

  @RegisterExtension
  final TestWorkflowExtension testWorkflow = CutoverFixtures.testWorkflow();

  private final CutoverFixtures fx = new CutoverFixtures();

  private CutoverReport run(TestWorkflowEnvironment env, Worker worker, MigrationConfig config) {
    return fx.runApproved(env, worker, "drain-test", config);
  }

  private static StepRecord step(CutoverReport report, String name) {
    return report.steps().stream().filter(s -> s.name().wireName().equals(name)).findFirst().orElseThrow();
  }

  private static Duration took(StepRecord step) {
    return Duration.between(step.startedAt(), step.endedAt());
  }

  /** The fixtures' cutover with a shorter window: the last moment to switch is 10 minutes in. */
  private static MigrationConfig shortWindow(Duration drainTimeout) {
    CutoverConfig b = CutoverFixtures.cutoverConfig();
    return CutoverFixtures.config(new CutoverConfig(Duration.ofHours(1), Duration.ofMinutes(20), Duration.ofMinutes(5),
        Duration.ofMinutes(30), b.sourceRules(), b.targetRules(), b.dns(), b.smokeTests(), b.alarms(),
        b.notifyTopicArn(), null, drainTimeout, null), ApprovalsConfig.defaults());
  }

  private void sourceFunctionReads(Double... readings) {
    AtomicInteger reads = new AtomicInteger();
    doAnswer(i -> {
      fx.journal.add("read source invocations");
      Double running = readings[Math.min(reads.getAndIncrement(), readings.length - 1)];
      return new SourceInvocations(List.of(new SourceInvocations.FunctionLoad(CutoverFixtures.SOURCE_FUNCTION, running,
          900)), List.of("arn:aws:sqs:us-east-1:123456789012:tickets"));
    }).when(fx.dataFlow).readSourceInvocations(any());
  }

  @Test
  void theFinalSyncWaitsUntilTheSourceFunctionsConcurrentExecutionsReadZero(TestWorkflowEnvironment env,
      Worker worker) {
    sourceFunctionReads(2.0, 1.0, 1.0, 0.0);

    CutoverReport report = run(env, worker, CutoverFixtures.config(ApprovalsConfig.defaults()));

    assertThat(report.outcome()).isEqualTo(Outcome.CUT_OVER);
    assertThat(fx.journalFrom("disable SOURCE")).startsWith("disable SOURCE " + CutoverFixtures.SOURCE_RULES,
        "read source invocations", "read source invocations", "read source invocations", "read source invocations",
        "sync SYNC");
    StepRecord drain = step(report, "drainSourceIngestion");
    assertThat(drain.status()).isEqualTo(StepRecord.Status.DONE);
    assertThat(drain.detail()).startsWith("drained avesa-connectwise-ingestion (ConcurrentExecutions 0) after PT")
        .endsWith("; not Lambda functions, not watched: arn:aws:sqs:us-east-1:123456789012:tickets");
    // Three busy reads, each followed by one poll interval of durable timer.
    assertThat(took(drain)).isBetween(IngestionDrain.POLL.multipliedBy(3), IngestionDrain.POLL.multipliedBy(3).plusSeconds(5));
    IngestionPause pause = report.ingestionPause();
    assertThat(pause.sourceRulesOff()).isEqualTo(step(report, "disableSourceIngestion").endedAt());
    assertThat(pause.targetRulesOn()).isEqualTo(step(report, "enableTargetIngestion").endedAt());
    assertThat(pause.total()).isEqualTo(Duration.between(pause.sourceRulesOff(), pause.targetRulesOn()))
        .isGreaterThanOrEqualTo(pause.drain());
    assertThat(pause.drain()).isEqualTo(took(drain));
    assertThat(pause.finalSync()).isEqualTo(took(step(report, "finalSync")));
    assertThat(pause.dns()).isEqualTo(took(step(report, "switchDns")));
    assertThat(pause.enable()).isEqualTo(took(step(report, "enableTargetIngestion")));
  }

  @Test
  void aFunctionWithoutAMetricIsWaitedOutUntilItsTimeoutSinceTheRulesWereDisabled(TestWorkflowEnvironment env,
      Worker worker) {
    doAnswer(i -> {
      fx.journal.add("read source invocations");
      return new SourceInvocations(List.of(new SourceInvocations.FunctionLoad(CutoverFixtures.SOURCE_FUNCTION, null,
          40)), List.of());
    }).when(fx.dataFlow).readSourceInvocations(any());

    CutoverReport report = run(env, worker, CutoverFixtures.config(ApprovalsConfig.defaults()));

    assertThat(report.outcome()).isEqualTo(Outcome.CUT_OVER);
    StepRecord drain = step(report, "drainSourceIngestion");
    assertThat(drain.detail()).startsWith("drained avesa-connectwise-ingestion (its timeout of 40 s has run out)");
    // Polled at 15 s and 30 s, then woken exactly at the 40 s bound (counted from changesBegan).
    assertThat(drain.endedAt()).isBetween(report.changes().changesBegan().plusSeconds(40),
        report.changes().changesBegan().plusSeconds(45));
    assertThat(fx.journal.stream().filter("read source invocations"::equals)).hasSize(4);
  }

  @Test
  void sourceInvocationsStillRunningAtTheWindowsLastMomentToSwitchRollBackWithoutAFinalSync(
      TestWorkflowEnvironment env, Worker worker) {
    sourceFunctionReads(1.0);

    CutoverReport report = run(env, worker, shortWindow(null));

    assertThat(report.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    java.time.Instant latest = report.windowEnd().minus(Duration.ofMinutes(50));
    assertThat(report.reason()).isEqualTo("window closing: source invocations still running at " + latest
        + ": avesa-connectwise-ingestion (ConcurrentExecutions 1)");
    assertThat(step(report, "drainSourceIngestion").endedAt()).isBetween(latest, latest.plusSeconds(5));
    assertThat(fx.journal).doesNotContain("sync SYNC");
    assertThat(fx.journalFrom("read source invocations")).contains("enable SOURCE " + CutoverFixtures.SOURCE_RULES,
        "release sync");
  }

  @Test
  void aScheduledSyncStillRunningWhenTheWindowOpensIsAwaitedBeforeSourceIngestionStops(TestWorkflowEnvironment env,
      Worker worker) {
    AtomicInteger reads = new AtomicInteger();
    doAnswer(i -> {
      fx.journal.add("running syncs");
      return reads.incrementAndGet() <= 3 ? List.of(RUNNING_SYNC) : List.of();
    }).when(fx.schedules).runningSyncs(any());

    CutoverReport report = run(env, worker, CutoverFixtures.config(ApprovalsConfig.defaults()));

    assertThat(report.outcome()).isEqualTo(Outcome.CUT_OVER);
    assertThat(fx.journalFrom("hold sync")).startsWith("hold sync", "running syncs", "running syncs", "running syncs",
        "running syncs", "describe SOURCE", "disable SOURCE " + CutoverFixtures.SOURCE_RULES);
    StepRecord awaited = step(report, "awaitScheduledSync");
    assertThat(awaited.detail()).isEqualTo("awaited " + RUNNING_SYNC + ": ended after PT45S");
    assertThat(report.steps()).extracting(s -> s.name().wireName()).containsSubsequence("holdScheduledSync",
        "awaitScheduledSync", "disableSourceIngestion", "drainSourceIngestion", "finalSync");
  }

  @Test
  void aScheduledSyncStillRunningAfterTheDrainTimeoutRollsBackBeforeAnyRuleChanged(TestWorkflowEnvironment env,
      Worker worker) {
    doAnswer(i -> {
      fx.journal.add("running syncs");
      return List.of(RUNNING_SYNC);
    }).when(fx.schedules).runningSyncs(any());

    CutoverReport report = run(env, worker, shortWindow(Duration.ofMinutes(2)));

    assertThat(report.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(report.reason()).isEqualTo("the periodic final sync " + RUNNING_SYNC
        + " still running after cutover.drainTimeout PT2M; the cutover's own final sync must not run beside it");
    StepRecord awaited = step(report, "awaitScheduledSync");
    assertThat(took(awaited)).isBetween(Duration.ofMinutes(2), Duration.ofMinutes(2).plusSeconds(5));
    assertThat(fx.journal).noneMatch(call -> call.startsWith("disable SOURCE") || call.startsWith("sync"));
    assertThat(report.compensations()).extracting(c -> c.name() + " " + c.status())
        .containsExactly("resumeScheduledSync DONE");
    assertThat(report.ingestionPause()).isNull();
  }

  @Test
  void theWindowBoundsTheWaitForAScheduledSyncBeforeTheDrainTimeoutDoes(TestWorkflowEnvironment env, Worker worker) {
    doAnswer(i -> List.of(RUNNING_SYNC)).when(fx.schedules).runningSyncs(any());

    CutoverReport report = run(env, worker, shortWindow(Duration.ofMinutes(45)));

    assertThat(report.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(report.reason()).isEqualTo("window closing: the periodic final sync " + RUNNING_SYNC + " still running at "
        + report.windowEnd().minus(Duration.ofMinutes(50)) + "; the cutover's own final sync must not run beside it");
  }
}
