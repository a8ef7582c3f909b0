package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.run.RunKind;
import io.temporal.common.VersioningBehavior;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowVersioningBehavior;

/**
 * Registers the compensations the cutover's report lists, in their original order, skipping those
 * already DONE, and runs them last first — exactly what the cutover's own saga would have done.
 */
public class RollbackWorkflowImpl implements RollbackWorkflow {
  private CutoverState state;

  @Override
  @WorkflowVersioningBehavior(VersioningBehavior.PINNED)
  public CutoverReport rollBack(RollbackInput input) {
    CutoverReport cutover = input.cutover();
    state = new CutoverState(RunKind.ROLLBACK, cutover.config(), input.requestedBy());
    state.reason("rollback of " + cutover.workflowId() + " requested by " + input.requestedBy() + ": " + input.reason());
    state.changes(cutover.changes());
    state.window(cutover.windowStart(), cutover.windowEnd());
    Compensations compensations = new Compensations(state);
    CutoverUndo undo = new CutoverUndo(state, cutover.config());
    for (CompensationRecord c : cutover.compensations()) {
      if (c.status() != CompensationRecord.Status.DONE) {
        compensations.register(c.name(), c.undoes(), undo.action(c.name()));
      }
    }
    state.phase("ROLLING_BACK", compensations.any() ? "undoing " + cutover.workflowId() + ", last change first"
        : "nothing left to undo");
    compensations.compensate();
    state.end(state.compensationFailed() ? Outcome.ROLLBACK_INCOMPLETE : Outcome.ROLLED_BACK, null);
    Workflow.getLogger(RollbackWorkflowImpl.class).info("rollback of {} ended {}", cutover.workflowId(),
        state.outcome());
    return state.report();
  }

  @Override
  public CutoverReport progress() {
    return state == null ? null : state.report();
  }
}
