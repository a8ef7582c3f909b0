package com.avesa.cutover.workflows.smoke;

import com.avesa.cutover.workflows.runbook.PhaseInput;
import com.avesa.cutover.workflows.runbook.PhaseProgress;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Runbook step 4 before the cutover: invoke the target's functions — {@code cutover.smokeTests},
 * else every {@code infrastructure.functions} entry with {@code {"test":true}} — and fail when any
 * answers a FunctionError or an error status (report as the failure's first detail).
 */
@WorkflowInterface
public interface SmokeTestWorkflow {

  @WorkflowMethod
  SmokeTestReport test(PhaseInput input);

  @QueryMethod(name = "progress", description = "Step and the functions tested so far.")
  PhaseProgress progress();
}
