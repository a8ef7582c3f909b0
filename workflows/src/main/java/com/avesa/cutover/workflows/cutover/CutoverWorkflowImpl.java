package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.ActivityRetries;
import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.config.BucketMapping;
import com.avesa.cutover.workflows.config.CutoverConfig;
import com.avesa.cutover.workflows.config.DnsConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.config.TableMapping;
import com.avesa.cutover.workflows.gate.Approval;
import com.avesa.cutover.workflows.gate.ApprovalAuthority;
import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.avesa.cutover.workflows.gate.GateKeeper;
import com.avesa.cutover.workflows.gate.GatedWorkflow;
import com.avesa.cutover.workflows.migration.AccountActivities;
import com.avesa.cutover.workflows.migration.DataMigrationWorkflow;
import com.avesa.cutover.workflows.migration.ExtrasSummary;
import com.avesa.cutover.workflows.migration.MigrationInput;
import com.avesa.cutover.workflows.migration.MigrationReport;
import com.avesa.cutover.workflows.migration.Mode;
import com.avesa.cutover.workflows.migration.PreflightRequest;
import com.avesa.cutover.workflows.run.CutoverStep;
import com.avesa.cutover.workflows.run.RunIds;
import com.avesa.cutover.workflows.run.RunKind;
import com.avesa.cutover.workflows.run.WorkflowClock;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.common.VersioningBehavior;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import io.temporal.workflow.WorkflowVersioningBehavior;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * The cutover as small steps in runbook order. Steps throw {@link Abort} (a refusal, an alarm, a
 * window about to close) or let an activity/child failure through; either rolls back. Its gates are
 * kept by the {@link GateKeeper} of its state, with the window start as the cutover's hook
 * ({@link CutoverWindow}).
 */
public class CutoverWorkflowImpl extends GatedWorkflow implements CutoverWorkflow {
  private static final Logger log = Workflow.getLogger(CutoverWorkflowImpl.class);

  /** Change id of the step that holds the periodic final sync before source ingestion stops. */
  static final String HOLD_SCHEDULED_SYNC = "hold-scheduled-sync";
  /**
   * When holdScheduledSync shipped (2986a57): runs started before it (the last recorded one at
   * 2026-11-28T00:36:28Z) do not hold the sync; runs started after it (the first recorded at 00:41:15Z)
   * do, without a version marker, because the step shipped before its version branch did.
   */
  static final Instant HOLD_SCHEDULED_SYNC_SHIPPED = Instant.parse("2026-11-28T00:40:00Z");
  /** Change id: a running scheduled sync is awaited and the source functions drained before the final sync. */
  static final String DRAIN_SOURCE_INGESTION = "drain-source-ingestion";
  /**
   * Change id of the DNS switch that lowers the TTL before the window, waits out the old TTL and
   * for INSYNC, and can switch to an alias ({@link DnsSwitch}); asked once, when the gate opens.
   */
  static final String DNS_TTL_INSYNC = "dns-ttl-insync";

  private final RetryOptions retry = ActivityRetries.transientErrors(Duration.ofSeconds(30), 10);

