package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.cutover.CompensationRecord;
import com.avesa.cutover.workflows.cutover.CutoverChanges;
import com.avesa.cutover.workflows.cutover.CutoverInput;
import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.cutover.CutoverWorkflow;
import com.avesa.cutover.workflows.cutover.Gates;
import com.avesa.cutover.workflows.cutover.Outcome;
import com.avesa.cutover.workflows.cutover.RollbackRequest;
import com.avesa.cutover.workflows.cutover.StepRecord;
import com.avesa.cutover.workflows.gate.Approval;
import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.avesa.cutover.workflows.run.CutoverStep;
import com.avesa.cutover.workflows.run.RunKind;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A test stand-in for the real cutover, enough for the CLI's plumbing: a cutover gate (reached
 * after 3 s of preflight when the config's name starts with {@code late-gate-}), the approval
 * rules the CLI relies on (gate pending, reason given, approver listed, not the requester under
 * four eyes, one approval each), an optional sign-off, rejection, rollback on request once
 * something changed, expiry after {@code approvals.timeout}. Every step "succeeds" without touching AWS.
 */
public class ScriptedCutoverWorkflow implements CutoverWorkflow {
  static final List<String> STEPS =
      List.of("disableSourceIngestion", "finalSync", "switchDns", "enableTargetIngestion", "smokeTests");
  /** The compensation each step registers before it acts; smoke tests change nothing. */
  static final Map<String, String> UNDO = Map.of("disableSourceIngestion", "enableSourceIngestion",
      "finalSync", "reverseSync", "switchDns", "restoreDns", "enableTargetIngestion", "disableTargetIngestion");

  private CutoverInput input;
  private ApprovalsConfig rules = ApprovalsConfig.defaults();
  private Outcome outcome = Outcome.RUNNING;
  private String phase = "PREFLIGHT";
  private String step = "checking accounts, rules, DNS, functions and alarms";
  private String pendingGate;
  private int approvalsNeeded;
  private Instant windowStart;
  private Instant windowEnd;
  private String reason;
  private boolean rejected;
  private RollbackRequest rollback;
  private final List<ApprovalRecord> approvals = new ArrayList<>();
  private final List<StepRecord> steps = new ArrayList<>();
  private final List<CompensationRecord> compensations = new ArrayList<>();

  @Override
  public CutoverReport cutover(CutoverInput input) {
    this.input = input;
    rules = CutoverSummary.approvals(input.config());
    if (input.config().name().startsWith("late-gate-")) {
      Workflow.sleep(Duration.ofSeconds(3));
    }
    steps.add(new StepRecord(CutoverStep.PREFLIGHT, StepRecord.Status.DONE, now(), now(), "no problems"));
    if (decideGate(Gates.CUTOVER, "GATE")) {
      cutOver();
      if (rules.signOff() && rollback == null) {
        decideGate(Gates.SIGN_OFF, "SIGN_OFF");
      }
      if (rollback != null || rejected) {
        rollBack(rollback != null ? rollback.reason() : reason);
      } else {
        outcome = Outcome.CUT_OVER;
        step = "target is live";
      }
    }
    phase = "DONE";
    Workflow.await(Workflow::isEveryHandlerFinished);
    return progress();
  }

  /** Waits for {@code gate}; false when it was rejected or expired (outcome set). */
  private boolean decideGate(String gate, String gatePhase) {
    pendingGate = gate;
    approvalsNeeded = rules.required();
    phase = gatePhase;
    step = "waiting for approval of " + gate;
    boolean decided = Workflow.await(rules.timeout(), () -> approvalsNeeded == 0 || rejected || rollback != null);
    pendingGate = null;
    if (!decided) {
      outcome = Outcome.EXPIRED;
      reason = "no approval within " + rules.timeout();
      return false;
    }
    if (rejected && Gates.CUTOVER.equals(gate)) {
      outcome = Outcome.REJECTED;
      step = "cutover gate rejected";
      return false;
    }
    return true;
  }

  private void cutOver() {
    phase = "CUTTING_OVER";
    for (String name : STEPS) {
      step = name;
      CutoverStep done = CutoverStep.of(name).orElseThrow();
      if (UNDO.containsKey(name)) {
        compensations.add(new CompensationRecord(UNDO.get(name), done, CompensationRecord.Status.REGISTERED, now(), null));
      }
      steps.add(new StepRecord(done, StepRecord.Status.DONE, now(), now(), "ok"));
    }
    phase = "MONITORING";
    steps.add(new StepRecord(CutoverStep.MONITOR_ALARMS, StepRecord.Status.DONE, now(), now(), "no alarm in ALARM"));
  }

