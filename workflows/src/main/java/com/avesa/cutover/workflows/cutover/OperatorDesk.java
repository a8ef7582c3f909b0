package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.approval.ApprovalAuthority;
import com.avesa.cutover.workflows.approval.GateJudge;
import com.avesa.cutover.workflows.run.WorkflowClock;
import java.time.Instant;
import java.util.List;

/**
 * What operators send a running cutover — approvals, rejections, rollback requests — checked by
 * {@link ApprovalRules} and kept in the run's state. The update validators, update handlers and
 * signal handlers of {@link CutoverWorkflowImpl} all come here, so a Signal from the UI and an
 * Update from the CLI are judged alike. Workflow-thread only.
 */
final class OperatorDesk implements GateJudge.Ledger {
  private final CutoverState state;
  private final ApprovalRules rules;
  private final GateJudge judge;
  private RollbackRequest rollbackRequest;
  private boolean signedOff;

  OperatorDesk(CutoverState state, ApprovalRules rules, ApprovalAuthority authority) {
    this.state = state;
    this.rules = rules;
    this.judge = new GateJudge(rules, authority, this);
  }

  /** Judges approvals and rejections: validators, update handlers, signals. */
  GateJudge judge() {
    return judge;
  }

  @Override
  public String pendingGate() {
    return state.pendingGate();
  }

  @Override
  public List<ApprovalRecord> decided() {
    return state.approvals();
  }

  /** The accepted rollback request, or null. */
  RollbackRequest rollbackRequest() {
    return rollbackRequest;
  }

  boolean rollbackRequested() {
    return rollbackRequest != null;
  }

  /** "rollback requested by bob: why", or null when none was. */
  String rollbackReason() {
    return rollbackRequest == null ? null
        : "rollback requested by " + rollbackRequest.operator() + ": " + rollbackRequest.reason();
  }

  /** Aborts the forward path when an operator asked for a rollback. */
  void checkRollback() {
    if (rollbackRequest != null) {
      throw new CutoverAbort(rollbackReason());
    }
  }

  /** The run is past its last gate: rollbacks now go through {@code RollbackWorkflow}. */
  void markSignedOff() {
    signedOff = true;
  }

  /** Opens {@code gate}: it becomes the pending one, needing its approvals. */
  void open(String gate) {
    state.gate(gate, rules.needed(state.approvals(), gate));
  }

  boolean decided(String gate) {
    return rejection(gate) != null || rules.needed(state.approvals(), gate) == 0;
  }

  ApprovalRecord rejection(String gate) {
    return state.approvals().stream()
        .filter(a -> gate.equals(a.gate()) && ApprovalRecord.REJECTED.equals(a.decision()))
        .findFirst().orElse(null);
  }

  String approvedBy(String gate) {
    return String.join(", ", state.approvals().stream()
        .filter(a -> gate.equals(a.gate()) && ApprovalRecord.APPROVED.equals(a.decision()))
        .map(ApprovalRecord::approver).toList());
  }

  String refuseRollback(RollbackRequest request) {
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

  void acceptRollback(RollbackRequest request) {
    rollbackRequest = request;
  }

  /** Keeps one decision (a REFUSED one carries the refusal as its note) and updates what the gate still needs. */
  @Override
  public ApprovalRecord record(Approval approval, String decision, String note, String identity) {
    Approval a = approval == null ? new Approval(null, null, null, null) : approval;
    Instant start = null;
    if (note == null && Gates.CUTOVER.equals(a.gate()) && ApprovalRecord.APPROVED.equals(decision)) {
      start = ApprovalRules.parseWindowStart(a.windowStart());
    }
    ApprovalRecord record = state.record(new ApprovalRecord(a.gate(), a.approver() == null ? null : a.approver().trim(),
        decision, a.reason(), WorkflowClock.now(), start, note, identity));
    if (note == null && state.pendingGate() != null) {
      open(state.pendingGate());
    }
    return record;
  }
}
