package com.avesa.cutover.workflows.isolation;

import com.avesa.cutover.workflows.gate.GateControl;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The whole runbook as one durable run ({@code avesa isolate}): account setup, infrastructure,
 * PLAN, the {@code execute} gate, COPY, smoke tests, the cutover (with its gate), post-cutover
 * validation and decommission (with its gate), each phase a child workflow with id
 * {@code {thisId}-{phase}}. Its own gate ({@code execute}) takes approvals here; the cutover's and
 * the decommission's gates live in those children, and {@code progress} names the run holding the
 * pending gate ({@code gateWorkflowId}). The result is an {@link IsolationReport}.
 */
@WorkflowInterface
public interface ProductionIsolationWorkflow extends GateControl {

  @WorkflowMethod
  IsolationReport isolate(IsolationInput input);

  @QueryMethod(name = "progress", description = "The current phase, the pending gate and the run that holds it, "
      + "every phase so far with its counts, approvals and problems.")
  IsolationReport progress();
}
