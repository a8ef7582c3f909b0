package com.avesa.cutover.workflows.smoke;

import com.avesa.cutover.workflows.cutover.SmokeTestResult;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.run.RunKind;
import com.avesa.cutover.workflows.run.RunReport;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/** Every function invoked and how it answered; {@code changed} is always empty (invoking changes nothing we track). */
public record SmokeTestReport(
    String workflowId,
    PhaseOutcome outcome,
    List<SmokeTestResult> results,
    List<PhaseItem> changed,
    List<PhaseItem> unchanged,
    List<String> problems,
    Instant started,
    Instant ended) implements RunReport {

  @JsonIgnore
  @Override
  public RunKind kind() {
    return RunKind.SMOKE;
  }
}
