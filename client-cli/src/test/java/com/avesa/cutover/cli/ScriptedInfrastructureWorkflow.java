package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.infra.InfrastructureReport;
import com.avesa.cutover.workflows.infra.InfrastructureWorkflow;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.runbook.PhaseInput;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import com.avesa.cutover.workflows.runbook.PhaseProgress;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.List;

/**
 * A test stand-in for the infrastructure phase, enough for the CLI's plumbing: a config named
 * {@code missing-*} fails with its report as the failure's detail (as the real phase does), any
 * other reports its bucket created and its stack found in place.
 */
public class ScriptedInfrastructureWorkflow implements InfrastructureWorkflow {
  private PhaseProgress progress;

  @Override
  public InfrastructureReport verify(PhaseInput input) {
    Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
    String id = Workflow.getInfo().getWorkflowId();
    boolean missing = input.config().name().startsWith("missing-");
    List<PhaseItem> changed = List.of(new PhaseItem("s3 bucket dst-bucket", "created"));
    List<PhaseItem> unchanged = List.of(new PhaseItem("cloudformation stack AVESADataPipeline-prod", "CREATE_COMPLETE"));
    List<String> absent = missing ? List.of("lambda function f not found in account 222222222222") : List.of();
    PhaseOutcome outcome = missing ? PhaseOutcome.FAILED : PhaseOutcome.SUCCEEDED;
    progress = new PhaseProgress(id, "DONE", outcome, null, 0, null, List.of(), changed, unchanged, absent);
    InfrastructureReport report = new InfrastructureReport(id, outcome, null, null, changed, unchanged, absent,
        List.of(), now, now);
    if (missing) {
      throw ApplicationFailure.newNonRetryableFailure("1 thing missing", "INFRASTRUCTURE_MISSING", report);
    }
    return report;
  }

  @Override
  public PhaseProgress progress() {
    return progress;
  }
}
