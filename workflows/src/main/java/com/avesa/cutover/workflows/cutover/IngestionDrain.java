package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.ActivityRetries;
import com.avesa.cutover.workflows.Deadlines;
import com.avesa.cutover.workflows.config.CutoverConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.run.WorkflowClock;
import com.avesa.cutover.workflows.sync.SyncHold;
import com.avesa.cutover.workflows.sync.SyncScheduleActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What must be quiet before the cutover's own final sync: a run of the periodic final sync that was
 * already going when the window opened (pausing its Schedule does not stop it), and the source
 * functions the disabled rules had started. Both are polled with durable timers, raced against the
 * window's last moment to switch (and the sync against {@code cutover.drainTimeout}); an operator's
 * rollback interrupts the wait.
 */
final class IngestionDrain {
  /** How often the runs and the metrics are read while waiting. */
  static final Duration POLL = Duration.ofSeconds(15);

  private final ActivityOptions options = ActivityOptions.newBuilder()
      .setStartToCloseTimeout(Duration.ofMinutes(2))
      .setRetryOptions(ActivityRetries.transientErrors(Duration.ofSeconds(30), 10))
      .build();
  private final DataFlowActivities dataFlow = Workflow.newActivityStub(DataFlowActivities.class, options);
  private final SyncScheduleActivities schedules = Workflow.newActivityStub(SyncScheduleActivities.class, options);

  private final MigrationConfig config;
  private final CutoverConfig plan;
  private final CutoverState state;
  private final OperatorDesk desk;

  IngestionDrain(MigrationConfig config, CutoverState state, OperatorDesk desk) {
    this.config = config;
    this.plan = config.cutover();
    this.state = state;
    this.desk = desk;
  }

  /** Whether the hold found a Schedule, whose runs may still be going (a held cron workflow was terminated). */
  boolean heldASchedule() {
    SyncHold hold = state.changes().syncHold();
    return hold != null && hold.kind() == SyncHold.Kind.SCHEDULE;
  }

  /** Waits until no run the held Schedule started is running, at most {@code drainTimeout} and never past the window's bound. */
  void awaitScheduledSync(int step) {
    SyncHold hold = state.changes().syncHold();
    Instant started = WorkflowClock.now();
    Instant timeout = Deadlines.plus(started, plan.drainTimeout());
    Instant latest = state.lastMomentToSwitch(plan);
    List<String> seen = new ArrayList<>();
    while (true) {
      List<String> running = schedules.runningSyncs(hold);
      running.stream().filter(id -> !seen.contains(id)).forEach(seen::add);
      if (running.isEmpty()) {
        state.stepDone(step, seen.isEmpty() ? "no run of " + hold.scheduleId() + " was running"
            : "awaited " + String.join(", ", seen) + ": ended after " + Duration.between(started, WorkflowClock.now()).truncatedTo(ChronoUnit.SECONDS));
        return;
      }
      Instant now = WorkflowClock.now();
      if (!now.isBefore(latest) || !now.isBefore(timeout)) {
        String why = (now.isBefore(latest) ? "the periodic final sync " + String.join(", ", running)
            + " still running after cutover.drainTimeout " + plan.drainTimeout()
            : "window closing: the periodic final sync " + String.join(", ", running) + " still running at " + latest)
            + "; the cutover's own final sync must not run beside it";
        state.stepFailed(step, why);
        throw new CutoverAbort(why);
      }
      state.phase("CUTTING_OVER", "waiting for the periodic final sync " + String.join(", ", running) + " to end");
      pause(step, earliest(now.plus(POLL), timeout, latest));
    }
  }

  /**
   * Waits until every Lambda function the source rules target has no invocation running: its
   * latest ConcurrentExecutions reads 0, or its timeout has run out since the rules were disabled
   * (no invocation started before lasts longer; the bound where no metric answers).
   */
  void drainSourceIngestion(int step) {
    Instant since = state.changes().changesBegan();
    Instant latest = state.lastMomentToSwitch(plan);
    while (true) {
      SourceInvocations read = dataFlow.readSourceInvocations(new DrainRequest(config.estate(), plan.sourceRules(), since));
      Instant now = WorkflowClock.now();
      List<String> busy = new ArrayList<>();
      List<String> drained = new ArrayList<>();
      Instant nextBound = null;
      for (SourceInvocations.FunctionLoad f : read.functions()) {
        Instant bound = Deadlines.plus(since, Duration.ofSeconds(f.timeoutSeconds()));
        if (f.running() != null && f.running() == 0) {
          drained.add(f.function() + " (ConcurrentExecutions 0)");
        } else if (!now.isBefore(bound)) {
          drained.add(f.function() + " (its timeout of " + f.timeoutSeconds() + " s has run out)");
        } else {
          busy.add(f.function() + (f.running() == null ? " (no ConcurrentExecutions; waiting out its timeout until "
              + bound + ")" : " (ConcurrentExecutions " + f.running().longValue() + ")"));
          nextBound = nextBound == null || bound.isBefore(nextBound) ? bound : nextBound;
        }
      }
      if (busy.isEmpty()) {
        String others = read.otherTargets().isEmpty() ? ""
            : "; not Lambda functions, not watched: " + String.join(", ", read.otherTargets());
        state.stepDone(step, (drained.isEmpty() ? "no source function to drain" : "drained " + String.join(", ", drained))
            + " after " + Duration.between(since, now).truncatedTo(ChronoUnit.SECONDS) + others);
        return;
      }
      if (!now.isBefore(latest)) {
        String why = "window closing: source invocations still running at " + latest + ": " + String.join(", ", busy);
        state.stepFailed(step, why);
        throw new CutoverAbort(why);
      }
      state.phase("CUTTING_OVER", "draining source ingestion: " + String.join(", ", busy));
      pause(step, earliest(now.plus(POLL), nextBound, latest));
    }
  }

  /** A durable timer until {@code until}; an operator's rollback ends it and the run. */
  private void pause(int step, Instant until) {
    if (Workflow.await(Deadlines.until(WorkflowClock.now(), until), desk::rollbackRequested)) {
      state.stepFailed(step, desk.rollbackReason());
      desk.checkRollback();
    }
  }

  private static Instant earliest(Instant a, Instant b, Instant c) {
    Instant min = a;
    for (Instant i : new Instant[] {b, c}) {
      if (i != null && i.isBefore(min)) {
        min = i;
      }
    }
    return min;
  }
}
