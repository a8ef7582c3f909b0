package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.gate.GateControl;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Runbook phase 6: preflight → cutover gate → wait for the window → disable source ingestion →
 * final sync → switch DNS → enable target ingestion → smoke tests → monitor alarms → optional
 * sign-off. Each step registers its compensation before it acts; a failure, a rejection, an
 * operator's rollback or a window about to close undoes every change in reverse order and copies
 * what the target received back to the source.
 *
 * <p>Every gate takes a Signal (for any Temporal UI) and an Update whose validator answers at once
 * with the reason for a refusal (the CLI uses it): the {@link GateControl} handlers every gated run shares. Signals the same rules refuse are recorded as
 * REFUSED and change nothing else. The run always returns its {@link CutoverReport}; only
 * {@link Outcome#CUT_OVER} means success.
 */
@WorkflowInterface
public interface CutoverWorkflow extends GateControl {

  @WorkflowMethod
  CutoverReport cutover(CutoverInput input);

  @SignalMethod(name = "rollback", description = "Roll back now, until sign-off: {\"operator\":\"bob\","
      + "\"reason\":\"errors in canonical/\"}.")
  void rollback(RollbackRequest request);

  @UpdateMethod(name = "requestRollback", description = "Roll back now (until sign-off); refuses when the run "
      + "is past sign-off, already rolling back, or the reason is missing.")
  String requestRollback(RollbackRequest request);

  @UpdateValidatorMethod(updateName = "requestRollback")
  void validateRollback(RollbackRequest request);

  @QueryMethod(name = "progress", description = "The run's state: phase, step, pending gate, window, approvals, "
      + "steps, compensations.")
  CutoverReport progress();
}
