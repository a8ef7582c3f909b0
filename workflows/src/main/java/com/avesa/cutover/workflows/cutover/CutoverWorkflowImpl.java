package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.config.BucketMapping;
import com.avesa.cutover.workflows.config.CutoverConfig;
import com.avesa.cutover.workflows.config.DnsConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.config.SmokeTest;
import com.avesa.cutover.workflows.config.TableMapping;
import com.avesa.cutover.workflows.migration.AccountActivities;
import com.avesa.cutover.workflows.migration.DataMigrationWorkflow;
import com.avesa.cutover.workflows.migration.MigrationInput;
import com.avesa.cutover.workflows.migration.MigrationReport;
import com.avesa.cutover.workflows.migration.Mode;
import com.avesa.cutover.workflows.migration.PreflightRequest;
import com.avesa.cutover.workflows.migration.Side;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;

/**
 * The cutover as small steps in runbook order. Steps throw {@link Abort} (a refusal, an alarm, a
 * window about to close) or let an activity/child failure through; either rolls back.
 */
public class CutoverWorkflowImpl implements CutoverWorkflow {
  private static final Logger log = Workflow.getLogger(CutoverWorkflowImpl.class);

  private final RetryOptions retry = RetryOptions.newBuilder()
      .setInitialInterval(Duration.ofSeconds(1))
      .setBackoffCoefficient(2)
      .setMaximumInterval(Duration.ofSeconds(30))
      .setMaximumAttempts(10)
      .setDoNotRetry(Arrays.stream(FailureType.values()).map(FailureType::type).toArray(String[]::new))
      .build();

