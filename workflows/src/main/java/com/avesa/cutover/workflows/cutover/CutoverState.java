package com.avesa.cutover.workflows.cutover;

import static com.avesa.cutover.workflows.run.WorkflowClock.now;

import com.avesa.cutover.workflows.PhaseGauge;
import com.avesa.cutover.workflows.RunSearchAttributes;
import com.avesa.cutover.workflows.WorkflowMetrics;
import com.avesa.cutover.workflows.config.CutoverConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.avesa.cutover.workflows.gate.GateKeeper;
import com.avesa.cutover.workflows.gate.GateWindow;
import com.avesa.cutover.workflows.run.CutoverStep;
import com.avesa.cutover.workflows.run.RunKind;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The mutable state behind a cutover's (or rollback's) {@link CutoverReport}: phase and step,
 * the run's {@link GateKeeper} (pending gate, approvals), steps, compensations and what changed. Every change republishes the run's current
 * details (Markdown the Temporal UI shows). Workflow-thread only.
 */
final class CutoverState {
  private final String workflowId = Workflow.getInfo().getWorkflowId();
  private final RunKind kind;
  private final MigrationConfig config;
  private String requestedBy;
  private final GateKeeper gates;
  private final List<StepRecord> steps = new ArrayList<>();
  private final List<CompensationRecord> compensations = new ArrayList<>();
  private Outcome outcome = Outcome.RUNNING;
  private String phase = "PREFLIGHT";
  private String step = "";
  private Instant windowStart;
  private Instant windowEnd;
  private String reason;
  private CutoverChanges changes = CutoverChanges.none();
  private String finalSyncId;
  private String reverseSyncId;
  private final PhaseGauge phaseGauge;
  private final RunSearchAttributes searchAttributes = new RunSearchAttributes();

  /** The state of a run that has no gates (a rollback). */
  CutoverState(RunKind kind, MigrationConfig config, String requestedBy) {
    this(kind, config, requestedBy, GateWindow.NONE);
  }

  /** The state of a run whose gates' approvals ask for {@code window}; its keeper judges nothing until started. */
  CutoverState(RunKind kind, MigrationConfig config, String requestedBy, GateWindow window) {
    this.kind = kind;
    this.config = config;
    this.requestedBy = requestedBy;
    this.gates = new GateKeeper(config, window, this::publish);
    this.phaseGauge = new PhaseGauge(WorkflowMetrics.CUTOVER_PHASE, Map.of("config", config.name(), "kind", kind.name()));
  }

  CutoverReport report() {
    boolean running = outcome == Outcome.RUNNING;
    return new CutoverReport(workflowId, kind, config.name(), outcome, phase, step, requestedBy,
        running ? gates.pendingGate() : null, running ? gates.approvalsNeeded() : 0, windowStart, windowEnd, reason,
        gates.approvals(), steps, compensations, remaining(), changes,
        finalSyncId, reverseSyncId, config, kind == RunKind.CUTOVER ? IngestionPause.of(steps) : null);
  }

  String requestedBy() {
    return requestedBy;
  }

  /** The run's gates. */
  GateKeeper gates() {
    return gates;
  }

  /** The run verified who started it ({@code requestedBy}, under aws-iam the ARN): its gates judge from now on. */
  void started(String requestedBy) {
    this.requestedBy = requestedBy;
    gates.start(requestedBy);
  }

  String phase() {
    return phase;
  }

  Outcome outcome() {
    return outcome;
  }

  Instant windowEnd() {
    return windowEnd;
  }

  /**
   * The latest a switching step (the final sync, the smoke tests, any step before monitoring) may
   * still run: monitoring for {@code monitorFor} and a full rollback must fit after it.
   */
  Instant lastMomentToSwitch(CutoverConfig plan) {
    return windowEnd.minus(plan.rollbackBudget()).minus(plan.monitorFor());
  }

  /** When the step {@code name} started, or null when the run has no such step. */
  Instant stepStarted(CutoverStep step) {
    return steps.stream().filter(s -> s.name() == step).map(StepRecord::startedAt).findFirst().orElse(null);
  }

  CutoverChanges changes() {
    return changes;
  }

  void phase(String phase, String step) {
    this.phase = phase;
    this.step = step;
    publish();
  }

  void window(Instant start, Instant end) {
    this.windowStart = start;
    this.windowEnd = end;
    publish();
  }

  void changes(CutoverChanges changes) {
    this.changes = changes;
  }

