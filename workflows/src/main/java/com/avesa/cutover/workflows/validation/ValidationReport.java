package com.avesa.cutover.workflows.validation;

import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.run.RunKind;
import com.avesa.cutover.workflows.run.RunReport;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * What the post-cutover validation found in the target.
 *
 * @param bucket the data lake bucket checked
 * @param strayKeys keys outside every known tenant prefix (a sample of at most 100)
 * @param strayKeysTotal how many there are in all
 * @param warnings findings that do not fail the run (e.g. a tenant without new data)
 */
public record ValidationReport(
    String workflowId,
    PhaseOutcome outcome,
    Instant since,
    String bucket,
    long objects,
    long newRawObjects,
    long newCanonicalObjects,
    List<TenantValidation> tenants,
    List<String> strayKeys,
    long strayKeysTotal,
    List<PhaseItem> changed,
    List<PhaseItem> unchanged,
    List<String> problems,
    List<String> warnings,
    Instant started,
    Instant ended) implements RunReport {

  @JsonIgnore
  @Override
  public RunKind kind() {
    return RunKind.VALIDATE;
  }
}
