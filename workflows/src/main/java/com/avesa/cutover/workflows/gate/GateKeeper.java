package com.avesa.cutover.workflows.gate;

import static com.avesa.cutover.workflows.run.WorkflowClock.now;

import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.List;

/**
 * The gates of one run — the cutover's, the decommission's, the isolation's: which one is pending,
 * the decisions so far, and waiting for a decision. Signals, updates and their validators all come
 * here and are judged by one {@link GateJudge} by the run's {@link ApprovalRules}; what a gate's
 * approval asks for besides (the cutover's window start) is the run's {@link GateWindow} hook.
 *
 * <p>A run builds its keeper with its state, before its workflow method runs; the keeper judges
 * nothing until the run {@link #start started} it with the requester it verified: until then
 * signals are ignored and updates refused with {@link #NOT_STARTED}, as before a run had a keeper.
 * Its state is the pending gate, the {@link ApprovalLog} and the authority's used proofs.
 * Workflow-thread only.
 */
public final class GateKeeper implements GateJudge.Ledger {
  /** How a gate ended. */
  public enum Decision { APPROVED, REJECTED, EXPIRED }

  /** The refusal of every decision before the run started its keeper. */
  public static final String NOT_STARTED = "the run has not started yet";

  private final ApprovalsConfig config;
  private final ApprovalAuthority authority;
  private final GateWindow window;
  private final ApprovalLog approvals = new ApprovalLog();
  private final Runnable onChange;
  private ApprovalRules rules;
  private GateJudge judge;
  private String pendingGate;

  /**
   * Gates of a run of {@code config}: its approvals, and where its decisions' proofs are verified.
   *
   * @param window what an approval asks for besides the decision ({@link GateWindow#NONE}: nothing)
   * @param onChange called after every change (to republish the run's details); may be null
   */
  public GateKeeper(MigrationConfig config, GateWindow window, Runnable onChange) {
    this.config = config.approvals() == null ? ApprovalsConfig.defaults() : config.approvals();
    this.authority = ApprovalAuthority.of(config);
    this.window = window == null ? GateWindow.NONE : window;
    this.onChange = onChange == null ? () -> { } : onChange;
  }

  /**
   * From now on judges decisions, with {@code requestedBy} the identity that started the run (four
   * eyes): under aws-iam the verified ARN.
   */
  public void start(String requestedBy) {
    rules = new ApprovalRules(config, requestedBy, window);
    judge = new GateJudge(rules, authority, this);
  }

  /** Whether the run started this keeper: it judges decisions. */
  public boolean started() {
    return judge != null;
  }

  /** The gate waiting for decisions, or null. */
  @Override
  public String pendingGate() {
    return pendingGate;
  }

  /** Approvals the pending gate still needs; 0 when none is pending. */
  public int approvalsNeeded() {
    return pendingGate == null ? 0 : rules.needed(approvals.kept(), pendingGate);
  }

  /** Every decision so far, REFUSED ones included (at most {@link ApprovalLog#MAX_REFUSED}, then a count), in order. */
  public List<ApprovalRecord> approvals() {
    return approvals.report();
  }

  @Override
  public List<ApprovalRecord> decided() {
    return approvals.kept();
  }

  /** Takes over the decisions an earlier run of the same workflow recorded before it continued as new. */
  public void resume(List<ApprovalRecord> decided) {
    if (decided != null) {
      approvals.restore(decided);
    }
  }

  /** Opens {@code gate} (the keeper is started): it becomes the pending one, needing its approvals. */
  public void open(String gate) {
    pendingGate = gate;
    onChange.run();
  }

  /** Whether {@code gate} is rejected, or approved by as many approvers as the config requires. */
  public boolean decided(String gate) {
    return rejection(gate) != null || rules.needed(approvals.kept(), gate) == 0;
  }

  /** No gate is pending any more. */
  public void close() {
    pendingGate = null;
    onChange.run();
  }

  /**
   * Opens {@code gate} and blocks until it is approved (by as many approvers as the config
   * requires), rejected, or the approvals timeout passes.
   */
  public Decision await(String gate) {
    return await(gate, () -> { });
  }

  /** As {@link #await(String)}; {@code opened} runs once the gate is pending (to tell people), before the wait. */
  public Decision await(String gate, Runnable opened) {
    open(gate);
    opened.run();
    boolean decided = Workflow.await(config.timeout(), () -> decided(gate));
    close();
    if (!decided) {
      return Decision.EXPIRED;
    }
    return rejection(gate) != null ? Decision.REJECTED : Decision.APPROVED;
  }

  /** The rejection of {@code gate}, or null. */
  public ApprovalRecord rejection(String gate) {
    return approvals.kept().stream()
        .filter(a -> gate.equals(a.gate()) && a.decision() == ApprovalRecord.Decision.REJECTED)
        .findFirst().orElse(null);
  }

  /** Who approved {@code gate}, comma-separated. */
  public String approvedBy(String gate) {
    return String.join(", ", approvals.kept().stream()
        .filter(a -> gate.equals(a.gate()) && a.decision() == ApprovalRecord.Decision.APPROVED)
        .map(ApprovalRecord::approver).toList());
  }

  /** The update validator: throws with the reason when {@code approval} cannot approve now. */
  public void validateApproval(Approval approval) {
    refuseIf(started() ? judge.refuseApproval(approval) : NOT_STARTED);
  }

  /** The update validator: throws with the reason when {@code rejection} cannot reject now. */
  public void validateRejection(Approval rejection) {
    refuseIf(started() ? judge.refuseRejection(rejection) : NOT_STARTED);
  }

  /** The update handler, after its validator accepted. */
  public ApprovalRecord approveGate(Approval approval) {
    return judge.approve(approval);
  }

  /** The update handler, after its validator accepted. */
  public ApprovalRecord rejectGate(Approval rejection) {
    return judge.reject(rejection);
  }

  /** The signal handler: the same rules, a refusal recorded as REFUSED; ignored before the run started the keeper. */
  public void approveSignal(Approval approval) {
    if (started()) {
      judge.approveSignal(approval);
    }
  }

  /** The signal handler: the same rules, a refusal recorded as REFUSED; ignored before the run started the keeper. */
  public void rejectSignal(Approval rejection) {
    if (started()) {
      judge.rejectSignal(rejection);
    }
  }

  /**
   * Keeps one decision ({@code note}: why it was refused, else null); an approval the rules
   * accepted keeps the window start it asked for ({@link GateWindow#start}).
   */
  @Override
  public ApprovalRecord record(Approval approval, ApprovalRecord.Decision decision, String note, String identity) {
    Approval a = approval == null ? new Approval(null, null, null, null) : approval;
    Instant start = note == null && decision == ApprovalRecord.Decision.APPROVED ? window.start(a) : null;
    ApprovalRecord kept = approvals.add(new ApprovalRecord(a.gate(), a.approver() == null ? null : a.approver().trim(),
        decision, a.reason(), now(), start, note, identity));
    onChange.run();
    return kept;
  }

  private static void refuseIf(String refusal) {
    if (refusal != null) {
      throw new IllegalArgumentException(refusal);
    }
  }
}
