package com.avesa.cutover.workflows.account;

import com.avesa.cutover.workflows.runbook.PhaseInput;
import com.avesa.cutover.workflows.runbook.PhaseProgress;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Runbook phase 1: optionally create the production account (Organizations), create or check the
 * deployment role (trust: the source account only, ExternalId required), prove access (AssumeRole
 * with the ExternalId, GetCallerIdentity names the target) and put the security baseline in place
 * (GuardDuty, AWS Config, CloudTrail, billing alarm, alert topic). Idempotent: a second run reports
 * everything already in place. On failure it removes only what this run created, then fails with
 * its report as the failure's first detail.
 */
@WorkflowInterface
public interface AccountSetupWorkflow {

  @WorkflowMethod
  AccountSetupReport setUp(PhaseInput input);

  @QueryMethod(name = "progress", description = "Step, what changed and what was already in place so far.")
  PhaseProgress progress();
}