  private final CutoverActivities cutover = Workflow.newActivityStub(CutoverActivities.class,
      ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(2)).setRetryOptions(retry).build());

  private final AccountActivities accounts = Workflow.newActivityStub(AccountActivities.class,
      ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(2)).setRetryOptions(retry).build());

  // A function may run for up to 15 minutes; an invocation that fails to return is tried three
  // times in all, since invoking a smoke test again is harmless but slow.
  private final CutoverActivities smokeTests = Workflow.newActivityStub(CutoverActivities.class,
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(16))
          .setRetryOptions(RetryOptions.newBuilder(retry).setMaximumAttempts(3).build())
          .build());

  // A notice that cannot be sent must not hold up the cutover: three attempts, then a warning.
  private final CutoverActivities notices = Workflow.newActivityStub(CutoverActivities.class,
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(1))
          .setRetryOptions(RetryOptions.newBuilder(retry).setMaximumAttempts(3).build())
          .build());

  private MigrationConfig config;
  private CutoverConfig plan;
  private ApprovalsConfig approvals;
  private CutoverState state;
  private ApprovalRules rules;
  private Compensations compensations;
  private CutoverUndo undo;
  private RollbackRequest rollbackRequest;
  private boolean signedOff;

  @Override
  public CutoverReport cutover(CutoverInput input) {
    config = input.config();
    plan = config.cutover();
    approvals = config.approvals() == null ? ApprovalsConfig.defaults() : config.approvals();
    state = new CutoverState(CutoverReport.CUTOVER, config, input.requestedBy());
    rules = new ApprovalRules(approvals, input.requestedBy());
    compensations = new Compensations(state);
    undo = new CutoverUndo(state, config);
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
      waitForWindow();
      stopSourceIngestion();
      runFinalSync();
      switchDns();
      startTargetIngestion();
      runSmokeTests();
      monitorAlarms();
      awaitSignOff();
    } catch (Abort abort) {
      return rollBack(abort.getMessage());
    } catch (TemporalFailure failure) {
      return rollBack(state.phase().toLowerCase() + " failed: " + Compensations.describe(failure));
    }
    signedOff = true;
    return finish(Outcome.CUT_OVER, null);
  }

  // --- steps ---------------------------------------------------------------------------------

  private boolean preflight() {
    state.phase("PREFLIGHT", "checking accounts and everything the cutover names");
    int step = state.startStep("preflight");
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
    int step = state.startStep("cutover gate");
    state.gate(Gates.CUTOVER, rules.needed(state.approvals(), Gates.CUTOVER));
    tell("awaiting approval", "Cutover " + config.name() + " is waiting for " + approvals.required()
        + " approval(s) of gate cutover (workflow " + Workflow.getInfo().getWorkflowId() + ").");
    boolean decided = Workflow.await(approvals.timeout(), () -> gateDecided(Gates.CUTOVER));
    state.gate(null, 0);
    if (!decided) {
      state.stepFailed(step, "no approval within " + approvals.timeout());
      state.reason("no approval of gate cutover within " + approvals.timeout() + "; nothing was changed");
      return Outcome.EXPIRED;
    }
    ApprovalRecord rejection = rejection(Gates.CUTOVER);
    if (rejection != null) {
      state.stepFailed(step, "rejected by " + rejection.approver());
      state.reason("gate cutover rejected by " + rejection.approver() + ": " + rejection.reason());
      return Outcome.REJECTED;
    }
    Instant start = ApprovalRules.windowStart(state.approvals(), CutoverState.now());
    state.window(start, start.plus(plan.window()));
    state.stepDone(step, "approved by " + approvedBy(Gates.CUTOVER) + "; window " + start + " → " + state.windowEnd());
    return null;
  }

  private void waitForWindow() {
    Duration wait = Duration.between(CutoverState.now(), state.windowEnd().minus(plan.window()));
    if (positive(wait)) {
      state.phase("WAITING_FOR_WINDOW", "window opens in " + wait);
      Workflow.await(wait, () -> rollbackRequest != null);
    }
    checkRollback();
  }

  private void stopSourceIngestion() {
    state.phase("CUTTING_OVER", "disabling source ingestion");
    int step = beginStep("disableSourceIngestion");
    RuleStates before = cutover.describeRules(new RulesRequest(config.estate(), Side.SOURCE, plan.sourceRules()));
    CutoverChanges c = state.changes();
    state.changes(new CutoverChanges(before.enabled(), c.targetRulesEnabled(), c.dnsSide(), c.hostedZoneId(),
        c.previousDns(), c.appliedDns(), CutoverState.now()));
    compensations.register(CutoverUndo.ENABLE_SOURCE_INGESTION, "disableSourceIngestion",
        undo.action(CutoverUndo.ENABLE_SOURCE_INGESTION));
    cutover.setRulesEnabled(new RuleChange(config.estate(), Side.SOURCE, before.enabled(), false));
    state.stepDone(step, "disabled " + before.enabled() + (before.disabled().isEmpty() ? ""
        : "; already disabled " + before.disabled()));
  }

  /** The final SYNC as a child run, raced against the last moment monitoring can still start. */
  private void runFinalSync() {
    int step = beginStep("finalSync");
    String id = Workflow.getInfo().getWorkflowId() + "-final-sync";
    state.finalSyncId(id);
    DataMigrationWorkflow sync = Workflow.newChildWorkflowStub(DataMigrationWorkflow.class,
        ChildWorkflowOptions.newBuilder().setWorkflowId(id).build());
    List<Promise<MigrationReport>> result = new ArrayList<>();
    CancellationScope scope = Workflow.newCancellationScope(
        () -> result.add(Async.function(sync::migrate, MigrationInput.of(config, Mode.SYNC))));
    scope.run();
    Promise<MigrationReport> report = result.get(0);
    boolean finished = Workflow.await(timeLeftToSwitch(), () -> report.isCompleted() || rollbackRequest != null);
    if (!report.isCompleted()) {
      String why = finished ? "rollback requested by " + rollbackRequest.operator() + ": " + rollbackRequest.reason()
          : "window closing: the final sync did not finish in time to monitor for " + plan.monitorFor()
              + " and keep " + plan.rollbackBudget() + " to roll back before " + state.windowEnd();
      state.stepFailed(step, why);
      scope.cancel();
      try {
        report.get();
      } catch (TemporalFailure stopped) {
        log.info("final sync stopped: {}", stopped.getMessage());
      }
      throw new Abort(why);
    }
    MigrationReport synced = report.get();
    state.stepDone(step, "synced and verified: " + synced.buckets().stream().mapToLong(b -> b.copied()).sum()
        + " object(s), " + synced.tables().stream().mapToLong(t -> t.copied()).sum() + " item(s) copied (" + id + ")");
  }

  private void switchDns() {
    DnsConfig dns = plan.dns();
    if (dns == null) {
      return;
    }
    int step = beginStep("switchDns");
    CutoverChanges c = state.changes();
    DnsRecordSet previous = cutover.readDnsRecord(
        new DnsRequest(config.estate(), c.dnsSide(), dns.hostedZoneId(), dns.name(), dns.type()));
    DnsRecordSet applied = DnsRecordSet.simple(dns.name(), dns.type(), dns.ttl(), dns.value());
    state.changes(new CutoverChanges(c.sourceRulesDisabled(), c.targetRulesEnabled(), c.dnsSide(), dns.hostedZoneId(),
        previous, applied, c.changesBegan()));
    compensations.register(CutoverUndo.REVERSE_SYNC, "switchDns", undo.action(CutoverUndo.REVERSE_SYNC));
    compensations.register(CutoverUndo.RESTORE_DNS, "switchDns", undo.action(CutoverUndo.RESTORE_DNS));
    cutover.writeDnsRecord(new DnsChange(config.estate(), c.dnsSide(), dns.hostedZoneId(), applied));
    state.stepDone(step, dns.name() + " " + dns.type() + " → " + dns.value() + " ttl " + dns.ttl()
        + (previous.exists() ? " (was " + CutoverUndo.describe(previous) + ")" : " (new record)"));
  }

  private void startTargetIngestion() {
    if (plan.dns() == null) {
      // Without a DNS switch the target starts receiving data here: register the copy back first.
      compensations.register(CutoverUndo.REVERSE_SYNC, "enableTargetIngestion", undo.action(CutoverUndo.REVERSE_SYNC));
    }
    int step = beginStep("enableTargetIngestion");
    RuleStates before = cutover.describeRules(new RulesRequest(config.estate(), Side.TARGET, plan.targetRules()));
    CutoverChanges c = state.changes();
    state.changes(new CutoverChanges(c.sourceRulesDisabled(), before.disabled(), c.dnsSide(), c.hostedZoneId(),
        c.previousDns(), c.appliedDns(), c.changesBegan()));
    compensations.register(CutoverUndo.DISABLE_TARGET_INGESTION, "enableTargetIngestion",
        undo.action(CutoverUndo.DISABLE_TARGET_INGESTION));
    cutover.setRulesEnabled(new RuleChange(config.estate(), Side.TARGET, before.disabled(), true));
    state.stepDone(step, "enabled " + before.disabled() + (before.enabled().isEmpty() ? ""
        : "; already enabled " + before.enabled()));
  }

  private void runSmokeTests() {
    if (plan.smokeTests().isEmpty()) {
      return;
    }
    int step = beginStep("smokeTests");
    List<String> passed = new ArrayList<>();
    for (SmokeTest test : plan.smokeTests()) {
      SmokeTestResult result = smokeTests.invokeFunction(
          new SmokeTestRequest(config.estate(), Side.TARGET, test.function(), test.payload()));
      if (!result.passed()) {
        String why = "smoke test " + test.function() + " failed: status " + result.statusCode()
            + (result.functionError() == null ? "" : ", FunctionError " + result.functionError())
            + (result.response() == null || result.response().isEmpty() ? "" : ", response " + result.response());
        state.stepFailed(step, why);
        throw new Abort(why);
      }
      passed.add(test.function());
      checkRollback();
    }
    state.stepDone(step, "passed: " + String.join(", ", passed));
  }

  private void monitorAlarms() {
    state.phase("MONITORING", "watching target alarms for " + plan.monitorFor());
    int step = beginStep("monitorAlarms");
    Instant until = CutoverState.now().plus(plan.monitorFor());
    int checks = 0;
    while (true) {
      if (!plan.alarms().selectsNothing()) {
        AlarmCheck check = cutover.checkAlarms(new AlarmRequest(config.estate(), Side.TARGET, plan.alarms()));
        checks++;
        if (!check.inAlarm().isEmpty()) {
          String why = "alarm during monitoring: " + String.join("; ", check.inAlarm());
          state.stepFailed(step, why);
          throw new Abort(why);
        }
      }
      Duration left = Duration.between(CutoverState.now(), until);
      if (!positive(left)) {
        break;
      }
      state.phase("MONITORING", "target alarms OK after " + checks + " check(s); " + left + " to go");
      Duration next = left.compareTo(plan.checkEvery()) < 0 ? left : plan.checkEvery();
      if (Workflow.await(next, () -> rollbackRequest != null)) {
        state.stepFailed(step, "rollback requested");
        checkRollback();
      }
    }
    state.stepDone(step, plan.alarms().selectsNothing() ? "no alarms configured; waited " + plan.monitorFor()
        : checks + " check(s), no alarm in ALARM over " + plan.monitorFor());
  }

  private void awaitSignOff() {
    if (!approvals.signOff()) {
      return;
    }
    state.phase("SIGN_OFF", "waiting for sign-off");
    int step = state.startStep("sign-off gate");
    state.gate(Gates.SIGN_OFF, rules.needed(state.approvals(), Gates.SIGN_OFF));
    Duration left = Duration.between(CutoverState.now(), state.windowEnd().minus(plan.rollbackBudget()));
    boolean decided = Workflow.await(left.isNegative() ? Duration.ZERO : left,
        () -> gateDecided(Gates.SIGN_OFF) || rollbackRequest != null);
    state.gate(null, 0);
    checkRollback();
    if (!decided) {
      state.stepFailed(step, "no sign-off");
      throw new Abort("window closing: no sign-off before " + state.windowEnd().minus(plan.rollbackBudget())
          + " (the last " + plan.rollbackBudget() + " of the window are kept to roll back)");
    }
    ApprovalRecord rejection = rejection(Gates.SIGN_OFF);
    if (rejection != null) {
      state.stepFailed(step, "rejected by " + rejection.approver());
      throw new Abort("sign-off rejected by " + rejection.approver() + ": " + rejection.reason());
    }
    state.stepDone(step, "signed off by " + approvedBy(Gates.SIGN_OFF));
  }

  // --- rollback and the end ---------------------------------------------------------------------

  private CutoverReport rollBack(String reason) {
    log.warn("rolling back: {}", reason);
    state.failRunningStep(reason);
    state.reason(reason);
    state.gate(null, 0);
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

  private int beginStep(String name) {
    checkRollback();
    Instant latest = state.windowEnd().minus(plan.rollbackBudget()).minus(plan.monitorFor());
    if (!"monitorAlarms".equals(name) && CutoverState.now().isAfter(latest)) {
      throw new Abort("window closing: " + name + " cannot start after " + latest + " (monitoring for "
          + plan.monitorFor() + " and a rollback of " + plan.rollbackBudget() + " must fit before "
          + state.windowEnd() + ")");
    }
    return state.startStep(name);
  }

  private Duration timeLeftToSwitch() {
    Instant latest = state.windowEnd().minus(plan.rollbackBudget()).minus(plan.monitorFor());
    Duration left = Duration.between(CutoverState.now(), latest);
    return left.isNegative() ? Duration.ZERO : left;
  }

  private static boolean positive(Duration d) {
    return !d.isNegative() && !d.isZero();
  }

  private void checkRollback() {
    if (rollbackRequest != null) {
      throw new Abort("rollback requested by " + rollbackRequest.operator() + ": " + rollbackRequest.reason());
    }
  }

  private boolean gateDecided(String gate) {
    return rejection(gate) != null || rules.needed(state.approvals(), gate) == 0;
  }

  private ApprovalRecord rejection(String gate) {
    return state.approvals().stream()
        .filter(a -> gate.equals(a.gate()) && ApprovalRecord.REJECTED.equals(a.decision()))
        .findFirst().orElse(null);
  }

  private String approvedBy(String gate) {
    return String.join(", ", state.approvals().stream()
        .filter(a -> gate.equals(a.gate()) && ApprovalRecord.APPROVED.equals(a.decision()))
        .map(ApprovalRecord::approver).toList());
  }

  // --- handlers -----------------------------------------------------------------------------------

  @Override
  public void approve(Approval approval) {
    String refusal = state == null ? "the run has not started yet" : refuseApproval(approval);
    record(approval, refusal == null ? ApprovalRecord.APPROVED : ApprovalRecord.REFUSED, refusal);
  }

  @Override
  public void reject(Approval rejection) {
    String refusal = state == null ? "the run has not started yet" : refuseRejection(rejection);
    record(rejection, refusal == null ? ApprovalRecord.REJECTED : ApprovalRecord.REFUSED, refusal);
  }

  @Override
  public void rollback(RollbackRequest request) {
    String refusal = refuseRollback(request);
    if (refusal == null) {
      rollbackRequest = request;
    } else {
      log.warn("rollback signal refused: {}", refusal);
    }
  }

  @Override
  public ApprovalRecord approveGate(Approval approval) {
    validateApproval(approval);
    return record(approval, ApprovalRecord.APPROVED, null);
  }

  @Override
  public void validateApproval(Approval approval) {
    refuseIf(state == null ? "the run has not started yet" : refuseApproval(approval));
  }

  @Override
  public ApprovalRecord rejectGate(Approval rejection) {
    validateRejection(rejection);
    return record(rejection, ApprovalRecord.REJECTED, null);
  }

  @Override
  public void validateRejection(Approval rejection) {
    refuseIf(state == null ? "the run has not started yet" : refuseRejection(rejection));
  }

  @Override
  public String requestRollback(RollbackRequest request) {
    validateRollback(request);
    rollbackRequest = request;
    return "rollback requested by " + request.operator() + " in phase " + state.phase();
  }

  @Override
  public void validateRollback(RollbackRequest request) {
    refuseIf(refuseRollback(request));
  }

  @Override
  public CutoverReport progress() {
    return state == null ? null : state.report();
  }

  private String refuseApproval(Approval approval) {
    return rules.refuseApproval(approval, state.pendingGate(), state.approvals(), CutoverState.now());
  }

  private String refuseRejection(Approval rejection) {
    return rules.refuseRejection(rejection, state.pendingGate());
  }

  private String refuseRollback(RollbackRequest request) {
    if (state == null) {
      return "the run has not started yet";
    }
    if (request == null || request.operator() == null || request.operator().isBlank()) {
      return "operator is required: {\"operator\":\"bob\",\"reason\":\"…\"}";
    }
    if (request.reason() == null || request.reason().isBlank()) {
      return "a reason is required";
    }
    if (rollbackRequest != null || "ROLLING_BACK".equals(state.phase())) {
      return "already rolling back";
    }
    if (state.outcome() != Outcome.RUNNING || signedOff) {
      return "the run has ended (" + state.outcome() + "); roll a finished cutover back with avesa rollback --after";
    }
    if ("PREFLIGHT".equals(state.phase()) || "GATE".equals(state.phase())) {
      return "nothing to roll back: the cutover has not been approved yet (reject the gate instead)";
    }
    return null;
  }

  private ApprovalRecord record(Approval approval, String decision, String note) {
    Approval a = approval == null ? new Approval(null, null, null, null) : approval;
    Instant start = null;
    if (note == null && Gates.CUTOVER.equals(a.gate()) && ApprovalRecord.APPROVED.equals(decision)) {
      start = ApprovalRules.parseWindowStart(a.windowStart());
    }
    ApprovalRecord record = new ApprovalRecord(a.gate(), a.approver() == null ? null : a.approver().trim(), decision,
        a.reason(), CutoverState.now(), start, note);
    if (state != null) {
      state.record(record);
      if (note == null && state.pendingGate() != null) {
        state.gate(state.pendingGate(), rules.needed(state.approvals(), state.pendingGate()));
      }
    }
    return record;
  }

  private static void refuseIf(String refusal) {
    if (refusal != null) {
      throw new IllegalArgumentException(refusal);
    }
  }

  /** Ends the forward path of the cutover; its message is the reason for the rollback. */
  private static final class Abort extends RuntimeException {
    Abort(String message) {
      super(message, null, false, false);
    }
  }
}
