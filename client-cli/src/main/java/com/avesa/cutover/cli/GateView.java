package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.isolation.IsolationReport;
import com.avesa.cutover.workflows.run.RunOutcome;
import com.avesa.cutover.workflows.run.RunProgress;
import com.avesa.cutover.workflows.runbook.PhaseProgress;
import java.time.Instant;

/**
 * What every gated run's {@code progress} answer says about its gates — the pending gate and the
 * approvals it needs, which every {@link RunProgress} has, with the outcome and what only some
 * kinds have (the run holding an isolation's gate, a cutover's window) — so one command serves
 * cutover, decommission and isolation alike.
 *
 * @param kind CUTOVER or ROLLBACK for a cutover's report, else null
 * @param gateWorkflowId an isolation run only: the run whose gate is pending (itself or a child)
 * @param windowStart a cutover only: the approved window start
 */
record GateView(String workflowId, String kind, String phase, String outcome, String pendingGate, int approvalsNeeded,
    String gateWorkflowId, Instant windowStart) {
  static final String RUNNING = "RUNNING";

  static GateView of(String workflowId, RunProgress progress) {
    CutoverReport cutover = progress instanceof CutoverReport r ? r : null;
    IsolationReport isolation = progress instanceof IsolationReport r ? r : null;
    return new GateView(workflowId, cutover == null || cutover.kind() == null ? null : cutover.kind().name(), progress.phase(), outcome(progress),
        progress.pendingGate(), progress.approvalsNeeded(), isolation == null ? null : isolation.gateWorkflowId(),
        cutover == null ? null : cutover.windowStart());
  }

  /** The outcome a gated run's progress carries: RUNNING while it goes on; null for a kind without one. */
  static String outcome(RunProgress progress) {
    RunOutcome outcome = null;
    if (progress instanceof CutoverReport r) {
      outcome = r.outcome();
    } else if (progress instanceof PhaseProgress r) {
      outcome = r.outcome();
    } else if (progress instanceof IsolationReport r) {
      outcome = r.outcome();
    }
    return outcome == null ? null : outcome.name();
  }

  boolean cutover() {
    return "CUTOVER".equals(kind);
  }

  boolean running() {
    return RUNNING.equals(outcome);
  }

  /** "phase GATE, gate cutover pending" for messages. */
  String describe() {
    return "phase " + phase + ", " + (pendingGate == null ? "no gate pending" : "gate " + pendingGate + " pending");
  }
}
