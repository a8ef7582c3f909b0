package com.avesa.cutover.workflows.cutover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import com.avesa.cutover.workflows.config.AlarmSelector;
import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.config.CutoverConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.config.MonitorConfig;
import com.avesa.cutover.workflows.run.CutoverStep;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Monitoring that sees data flow (version 1 of monitor-data-flow): {@code cutover.monitor} on mocked reads. */
@Timeout(90)
class CutoverDataFlowMonitorTest {
  private static final String FUNCTION = "avesa-connectwise-ingestion-prod";

  @RegisterExtension
  final TestWorkflowExtension testWorkflow = CutoverFixtures.testWorkflow();

  private final CutoverFixtures fx = new CutoverFixtures();
  private final List<DataFlowRequest> requests = new ArrayList<>();

  private CutoverReport run(TestWorkflowEnvironment env, Worker worker, MonitorConfig monitor) {
    CutoverConfig noAlarms = CutoverFixtures.cutoverConfig();
    noAlarms = new CutoverConfig(noAlarms.window(), noAlarms.monitorFor(), noAlarms.checkEvery(),
        noAlarms.rollbackBudget(), noAlarms.sourceRules(), noAlarms.targetRules(), noAlarms.dns(),
        noAlarms.smokeTests(), new AlarmSelector(List.of(), null), noAlarms.notifyTopicArn(), null, null, monitor);
    MigrationConfig config = CutoverFixtures.config(noAlarms, ApprovalsConfig.defaults());
    return fx.runApproved(env, worker, "data-flow-test", config);
  }

  /** Answers each read in turn with the next check (the last one repeats). */
  private void dataFlowReads(DataFlowCheck... checks) {
    AtomicInteger reads = new AtomicInteger();
    doAnswer(i -> {
      requests.add(i.getArgument(0));
      fx.journal.add("read data flow");
      return checks[Math.min(reads.getAndIncrement(), checks.length - 1)];
    }).when(fx.dataFlow).readDataFlow(any());
  }

  private static StepRecord monitoring(CutoverReport report) {
    return report.steps().stream().filter(s -> s.name() == CutoverStep.MONITOR_ALARMS).findFirst().orElseThrow();
  }

  @Test
  void dataArrivingForEveryTenantAndInvocationsWithoutErrorsCutOver(TestWorkflowEnvironment env, Worker worker) {
    dataFlowReads(
        new DataFlowCheck(List.of("t1", "t2"), List.of("t1"), List.of(FUNCTION), 0, 0),
        new DataFlowCheck(List.of("t1", "t2"), List.of("t2"), List.of(FUNCTION), 4, 0));

    CutoverReport report = run(env, worker, new MonitorConfig(true, true, 0, Duration.ofMinutes(30), List.of(), false));

    assertThat(report.outcome()).isEqualTo(Outcome.CUT_OVER);
    assertThat(monitoring(report).detail())
        .isEqualTo("no alarms configured; waited PT2H; data flowing: new objects from 2 of 2 tenant(s), 4 invocation(s), 0 error(s)");
    // The first read lists every tenant, the next skips the one already seen; errors are read for the whole two hours.
    assertThat(requests.get(0).tenantsSeen()).isEmpty();
    assertThat(requests.get(1).tenantsSeen()).containsExactly("t1");
    assertThat(requests).hasSize(25);
    Instant switched = report.steps().stream().filter(s -> s.name() == CutoverStep.SWITCH_DNS).findFirst().orElseThrow()
        .startedAt();
    assertThat(requests).allSatisfy(r -> {
      assertThat(r.since()).isEqualTo(switched);
      assertThat(r.bucket()).isEqualTo("data-storage-msp-prod");
      assertThat(r.targetRules()).isEqualTo(CutoverFixtures.TARGET_RULES);
    });
  }

  @Test
  void aMonitoringWindowWithoutNewDataRollsBackAtItsDeadlineNamingWhatIsMissing(TestWorkflowEnvironment env,
      Worker worker) {
    dataFlowReads(new DataFlowCheck(List.of("t1", "t2"), List.of(), List.of(FUNCTION), 0, 0));

    CutoverReport report = run(env, worker, new MonitorConfig(true, true, 0, Duration.ofMinutes(12), List.of(), false));

    assertThat(report.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    Instant switched = report.steps().stream().filter(s -> s.name() == CutoverStep.SWITCH_DNS).findFirst().orElseThrow()
        .startedAt();
    assertThat(report.reason()).isEqualTo("no new data within PT12M of the switch at " + switched
        + ": no new object under raw/t1/, raw/t2/ in data-storage-msp-prod; no Invocations of " + FUNCTION);
    // Read at the start, at 5 and 10 minutes, then woken at the 12-minute deadline rather than at 15.
    assertThat(monitoring(report).endedAt()).isBetween(switched.plus(Duration.ofMinutes(12)),
        switched.plus(Duration.ofMinutes(12)).plusSeconds(5));
    assertThat(requests).hasSize(4);
    assertThat(fx.journalFrom("read data flow")).contains("disable TARGET " + CutoverFixtures.TARGET_RULES,
        "sync REVERSE", "enable SOURCE " + CutoverFixtures.SOURCE_RULES);
  }

  @Test
  void moreErrorsThanAllowedRollBackAtTheFirstRead(TestWorkflowEnvironment env, Worker worker) {
    dataFlowReads(new DataFlowCheck(List.of(), List.of(), List.of(FUNCTION), 9, 3));

    CutoverReport report = run(env, worker, new MonitorConfig(false, true, 2, null, List.of(FUNCTION), false));

    assertThat(report.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(report.reason()).startsWith("target functions " + FUNCTION + " reported 3 error(s) since the switch at ")
        .endsWith(" (cutover.monitor.maxErrors 2)");
    assertThat(requests).singleElement().satisfies(r -> {
      assertThat(r.newObjects()).isFalse();
      assertThat(r.functions()).containsExactly(FUNCTION);
    });
  }

  @Test
  void newObjectsAloneStopReadingOnceEveryTenantDeliveredAndNoneReadsNothing(TestWorkflowEnvironment env,
      Worker worker) {
    dataFlowReads(new DataFlowCheck(List.of("t1"), List.of("t1"), List.of(), 0, 0));

    CutoverReport report = run(env, worker, new MonitorConfig(true, false, 0, null, List.of(), false));

    assertThat(report.outcome()).isEqualTo(Outcome.CUT_OVER);
    assertThat(requests).hasSize(1);
    assertThat(monitoring(report).detail()).endsWith("data flowing: new objects from 1 of 1 tenant(s)");
  }

  @Test
  void monitorNoneReadsNoDataFlow(TestWorkflowEnvironment env, Worker worker) {
    CutoverReport report = run(env, worker, new MonitorConfig(false, false, 0, null, List.of(), true));

    assertThat(report.outcome()).isEqualTo(Outcome.CUT_OVER);
    assertThat(fx.journal).doesNotContain("read data flow");
    assertThat(monitoring(report).detail()).isEqualTo("no alarms configured; waited PT2H");
  }
}
