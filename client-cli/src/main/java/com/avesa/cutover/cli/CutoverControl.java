package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.cutover.Gates;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Sends an operator's decision to a running cutover: checks the run, waits for a gate to be
 * pending, and runs an update whose validator may refuse it. A refusal ends the command with one
 * line carrying the validator's reason.
 */
final class CutoverControl {
  private static final Duration POLL = Duration.ofSeconds(1);
  static final Set<String> GATED_TYPES =
      Set.of(CutoverRuns.CUTOVER_TYPE, PhaseRuns.DECOMMISSION.type(), PhaseRuns.ISOLATE.type());

  private final TemporalConnection connection;
  private final RunInspector inspector;

  CutoverControl(TemporalConnection connection) {
    this.connection = connection;
    this.inspector = new RunInspector(connection);
  }

  /**
   * Exit 1 unless {@code workflowId} names a running {@code CutoverWorkflow}.
   *
   * @param whenEnded the line's ending for a run that has ended: what to do instead
   */
  void requireRunningCutover(String workflowId, String whenEnded) {
    WorkflowExecutionInfo info = inspector.describe(workflowId);
    String type = info.getType().getName();
    if (!CutoverRuns.CUTOVER_TYPE.equals(type)) {
      throw new CliException(ExitCodes.RUN_FAILED, "run " + workflowId + " is a " + type + ", not a cutover");
    }
    String status = RunInspector.status(info);
    if (!RunStatus.RUNNING.equals(status)) {
      throw new CliException(ExitCodes.RUN_FAILED, "run " + workflowId + " has ended (" + status + "): " + whenEnded);
    }
  }

  /**
   * Exit 1 unless {@code workflowId} names a running run with gates: a cutover, a decommission
   * or an isolation.
   */
  void requireRunningGated(String workflowId, String whenEnded) {
    WorkflowExecutionInfo info = inspector.describe(workflowId);
    String type = info.getType().getName();
    if (!GATED_TYPES.contains(type)) {
      throw new CliException(ExitCodes.RUN_FAILED, "run " + workflowId + " is a " + type
          + ", which has no gates (gates are in cutover, decommission and isolate runs)");
    }
    String status = RunInspector.status(info);
    if (!RunStatus.RUNNING.equals(status)) {
      throw new CliException(ExitCodes.RUN_FAILED, "run " + workflowId + " has ended (" + status + "): " + whenEnded);
    }
  }

  /**
   * Asks the run's progress about once a second until {@code gate} is pending or {@code wait} has
   * passed, following an isolation run to the child that holds its pending gate; returns the view
   * of the run where the gate is pending (its id is where the decision goes).
   *
   * @throws CliException exit 1 when the gate is still not pending, the run ended, or no worker answers
   */
  GateView awaitPendingGate(String workflowId, String gate, Duration wait) throws InterruptedException {
    Instant deadline = Instant.now().plus(wait);
    while (true) {
      Optional<GateView> view = gateHolder(workflowId);
      if (view.isPresent() && gate.equals(view.get().pendingGate())) {
        return view.get();
      }
      Duration left = Duration.between(Instant.now(), deadline);
      if (left.isNegative() || left.isZero() || (view.isPresent() && stopWaiting(workflowId, view.get(), gate))) {
        throw notPending(workflowId, gate, wait, view);
      }
      Thread.sleep(Math.min(POLL.toMillis(), left.toMillis()));
    }
  }

  /**
   * The gate view of {@code workflowId}, or — for an isolation run whose pending gate lives in a
   * child (the cutover, the decommission) — of that child.
   */
  Optional<GateView> gateHolder(String workflowId) {
    Optional<GateView> view = progress(workflowId);
    if (view.isEmpty()) {
      return view;
    }
    String holder = view.get().gateWorkflowId();
    if (holder == null || holder.equals(workflowId)) {
      return view;
    }
    Optional<GateView> child = progress(holder);
    return child.isPresent() ? child : view;
  }

  /**
   * True when waiting for {@code gate} is no use. A child that has ended (the isolation's cutover,
   * just done) says nothing about the run that was named: it moves on to its next phase, whose
   * child may hold the gate, so only the named run's own end stops the wait.
   */
  static boolean stopWaiting(String workflowId, GateView view, String gate) {
    boolean child = !view.workflowId().equals(workflowId);
    if (child && !view.running()) {
      return false;
    }
    return cannotBecomePending(view, gate);
  }

  /** True when the run is past the point where {@code gate} could still open: no use waiting. */
  static boolean cannotBecomePending(GateView view, String gate) {
    if (!view.running() || "ROLLING_BACK".equals(view.phase())) {
      return true;
    }
    return view.cutover() && Gates.CUTOVER.equals(gate) && !("PREFLIGHT".equals(view.phase()) || "GATE".equals(view.phase()));
  }

  private static CliException notPending(String workflowId, String gate, Duration wait, Optional<GateView> view) {
    if (view.isEmpty()) {
      return new CliException(ExitCodes.RUN_FAILED, "no worker answered the progress query of " + workflowId
          + ": is a worker polling its task queue?");
    }
    String now = view.get().describe();
    String where = view.get().workflowId().equals(workflowId) ? workflowId : workflowId + " (in " + view.get().workflowId() + ")";
    return new CliException(ExitCodes.RUN_FAILED, "gate " + gate + " of " + where + " is not pending"
        + (wait.isZero() ? " (" + now + "); pass --wait-gate 2m to wait for it"
            : " after waiting " + Durations.format(wait) + " (" + now + ")"));
  }

  /** The run's gates now, when a worker answers its progress query. */
  Optional<GateView> progress(String workflowId) {
    return inspector.progress(workflowId).map(progress -> GateView.of(workflowId, progress));
  }

  /**
   * Runs the update {@code name} with {@code argument} and returns its result.
   *
   * @param refused what a refusal is called on stderr, e.g. {@code approval}
   * @throws CliException exit 1 with {@code <refused> refused: <reason>} when the validator refuses,
   *     or one line when the run ended meanwhile
   */
  <R> R update(String workflowId, String name, Class<R> resultType, Object argument, String refused) {
    try {
      return connection.client().newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty())
          .update(name, resultType, argument);
    } catch (WorkflowUpdateException e) {
      throw new CliException(ExitCodes.RUN_FAILED, "avesa: " + refused + " refused: " + reason(e));
    } catch (WorkflowNotFoundException e) {
      throw new CliException(ExitCodes.RUN_FAILED, "run " + workflowId + " has ended: nothing to " + name);
    } catch (WorkflowException e) {
      throw new CliException(ExitCodes.RUN_FAILED, "avesa: " + name + " of " + workflowId + " failed: " + reason(e));
    }
  }

  /** The validator's message: the original message of the first application failure in the chain. */
  private static String reason(Throwable e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof ApplicationFailure failure && failure.getOriginalMessage() != null) {
        return failure.getOriginalMessage();
      }
    }
    return e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
  }
}