  void finalSyncId(String id) {
    this.finalSyncId = id;
  }

  void reverseSyncId(String id) {
    this.reverseSyncId = id;
  }

  /** Starts a runbook step; returns its index for {@link #stepDone} / {@link #stepFailed}. */
  int startStep(CutoverStep step) {
    steps.add(new StepRecord(step, StepRecord.Status.RUNNING, now(), null, null));
    this.step = step.wireName();
    publish();
    return steps.size() - 1;
  }

  void stepDone(int index, String detail) {
    endStep(index, StepRecord.Status.DONE, detail);
  }

  void stepFailed(int index, String detail) {
    endStep(index, StepRecord.Status.FAILED, detail);
  }

  /** Marks the step still running, if any, as failed with {@code detail}. */
  void failRunningStep(String detail) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).status() == StepRecord.Status.RUNNING) {
        endStep(i, StepRecord.Status.FAILED, detail);
      }
    }
  }

  private void endStep(int index, StepRecord.Status status, String detail) {
    StepRecord s = steps.get(index);
    steps.set(index, new StepRecord(s.name(), status, s.startedAt(), now(), detail));
    publish();
  }

  int registerCompensation(String name, CutoverStep undoes) {
    compensations.add(new CompensationRecord(name, undoes, CompensationRecord.Status.REGISTERED, now(), null));
    publish();
    return compensations.size() - 1;
  }

  void compensated(int index, CompensationRecord.Status status, String detail) {
    CompensationRecord c = compensations.get(index);
    compensations.set(index, new CompensationRecord(c.name(), c.undoes(), status, now(), detail));
    this.step = c.name() + " " + status.name().toLowerCase();
    publish();
  }

  boolean compensationFailed() {
    return compensations.stream().anyMatch(c -> c.status() == CompensationRecord.Status.FAILED);
  }

  void end(Outcome outcome, String reason) {
    this.outcome = outcome;
    if (reason != null) {
      this.reason = reason;
    }
    this.phase = "DONE";
    this.step = outcome.name();
    publish();
  }

  void reason(String reason) {
    this.reason = reason;
  }

  private List<String> remaining() {
    List<String> left = new ArrayList<>();
    for (CompensationRecord c : compensations) {
      if (c.status() == CompensationRecord.Status.FAILED) {
        left.add(c.name() + " (undoes " + c.undoes() + "): " + c.detail());
      }
    }
    return left;
  }

  private void publish() {
    phaseGauge.enter(outcome == Outcome.RUNNING ? phase : outcome.name());
    String pendingGate = outcome == Outcome.RUNNING ? gates.pendingGate() : null;
    searchAttributes.update(phase, outcome.name(), pendingGate);
    StringBuilder md = new StringBuilder();
    md.append("**").append(kind == RunKind.CUTOVER ? "Cutover " : "Rollback ").append(config.name())
        .append("** — ").append(outcome == Outcome.RUNNING ? phase : outcome.name()).append("\n\n");
    if (!step.isEmpty()) {
      md.append("Step: ").append(step).append("\n\n");
    }
    if (pendingGate != null) {
      md.append("**Waiting for approval of gate `").append(pendingGate).append("`** (").append(gates.approvalsNeeded())
          .append(" more needed). ");
      if (config.approvals() != null && config.approvals().awsIam()) {
        md.append("Send the Update `approveGate` with the output of `avesa approval-token ")
            .append(workflowId).append(" --gate ").append(pendingGate).append(" --reason …`\n\n");
      } else {
        md.append("Signal `approve` with {\"gate\":\"").append(pendingGate)
            .append("\",\"approver\":\"…\",\"reason\":\"…\"}\n\n");
      }
    }
    if (windowStart != null) {
      md.append("Window: ").append(windowStart).append(" → ").append(windowEnd).append("\n\n");
    }
    if (reason != null) {
      md.append("Reason: ").append(reason).append("\n\n");
    }
    for (ApprovalRecord a : gates.approvals()) {
      md.append("- ").append(a.decision()).append(' ').append(a.gate()).append(" by ").append(a.approver())
          .append(" at ").append(a.at()).append(": ").append(a.reason()).append('\n');
    }
    for (CompensationRecord c : compensations) {
      if (c.status() != CompensationRecord.Status.REGISTERED) {
        md.append("- undo ").append(c.name()).append(": ").append(c.status()).append('\n');
      }
    }
    Workflow.setCurrentDetails(md.toString());
  }
}
