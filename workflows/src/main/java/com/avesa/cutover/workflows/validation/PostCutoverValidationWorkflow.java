package com.avesa.cutover.workflows.validation;

import com.avesa.cutover.workflows.runbook.PhaseProgress;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Runbook phase 7: new objects under {@code raw/} and {@code canonical/} of the target data lake
 * since the cutover, and tenant isolation — every key under {@code raw/{tenant}/} and
 * {@code canonical/{tenant}/} belongs to a tenant in TenantServices, no key lies outside known
 * tenant prefixes, every tenant has its {@code tenant/{id}/{env}} secret. A report per tenant; an
 * isolation breach fails the run (report as the failure's first detail), no new data is a warning.
 */
@WorkflowInterface
public interface PostCutoverValidationWorkflow {

  @WorkflowMethod
  ValidationReport validate(ValidationInput input);

  @QueryMethod(name = "progress", description = "Step and what was checked so far.")
  PhaseProgress progress();
}
