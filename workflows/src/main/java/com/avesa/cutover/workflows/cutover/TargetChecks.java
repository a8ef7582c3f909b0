package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.ActivityRetries;
import com.avesa.cutover.workflows.Deadlines;
import com.avesa.cutover.workflows.config.CutoverConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.config.SmokeTest;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.run.CutoverStep;
import com.avesa.cutover.workflows.run.WorkflowClock;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Steps 8 and 9: the smoke tests and the alarm watch on the target, after the switch. */
final class TargetChecks {
  private final RetryOptions retry = ActivityRetries.transientErrors(Duration.ofSeconds(30), 10);

  /** Change id: the smoke tests are raced against the window's last moment to switch, and cancelled at it. */
  static final String SMOKE_TEST_WINDOW = "smoke-test-window";

  // A function may run for up to 15 minutes; an invocation that fails to return is tried three
  // times in all, since invoking a smoke test again is harmless but slow. The activity heartbeats
  // while the function runs, so a lost worker is noticed in a minute and a cancellation reaches it.
  private final CutoverActivities smokeTests = Workflow.newActivityStub(CutoverActivities.class,
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(16))
          .setHeartbeatTimeout(Duration.ofMinutes(1))
          .setRetryOptions(ActivityRetries.transientErrors(Duration.ofSeconds(30), 3))
          .setSummary("Smoke test: invoke a target function")
          .build());

  private final CutoverActivities alarms = Workflow.newActivityStub(CutoverActivities.class,
      ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).setRetryOptions(retry)
          .setSummary("Monitoring: check the target's CloudWatch alarms").build());

  private final MigrationConfig config;
  private final CutoverConfig plan;
  private final CutoverState state;
  private final OperatorDesk desk;
  private String invoking;

  TargetChecks(MigrationConfig config, CutoverState state, OperatorDesk desk) {
    this.config = config;
    this.plan = config.cutover();
    this.state = state;
    this.desk = desk;
  }

  /**
   * Invokes each function in turn; the first that fails (FunctionError or non-2xx) aborts. The
   * tests must be done by the last moment monitoring and a rollback still fit in the window (the
   * final sync's bound): still running then, or when an operator asks for a rollback, they are
   * cancelled and the cutover rolls back.
   */
  void runSmokeTests(int step) {
    if (Workflow.getVersion(SMOKE_TEST_WINDOW, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
      invokeEach(step, true);
      return;
    }
    List<Promise<List<String>>> running = new ArrayList<>();
    CancellationScope scope = Workflow.newCancellationScope(
        () -> running.add(Async.function(() -> invokeEach(step, false))));
    scope.run();
    Promise<List<String>> passed = running.get(0);
    Instant latest = state.lastMomentToSwitch(plan);
    boolean settled = Workflow.await(Deadlines.until(WorkflowClock.now(), latest),
        () -> passed.isCompleted() || desk.rollbackRequested());
    if (!passed.isCompleted()) {
      String why = settled ? desk.rollbackReason()
          : "window closing: smoke test " + invoking + " still running at " + latest + ", the last moment to monitor for "
              + plan.monitorFor() + " and keep " + plan.rollbackBudget() + " to roll back before " + state.windowEnd();
      state.stepFailed(step, why);
      scope.cancel();
      try {
        passed.get();
      } catch (TemporalFailure stopped) {
        Workflow.getLogger(TargetChecks.class).info("smoke tests stopped: {}", stopped.getMessage());
      }
      throw new CutoverAbort(why);
    }
    state.stepDone(step, "passed: " + String.join(", ", passed.get()));
  }

  /** Invokes the functions one by one; {@code recordPassed}: today's step end, as before the window race. */
  private List<String> invokeEach(int step, boolean recordPassed) {
    List<String> passed = new ArrayList<>();
    for (SmokeTest test : plan.smokeTests()) {
      invoking = test.function();
      SmokeTestResult result = smokeTests.invokeFunction(
          new SmokeTestRequest(config.estate(), Side.TARGET, test.function(), test.payload()));
      if (!result.passed()) {
        String why = "smoke test " + test.function() + " failed: status " + result.statusCode()
            + (result.functionError() == null ? "" : ", FunctionError " + result.functionError())
            + (result.response() == null || result.response().isEmpty() ? "" : ", response " + result.response());
        state.stepFailed(step, why);
        throw new CutoverAbort(why);
      }
      passed.add(test.function());
      if (recordPassed) {
        desk.checkRollback();
      }
    }
    if (recordPassed) {
      state.stepDone(step, "passed: " + String.join(", ", passed));
    }
    return passed;
  }

  /**
   * Reads the alarms at once and every {@code checkEvery} for {@code monitorFor}; any in ALARM aborts.
   * With {@code cutover.monitor} data checks (version 1 of {@link DataFlowWatch#MONITOR_DATA_FLOW}),
   * the data flow is read alongside: missing data at its deadline, or too many errors, abort too.
   */
  void monitorAlarms(int step) {
    Instant until = WorkflowClock.now().plus(plan.monitorFor());
    DataFlowWatch flow = plan.monitorsDataFlow()
        && Workflow.getVersion(DataFlowWatch.MONITOR_DATA_FLOW, Workflow.DEFAULT_VERSION, 1) >= 1
        ? new DataFlowWatch(config, switchedAt()) : null;
    int checks = 0;
    while (true) {
      if (!plan.alarms().selectsNothing()) {
        AlarmCheck check = alarms.checkAlarms(new AlarmRequest(config.estate(), Side.TARGET, plan.alarms()));
        checks++;
        if (!check.inAlarm().isEmpty()) {
          String why = "alarm during monitoring: " + String.join("; ", check.inAlarm());
          state.stepFailed(step, why);
          throw new CutoverAbort(why);
        }
      }
      if (flow != null && flow.watching()) {
        String why = flow.check();
        if (why != null) {
          state.stepFailed(step, why);
          throw new CutoverAbort(why);
        }
      }
      Duration left = Duration.between(WorkflowClock.now(), until);
      if (left.isNegative() || left.isZero()) {
        break;
      }
      state.phase("MONITORING", "target alarms OK after " + checks + " check(s)"
          + (flow == null ? "" : "; " + flow.summary()) + "; " + left + " to go");
      Duration next = left.compareTo(plan.checkEvery()) < 0 ? left : plan.checkEvery();
      if (flow != null && !flow.missing().isEmpty() && WorkflowClock.now().isBefore(flow.deadline())) {
        Duration toDeadline = Deadlines.until(WorkflowClock.now(), flow.deadline());
        next = toDeadline.compareTo(next) < 0 ? toDeadline : next;
      }
      if (Workflow.await(next, desk::rollbackRequested)) {
        state.stepFailed(step, desk.rollbackReason());
        desk.checkRollback();
      }
    }
    String alarmsSeen = plan.alarms().selectsNothing() ? "no alarms configured; waited " + plan.monitorFor()
        : checks + " check(s), no alarm in ALARM over " + plan.monitorFor();
    state.stepDone(step, flow == null ? alarmsSeen : alarmsSeen + "; data flowing: " + flow.summary());
  }

  /** The switch: DNS when the cutover switches it, else target ingestion. */
  private Instant switchedAt() {
    Instant dns = state.stepStarted(CutoverStep.SWITCH_DNS);
    return dns != null ? dns : state.stepStarted(CutoverStep.ENABLE_TARGET_INGESTION);
  }
}
