package com.avesa.cutover.workflows.infra;

import com.avesa.cutover.workflows.runbook.PhaseInput;
import com.avesa.cutover.workflows.runbook.PhaseProgress;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Runbook phase 2: run the optional deploy command (a heartbeating activity; its output's tail is
 * kept, a non-zero exit fails the run), ensure the target buckets and tables, then check that the
 * configured stacks are {@code *_COMPLETE} and the functions and rules exist in the target. Every
 * missing thing is named; any makes the run fail with its report as the failure's first detail.
 */
@WorkflowInterface
public interface InfrastructureWorkflow {

  @WorkflowMethod
  InfrastructureReport verify(PhaseInput input);

  @QueryMethod(name = "progress", description = "Step, what changed and what was already in place so far.")
  PhaseProgress progress();
}
