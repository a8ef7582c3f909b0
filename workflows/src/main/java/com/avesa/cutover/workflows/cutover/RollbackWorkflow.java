package com.avesa.cutover.workflows.cutover;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Undoes a cutover that already ended: disables the target rules it enabled, restores the DNS
 * record it replaced, copies what the target received since back to the source (REVERSE sync)
 * and re-enables the source rules it disabled. Works from the {@link CutoverChanges} the cutover's
 * report keeps; compensations that report says are already DONE are not run again, so it also
 * finishes a cutover that ended ROLLBACK_INCOMPLETE.
 */
@WorkflowInterface
public interface RollbackWorkflow {

  @WorkflowMethod
  CutoverReport rollBack(RollbackInput input);

  @QueryMethod(name = "progress", description = "The rollback's state: step and compensations done so far.")
  CutoverReport progress();
}