  private final CutoverActivities cutover = Workflow.newActivityStub(CutoverActivities.class,
      ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(2)).setRetryOptions(retry).build());

  private final AccountActivities accounts = Workflow.newActivityStub(AccountActivities.class,
      ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(2)).setRetryOptions(retry).build());

  // A notice that cannot be sent must not hold up the cutover: three attempts, then a warning.
  private final CutoverActivities notices = Workflow.newActivityStub(CutoverActivities.class,
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(1))
          .setRetryOptions(ActivityRetries.transientErrors(Duration.ofSeconds(30), 3))
          .build());

  private final MigrationConfig config;
  private final CutoverConfig plan;
  private final ApprovalsConfig approvals;
  private final CutoverState state;
  private final GateKeeper gates;
  private final OperatorDesk desk;
  private Compensations compensations;
  private CutoverUndo undo;
  private TargetChecks checks;
  private Switchover switchover;
  private IngestionDrain drain;
  private DnsSwitch dnsSwitch;

  /**
   * The run's state, built before its workflow method runs so a query or an update that arrives
   * first finds it (the gates judge nothing until the run verified who started it). No commands.
   */
  @WorkflowInit
  public CutoverWorkflowImpl(CutoverInput input) {
    config = input.config();
    plan = config.cutover();
    approvals = config.approvals() == null ? ApprovalsConfig.defaults() : config.approvals();
    state = new CutoverState(RunKind.CUTOVER, config, input.requestedBy(), new CutoverWindow());
    gates = state.gates();
    desk = new OperatorDesk(state);
  }

  @Override
  @WorkflowVersioningBehavior(VersioningBehavior.PINNED)
  public CutoverReport cutover(CutoverInput input) {
    String requestedBy;
    try {
      requestedBy = ApprovalAuthority.verifiedRequester(config, input.requestedBy(), input.startProof());
    } catch (ApplicationFailure notAuthenticated) {
      state.end(Outcome.PREFLIGHT_FAILED, notAuthenticated.getOriginalMessage() + "; nothing was changed");
      return state.report();
    }
    state.started(requestedBy);
    compensations = new Compensations(state);
    checks = new TargetChecks(config, state, desk);
    undo = new CutoverUndo(state, config);
    switchover = new Switchover(config, state, compensations, undo);
    drain = new IngestionDrain(config, state, desk);
    if (plan == null) {
      state.end(Outcome.PREFLIGHT_FAILED, "the config has no cutover: section");
      return state.report();
    }
    if (!preflight()) {
      return finish(Outcome.PREFLIGHT_FAILED, null);
    }
    Outcome gate = awaitCutoverGate();
    if (gate != null) {
      return finish(gate, null);
    }
    try {
      if (plan.dns() != null && Workflow.getVersion(DNS_TTL_INSYNC, Workflow.DEFAULT_VERSION, 1) >= 1) {
        dnsSwitch = new DnsSwitch(config, state, compensations, undo, desk);
        lowerDnsTtl();
      }
      waitForWindow();
      boolean drains = Workflow.getVersion(DRAIN_SOURCE_INGESTION, Workflow.DEFAULT_VERSION, 1) >= 1;
      if (holdsScheduledSync()) {
        state.phase("CUTTING_OVER", "holding the periodic final sync");
        switchover.holdScheduledSync(beginStep(CutoverStep.HOLD_SCHEDULED_SYNC));
        if (drains && drain.heldASchedule()) {
          drain.awaitScheduledSync(beginStep(CutoverStep.AWAIT_SCHEDULED_SYNC));
        }
      }
      state.phase("CUTTING_OVER", "disabling source ingestion");
      switchover.stopSourceIngestion(beginStep(CutoverStep.DISABLE_SOURCE_INGESTION));
      if (drains) {
        state.phase("CUTTING_OVER", "draining source ingestion");
        drain.drainSourceIngestion(beginStep(CutoverStep.DRAIN_SOURCE_INGESTION));
      }
      runFinalSync();
      if (dnsSwitch != null) {
        dnsSwitch.switchRecord(beginStep(CutoverStep.SWITCH_DNS), state.lastMomentToSwitch(plan));
      } else if (plan.dns() != null) {
        switchover.switchDns(beginStep(CutoverStep.SWITCH_DNS));
      }
      switchover.startTargetIngestion(beginStep(CutoverStep.ENABLE_TARGET_INGESTION));
      runSmokeTests();
      monitorAlarms();
      awaitSignOff();
    } catch (CutoverAbort abort) {
      return rollBack(abort.getMessage());
    } catch (TemporalFailure failure) {
      return rollBack(state.phase().toLowerCase() + " failed: " + Compensations.describe(failure));
    }
    desk.markSignedOff();
    return finish(Outcome.CUT_OVER, null);
  }

  // --- steps ---------------------------------------------------------------------------------

  private boolean preflight() {
    state.phase("PREFLIGHT", "checking accounts and everything the cutover names");
    int step = state.startStep(CutoverStep.PREFLIGHT);
    List<String> problems = new ArrayList<>();
    try {
      accounts.verifyAccess(new PreflightRequest(config.estate(),
          config.data().buckets().stream().map(BucketMapping::source).toList(),
          config.data().tables().stream().map(TableMapping::source).toList()));
    } catch (ActivityFailure failure) {
      problems.add(Compensations.describe(failure));
    }
    CutoverPreflight found;
    try {
      found = cutover.checkCutover(new CutoverPreflightRequest(config.estate(), plan));
      problems.addAll(found.problems());
    } catch (ActivityFailure failure) {
      problems.add(Compensations.describe(failure));
      found = new CutoverPreflight(List.of(), null);
    }
    if (!problems.isEmpty()) {
      state.stepFailed(step, String.join("; ", problems));
      state.reason("preflight found " + problems.size() + " problem(s): " + String.join("; ", problems));
      return false;
    }
    DnsConfig dns = plan.dns();
    state.changes(new CutoverChanges(List.of(), List.of(), dns == null ? null : found.dnsSide(),
        dns == null ? null : dns.hostedZoneId(), null, null, null));
    state.stepDone(step, "accounts, rules, DNS zone, functions and alarms found");
    return true;
  }

  /** Returns null when the gate opened, else the outcome that ends the run. */
  private Outcome awaitCutoverGate() {
    state.phase("GATE", "waiting for approval of the cutover");
    int step = state.startStep(CutoverStep.CUTOVER_GATE);
    GateKeeper.Decision decision = gates.await(Gates.CUTOVER, () -> tell("awaiting approval", "Cutover "
        + config.name() + " is waiting for " + approvals.required() + " approval(s) of gate cutover (workflow "
        + Workflow.getInfo().getWorkflowId() + ")."));
    if (decision == GateKeeper.Decision.EXPIRED) {
      state.stepFailed(step, "no approval within " + approvals.timeout());
      state.reason("no approval of gate cutover within " + approvals.timeout() + "; nothing was changed");
      return Outcome.EXPIRED;
    }
    if (decision == GateKeeper.Decision.REJECTED) {
      ApprovalRecord rejection = gates.rejection(Gates.CUTOVER);
      state.stepFailed(step, "rejected by " + rejection.approver());
      state.reason("gate cutover rejected by " + rejection.approver() + ": " + rejection.reason());
      return Outcome.REJECTED;
    }
    Instant start = CutoverWindow.windowStart(gates.decided(), WorkflowClock.now());
    state.window(start, start.plus(plan.window()));
    state.stepDone(step, "approved by " + gates.approvedBy(Gates.CUTOVER) + "; window " + start + " → " + state.windowEnd());
    return null;
  }

  /** Waits until {@code dns.ttlLead} before the window (if that is later than now), then lowers the TTL. */
  private void lowerDnsTtl() {
    Duration wait = Duration.between(WorkflowClock.now(), dnsSwitch.lowerAt(state.windowEnd().minus(plan.window())));
    if (positive(wait)) {
      state.phase("WAITING_FOR_WINDOW", "lowering the TTL of " + plan.dns().name() + " in " + wait);
      Workflow.await(wait, () -> desk.rollbackRequested());
    }
    state.phase("WAITING_FOR_WINDOW", "lowering the TTL of " + plan.dns().name());
    desk.checkRollback();
    // not a switching step: it runs before the window, and is undone if the run rolls back
    dnsSwitch.lowerTtl(state.startStep(CutoverStep.LOWER_DNS_TTL));
  }

  private void waitForWindow() {
    Duration wait = Duration.between(WorkflowClock.now(), state.windowEnd().minus(plan.window()));
    if (positive(wait)) {
      state.phase("WAITING_FOR_WINDOW", "window opens in " + wait);
      Workflow.await(wait, () -> desk.rollbackRequested());
    }
    desk.checkRollback();
  }

  /** The final SYNC as a child run, raced against the last moment monitoring can still start. */
  private void runFinalSync() {
    int step = beginStep(CutoverStep.FINAL_SYNC);
    String id = RunIds.finalSyncChild(Workflow.getInfo().getWorkflowId());
    state.finalSyncId(id);
    DataMigrationWorkflow sync = Workflow.newChildWorkflowStub(DataMigrationWorkflow.class,
        ChildWorkflowOptions.newBuilder().setWorkflowId(id).build());
    List<Promise<MigrationReport>> result = new ArrayList<>();
    CancellationScope scope = Workflow.newCancellationScope(
        () -> result.add(Async.function(sync::migrate, MigrationInput.of(config, Mode.SYNC))));
    scope.run();
    Promise<MigrationReport> report = result.get(0);
    boolean finished = Workflow.await(timeLeftToSwitch(), () -> report.isCompleted() || desk.rollbackRequested());
    if (!report.isCompleted()) {
      String why = finished ? desk.rollbackReason()
          : "window closing: the final sync did not finish in time to monitor for " + plan.monitorFor()
              + " and keep " + plan.rollbackBudget() + " to roll back before " + state.windowEnd();
      state.stepFailed(step, why);
      scope.cancel();
      try {
        report.get();
      } catch (TemporalFailure stopped) {
        log.info("final sync stopped: {}", stopped.getMessage());
      }
      throw new CutoverAbort(why);
    }
    MigrationReport synced = report.get();
    state.stepDone(step, "synced and verified: " + synced.buckets().stream().mapToLong(b -> b.copied()).sum()
        + " object(s), " + synced.tables().stream().mapToLong(t -> t.copied()).sum() + " item(s) copied (" + id + ")"
        + ExtrasSummary.of(synced));
  }

  /**
   * True from version 1 of {@link #HOLD_SCHEDULED_SYNC} on; a run without the marker (DEFAULT_VERSION)
   * holds only when it started after the step shipped.
   */
  private static boolean holdsScheduledSync() {
    int version = Workflow.getVersion(HOLD_SCHEDULED_SYNC, Workflow.DEFAULT_VERSION, 1);
    return version >= 1 || !Instant.ofEpochMilli(Workflow.getInfo().getRunStartedTimestampMillis())
        .isBefore(HOLD_SCHEDULED_SYNC_SHIPPED);
  }

  private void runSmokeTests() {
    if (!plan.smokeTests().isEmpty()) {
      checks.runSmokeTests(beginStep(CutoverStep.SMOKE_TESTS));
    }
  }

  private void monitorAlarms() {
    state.phase("MONITORING", "watching target alarms for " + plan.monitorFor());
    checks.monitorAlarms(beginStep(CutoverStep.MONITOR_ALARMS));
  }

  private void awaitSignOff() {
    if (!approvals.signOff()) {
      return;
    }
    state.phase("SIGN_OFF", "waiting for sign-off");
    int step = state.startStep(CutoverStep.SIGN_OFF_GATE);
    gates.open(Gates.SIGN_OFF);
    Duration left = Duration.between(WorkflowClock.now(), state.windowEnd().minus(plan.rollbackBudget()));
    boolean decided = Workflow.await(left.isNegative() ? Duration.ZERO : left,
        () -> gates.decided(Gates.SIGN_OFF) || desk.rollbackRequested());
    gates.close();
    desk.checkRollback();
    if (!decided) {
      state.stepFailed(step, "no sign-off");
      throw new CutoverAbort("window closing: no sign-off before " + state.windowEnd().minus(plan.rollbackBudget())
          + " (the last " + plan.rollbackBudget() + " of the window are kept to roll back)");
    }
    ApprovalRecord rejection = gates.rejection(Gates.SIGN_OFF);
    if (rejection != null) {
      state.stepFailed(step, "rejected by " + rejection.approver());
      throw new CutoverAbort("sign-off rejected by " + rejection.approver() + ": " + rejection.reason());
    }
    state.stepDone(step, "signed off by " + gates.approvedBy(Gates.SIGN_OFF));
  }

  // --- rollback and the end ---------------------------------------------------------------------

  private CutoverReport rollBack(String reason) {
    log.warn("rolling back: {}", reason);
    state.failRunningStep(reason);
    state.reason(reason);
    gates.close();
    state.phase("ROLLING_BACK", "undoing every change, last first");
    compensations.compensate();
    return finish(state.compensationFailed() ? Outcome.ROLLBACK_INCOMPLETE : Outcome.ROLLED_BACK, reason);
  }

  private CutoverReport finish(Outcome outcome, String reason) {
    state.end(outcome, reason);
    CutoverReport report = state.report();
    tell(outcome.name(), "Cutover " + config.name() + " ended " + outcome
        + (report.reason() == null ? "" : ": " + report.reason())
        + (report.remaining().isEmpty() ? "" : "\nStill to undo by hand:\n" + String.join("\n", report.remaining())));
    Workflow.await(Workflow::isEveryHandlerFinished);
    return state.report();
  }

  /** Publishes to the notify topic when one is configured; a failure is logged, never fatal. */
  private void tell(String subject, String message) {
    if (plan == null || plan.notifyTopicArn() == null) {
      return;
    }
    try {
      notices.notify(new Notice(config.estate(), plan.notifyTopicArn(), "avesa " + config.name() + ": " + subject,
          message));
    } catch (ActivityFailure failure) {
      log.warn("could not notify {}: {}", plan.notifyTopicArn(), Compensations.describe(failure));
    }
  }

  private int beginStep(CutoverStep name) {
    desk.checkRollback();
    Instant latest = state.lastMomentToSwitch(plan);
    if (name != CutoverStep.MONITOR_ALARMS && WorkflowClock.now().isAfter(latest)) {
      throw new CutoverAbort("window closing: " + name + " cannot start after " + latest + " (monitoring for "
          + plan.monitorFor() + " and a rollback of " + plan.rollbackBudget() + " must fit before "
          + state.windowEnd() + ")");
    }
    return state.startStep(name);
  }

  private Duration timeLeftToSwitch() {
    Instant latest = state.lastMomentToSwitch(plan);
    Duration left = Duration.between(WorkflowClock.now(), latest);
    return left.isNegative() ? Duration.ZERO : left;
  }

  private static boolean positive(Duration d) {
    return !d.isNegative() && !d.isZero();
  }

  // --- handlers: gate decisions by the keeper (GatedWorkflow), rollbacks by the desk ---------------

  @Override
  protected GateKeeper gateKeeper() {
    return gates;
  }

  /** As the cutover always has: the decision is judged again in its handler. */
  @Override
  public ApprovalRecord approveGate(Approval approval) {
    validateApproval(approval);
    return super.approveGate(approval);
  }

  /** As the cutover always has: the decision is judged again in its handler. */
  @Override
  public ApprovalRecord rejectGate(Approval rejection) {
    validateRejection(rejection);
    return super.rejectGate(rejection);
  }

  @Override
  public void rollback(RollbackRequest request) {
    String refusal = desk.refuseRollback(request);
    if (refusal == null) {
      desk.acceptRollback(request);
    } else {
      log.warn("rollback signal refused: {}", refusal);
    }
  }

  @Override
  public String requestRollback(RollbackRequest request) {
    validateRollback(request);
    desk.acceptRollback(request);
    return "rollback requested by " + request.operator() + " in phase " + state.phase();
  }

  @Override
  public void validateRollback(RollbackRequest request) {
    refuseIf(desk.refuseRollback(request));
  }

  @Override
  public CutoverReport progress() {
    return state.report();
  }

  private static void refuseIf(String refusal) {
    if (refusal != null) {
      throw new IllegalArgumentException(refusal);
    }
  }
}