  private void rollBack(String why) {
    phase = "ROLLING_BACK";
    reason = why;
    for (int i = compensations.size() - 1; i >= 0; i--) {
      CompensationRecord c = compensations.get(i);
      compensations.set(i, new CompensationRecord(c.name(), c.undoes(), CompensationRecord.Status.DONE, now(), "undone"));
    }
    outcome = Outcome.ROLLED_BACK;
    step = "every change undone";
  }

  @Override
  public void approve(Approval approval) {
    decideBySignal(approval, () -> validateApproval(approval), () -> approveGate(approval));
  }

  @Override
  public void reject(Approval rejection) {
    decideBySignal(rejection, () -> validateRejection(rejection), () -> rejectGate(rejection));
  }

  /** A signal passes the update's validator or is recorded as REFUSED. */
  private void decideBySignal(Approval decision, Runnable validate, Runnable apply) {
    try {
      validate.run();
    } catch (IllegalArgumentException e) {
      approvals.add(record(decision, ApprovalRecord.Decision.REFUSED, e.getMessage()));
      return;
    }
    apply.run();
  }

  @Override
  public void rollback(RollbackRequest request) {
    try {
      validateRollback(request);
      requestRollback(request);
    } catch (IllegalArgumentException ignored) {
      // a refused rollback signal changes nothing
    }
  }

  @Override
  public ApprovalRecord approveGate(Approval approval) {
    ApprovalRecord record = record(approval, ApprovalRecord.Decision.APPROVED, null);
    approvals.add(record);
    approvalsNeeded--;
    if (Gates.CUTOVER.equals(approval.gate()) && approvalsNeeded == 0) {
      windowStart = record.windowStart();
      windowEnd = windowStart.plus(input.config().cutover().window());
    }
    return record;
  }

  @Override
  public void validateApproval(Approval approval) {
    validateDecision(approval);
    if (rules.fourEyes() && approval.approver().equals(input.requestedBy())) {
      throw new IllegalArgumentException(approval.approver() + " requested this cutover and cannot approve it (four eyes)");
    }
    boolean already = approvals.stream().anyMatch(a -> a.gate().equals(approval.gate())
        && a.approver().equals(approval.approver()) && ApprovalRecord.Decision.APPROVED.equals(a.decision()));
    if (already) {
      throw new IllegalArgumentException(approval.approver() + " already approved gate " + approval.gate());
    }
  }

  @Override
  public ApprovalRecord rejectGate(Approval rejection) {
    ApprovalRecord record = record(rejection, ApprovalRecord.Decision.REJECTED, null);
    approvals.add(record);
    rejected = true;
    reason = rejection.reason();
    return record;
  }

  @Override
  public void validateRejection(Approval rejection) {
    validateDecision(rejection);
  }

  @Override
  public String requestRollback(RollbackRequest request) {
    rollback = request;
    return "rolling back " + compensations.size() + " change(s)";
  }

  @Override
  public void validateRollback(RollbackRequest request) {
    if (request.reason() == null || request.reason().isBlank()) {
      throw new IllegalArgumentException("a reason is required");
    }
    if (rollback != null) {
      throw new IllegalArgumentException("already rolling back (asked by " + rollback.operator() + ")");
    }
    if (compensations.isEmpty()) {
      throw new IllegalArgumentException("nothing has changed yet: reject the cutover gate instead");
    }
  }

  @Override
  public CutoverReport progress() {
    return new CutoverReport(Workflow.getInfo().getWorkflowId(), RunKind.CUTOVER,
        input == null ? null : input.config().name(), outcome, phase, step,
        input == null ? null : input.requestedBy(), pendingGate, pendingGate == null ? 0 : approvalsNeeded,
        windowStart, windowEnd, reason, approvals, steps, compensations, List.of(), CutoverChanges.none(),
        null, null, input == null ? null : input.config());
  }

  private void validateDecision(Approval decision) {
    if (pendingGate == null || !pendingGate.equals(decision.gate())) {
      throw new IllegalArgumentException("gate " + decision.gate() + " is not pending"
          + (pendingGate == null ? "" : " (pending: " + pendingGate + ")"));
    }
    if (decision.reason() == null || decision.reason().isBlank()) {
      throw new IllegalArgumentException("a reason is required");
    }
    if (!rules.approvers().isEmpty() && !rules.approvers().contains(decision.approver())) {
      throw new IllegalArgumentException(decision.approver() + " is not an approver (approvers: "
          + String.join(", ", rules.approvers()) + ")");
    }
  }

  private ApprovalRecord record(Approval approval, ApprovalRecord.Decision decision, String note) {
    Instant start = null;
    if (Gates.CUTOVER.equals(approval.gate()) && decision == ApprovalRecord.Decision.APPROVED) {
      String when = approval.windowStart();
      start = when == null || "now".equals(when) ? now() : Instant.parse(when);
    }
    return new ApprovalRecord(approval.gate(), approval.approver(), decision, approval.reason(), now(), start, note);
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
