package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.cutover.Gates;
import com.avesa.cutover.workflows.cutover.Outcome;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sends an operator's decision to a running cutover: checks the run, waits for a gate to be
 * pending, and runs an update whose validator may refuse it. A refusal ends the command with one
 * line carrying the validator's reason.
 */
final class CutoverControl {
  private static final Duration POLL = Duration.ofSeconds(1);

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
   * Asks the run's progress about once a second until {@code gate} is pending or {@code wait} has
   * passed; returns the report that shows it pending.
   *
   * @throws CliException exit 1 when the gate is still not pending, the run ended, or no worker answers
   */
  CutoverReport awaitPendingGate(String workflowId, String gate, Duration wait) throws InterruptedException {
    Instant deadline = Instant.now().plus(wait);
    while (true) {
      Optional<CutoverReport> report = inspector.progress(workflowId, CutoverReport.class);
      if (report.isPresent() && gate.equals(report.get().pendingGate())) {
        return report.get();
      }
      Duration left = Duration.between(Instant.now(), deadline);
      if (left.isNegative() || left.isZero() || (report.isPresent() && cannotBecomePending(report.get(), gate))) {
        throw notPending(workflowId, gate, wait, report);
      }
      Thread.sleep(Math.min(POLL.toMillis(), left.toMillis()));
    }
  }

  /** True when the run is past the point where {@code gate} could still open: no use waiting. */
  static boolean cannotBecomePending(CutoverReport report, String gate) {
    if (report.outcome() != Outcome.RUNNING || "ROLLING_BACK".equals(report.phase())) {
      return true;
    }
    return Gates.CUTOVER.equals(gate) && !("PREFLIGHT".equals(report.phase()) || "GATE".equals(report.phase()));
  }

  private static CliException notPending(String workflowId, String gate, Duration wait, Optional<CutoverReport> report) {
    if (report.isEmpty()) {
      return new CliException(ExitCodes.RUN_FAILED, "no worker answered the progress query of " + workflowId
          + ": is a worker polling its task queue?");
    }
    CutoverReport r = report.get();
    String now = "phase " + r.phase() + ", " + (r.pendingGate() == null ? "no gate pending" : "gate " + r.pendingGate() + " pending");
    return new CliException(ExitCodes.RUN_FAILED, "gate " + gate + " of " + workflowId + " is not pending"
        + (wait.isZero() ? " (" + now + "); pass --wait-gate PT2M to wait for it"
            : " after waiting " + wait + " (" + now + ")"));
  }

  /** The run's progress now, when a worker answers. */
  Optional<CutoverReport> progress(String workflowId) {
    return inspector.progress(workflowId, CutoverReport.class);
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
