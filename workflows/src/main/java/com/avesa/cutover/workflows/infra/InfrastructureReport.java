package com.avesa.cutover.workflows.infra;

import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.run.RunKind;
import com.avesa.cutover.workflows.run.RunReport;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * What an infrastructure run found.
 *
 * @param deployExitCode the deploy command's exit code, null when none is configured
 * @param deployOutputTail the last lines of its output (stdout and stderr), null without one
 * @param missing every configured stack, function, rule, table or bucket not found (or a stack not
 *     {@code *_COMPLETE}, with its status)
 */
public record InfrastructureReport(
    String workflowId,
    PhaseOutcome outcome,
    Integer deployExitCode,
    String deployOutputTail,
    List<PhaseItem> changed,
    List<PhaseItem> unchanged,
    List<String> missing,
    List<String> problems,
    Instant started,
    Instant ended) implements RunReport {

  @JsonIgnore
  @Override
  public RunKind kind() {
    return RunKind.INFRA;
  }
}
