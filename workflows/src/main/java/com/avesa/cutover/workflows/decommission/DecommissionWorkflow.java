package com.avesa.cutover.workflows.decommission;

import com.avesa.cutover.workflows.gate.GateControl;
import com.avesa.cutover.workflows.runbook.PhaseInput;
import com.avesa.cutover.workflows.runbook.PhaseProgress;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Runbook step 14: archive the source buckets into {@code decommission.archiveBucket} (storage
 * class {@code decommission.storageClass}, every object verified), wait {@code decommission.retention}
 * (a durable timer), ask the {@code decommission} gate, then remove the source resources
 * {@code decommission.remove} names, each removal in the result. Cancelling the run before the
 * gate opens ends it with nothing removed: Temporal closes it as cancelled and its {@code progress}
 * query answers outcome CANCELLED. Once the gate opened, the removals run to the end.
 *
 * <p>A long archive or removal continues as new under the same workflow id; the caller (the
 * isolation run, {@code avesa result}) sees the last run's report.
 */
@WorkflowInterface
public interface DecommissionWorkflow extends GateControl {

  /**
   * @param resume null to start; the checkpoint a previous run of this workflow id continued as new
   *     with (runs recorded before it existed had one argument: it reads as null)
   */
  @WorkflowMethod
  DecommissionReport decommission(PhaseInput input, DecommissionCheckpoint resume);

  @QueryMethod(name = "progress", description = "Step (ARCHIVE, RETENTION, GATE, REMOVING, DONE), when the "
      + "retention ends, the pending gate, approvals and removals so far.")
  PhaseProgress progress();
}
