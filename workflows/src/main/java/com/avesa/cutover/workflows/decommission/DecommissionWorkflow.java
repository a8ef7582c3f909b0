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
 */
@WorkflowInterface
public interface DecommissionWorkflow extends GateControl {

  @WorkflowMethod
  DecommissionReport decommission(PhaseInput input);

  @QueryMethod(name = "progress", description = "Step (ARCHIVE, RETENTION, GATE, REMOVING, DONE), when the "
      + "retention ends, the pending gate, approvals and removals so far.")
  PhaseProgress progress();
}
