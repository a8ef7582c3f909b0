package com.avesa.cutover.workflows.isolation;

import static com.avesa.cutover.workflows.run.WorkflowClock.now;

import com.avesa.cutover.workflows.RunSearchAttributes;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.cutover.CompensationRecord;
import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.avesa.cutover.workflows.gate.GateKeeper;
import com.avesa.cutover.workflows.gate.GateWindow;
import com.avesa.cutover.workflows.isolation.PhaseRecord.Status;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.run.RunIds;
import com.avesa.cutover.workflows.runbook.Phases;
import io.temporal.common.SearchAttributes;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mutable state behind an {@link IsolationReport}: one {@link PhaseRecord} per runbook phase,
 * the run's own {@code execute} gate, the decisions and compensations its children reported, and
 * the outcome. Every change republishes the run's current details (the Markdown report) for the
 * Temporal UI. Workflow-thread only.
 */
final class IsolationState {
  static final String DONE = "DONE";

  private final String workflowId = Workflow.getInfo().getWorkflowId();
  private final String configName;
  private String requestedBy;
  private final GateKeeper gates;
  private final Instant started = now();
  private final Map<String, PhaseRecord> phases = new LinkedHashMap<>();
  private final List<ApprovalRecord> childApprovals = new ArrayList<>();
  private final List<CompensationRecord> compensations = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private final List<String> findings = new ArrayList<>();
  private PhaseOutcome outcome = PhaseOutcome.RUNNING;
  private String phase = Phases.ALL.get(0);
  private Instant ended;
  private final RunSearchAttributes searchAttributes = new RunSearchAttributes();

  IsolationState(MigrationConfig config, String requestedBy) {
    this.configName = config.name();
    this.requestedBy = requestedBy;
    this.gates = new GateKeeper(config, GateWindow.NONE, this::publish);
    for (String name : Phases.ALL) {
      phases.put(name, new PhaseRecord(name, childId(name), Status.PENDING, null, null, Map.of(), List.of(), List.of(),
          List.of(), null));
    }
  }

  String workflowId() {
    return workflowId;
  }

  GateKeeper gates() {
    return gates;
  }

  /** The run verified who started it ({@code requestedBy}, under aws-iam the ARN): its gate judges from now on. */
  void started(String requestedBy) {
    this.requestedBy = requestedBy;
    gates.start(requestedBy);
  }

  IsolationReport report() {
    List<ApprovalRecord> approvals = new ArrayList<>(gates.approvals());
    approvals.addAll(childApprovals);
    boolean running = outcome == PhaseOutcome.RUNNING;
    return new IsolationReport(workflowId, configName, requestedBy, outcome, phase,
        running ? gates.pendingGate() : null, running ? gates.approvalsNeeded() : 0, running ? gateWorkflowId() : null, List.copyOf(phases.values()), approvals,
        List.copyOf(compensations), List.copyOf(problems), started, ended, List.copyOf(findings));
  }

  /** {@code name} runs now (a child run, or the execute gate WAITING for decisions). */
  void start(String name) {
    phase = name;
    PhaseRecord p = phases.get(name);
    Status status = Phases.EXECUTE_GATE.equals(name) ? Status.WAITING : Status.RUNNING;
    phases.put(name, new PhaseRecord(name, p.workflowId(), status, now(), null, p.counts(), p.changed(),
        p.unchanged(), p.problems(), p.summary()));
    publish();
  }

  /** {@code name} ended as {@code result} says; its problems also join the run's, prefixed with the phase. */
  void finish(String name, PhaseResult result) {
    PhaseRecord p = phases.get(name);
    phases.put(name, new PhaseRecord(name, p.workflowId(), result.status(), p.started() == null ? now() : p.started(),
        now(), result.counts(), result.changed(), result.unchanged(), result.problems(), result.summary()));
    childApprovals.addAll(result.approvals());
    compensations.addAll(result.compensations());
    result.problems().forEach(problem -> problems.add(name + ": " + problem));
    publish();
  }

  /**
   * {@code name} ended with {@code found} and now WAITS at a gate of this run: its counts and
   * summary are kept, the findings become the report's, not problems (a person decides on them).
   */
  void awaitDecision(String name, PhaseResult result, List<String> found) {
    phase = name;
    PhaseRecord p = phases.get(name);
    findings.addAll(found);
    phases.put(name, new PhaseRecord(name, p.workflowId(), Status.WAITING, p.started() == null ? now() : p.started(), null,
        result.counts(), result.changed(), result.unchanged(), List.of(), result.summary()));
    publish();
  }

  /** {@code name} does not run, and why. */
  void skip(String name, String why) {
    PhaseRecord p = phases.get(name);
    phases.put(name, new PhaseRecord(name, p.workflowId(), Status.SKIPPED, null, null, Map.of(), List.of(), List.of(),
        List.of(), why));
    publish();
  }

  /**
   * Ends the run with {@code why} it stopped (null when it completed): a phase still running or
   * waiting ends with the run's outcome, every phase not reached is SKIPPED, and {@code why}
   * becomes a problem unless a phase already reported its own.
   */
  void end(PhaseOutcome finalOutcome, String why) {
    String stoppedIn = phase;
    for (PhaseRecord p : List.copyOf(phases.values())) {
      if (p.status() == Status.PENDING) {
        skip(p.phase(), "not reached (" + stoppedIn + " " + finalOutcome + ")");
      } else if (p.status() == Status.RUNNING || p.status() == Status.WAITING) {
        phases.put(p.phase(), new PhaseRecord(p.phase(), p.workflowId(), Status.of(finalOutcome), p.started(), now(),
            p.counts(), p.changed(), p.unchanged(), p.problems(), why));
      }
    }
    if (why != null && problems.isEmpty()) {
      problems.add(why);
    }
    outcome = finalOutcome;
    phase = DONE;
    ended = now();
    publish();
  }

  /** The run holding the pending gate: the cutover or decommission child while it runs, or this run at execute. */
  private String gateWorkflowId() {
    if (gates.pendingGate() != null) {
      return workflowId;
    }
    PhaseRecord current = phases.get(phase);
    boolean gatedChild = Phases.CUTOVER.equals(phase) || Phases.DECOMMISSION.equals(phase);
    return gatedChild && current != null && current.status() == Status.RUNNING ? current.workflowId() : null;
  }

  private String childId(String name) {
    return Phases.EXECUTE_GATE.equals(name) ? null : RunIds.phaseChild(workflowId, name);
  }

  /** The search attributes for the child that runs {@code phase}: the run's config, the child's kind. */
  SearchAttributes childSearchAttributes(String phase) {
    return searchAttributes.forChild(RunSearchAttributes.kindOfPhase(phase));
  }

  private void publish() {
    searchAttributes.update(phase, outcome.name(), outcome == PhaseOutcome.RUNNING ? gates.pendingGate() : null);
    Workflow.setCurrentDetails(IsolationMarkdown.render(report()));
  }
}
