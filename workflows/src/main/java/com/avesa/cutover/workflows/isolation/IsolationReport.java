package com.avesa.cutover.workflows.isolation;

import com.avesa.cutover.workflows.cutover.CompensationRecord;
import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.run.RunCounts;
import com.avesa.cutover.workflows.run.RunKind;
import com.avesa.cutover.workflows.run.RunProgress;
import com.avesa.cutover.workflows.run.RunReport;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * The isolation run's state and, at the end, its report ({@code avesa report ID --markdown|--json}).
 *
 * @param outcome RUNNING, SUCCEEDED, FAILED, REJECTED, EXPIRED, CANCELLED
 * @param phase the phase running now ({@link com.avesa.cutover.workflows.runbook.Phases}), or DONE
 * @param gateWorkflowId the run whose gate is pending: this one ({@code execute}) or a child
 * @param phases every phase, in runbook order, including those not reached yet (PENDING; SKIPPED once
 *     the run ended without them)
 * @param approvals every decision of every gate (this run's and its children's)
 * @param compensations the cutover's compensations, when it ran any
 * @param findings what the post-cutover validation found (unknown tenants' prefixes, stray keys,
 *     tenants without their secret) and put before the {@code validation} gate; null in reports of
 *     runs from before that gate
 */
public record IsolationReport(
    String workflowId,
    String configName,
    String requestedBy,
    PhaseOutcome outcome,
    String phase,
    String pendingGate,
    int approvalsNeeded,
    String gateWorkflowId,
    List<PhaseRecord> phases,
    List<ApprovalRecord> approvals,
    List<CompensationRecord> compensations,
    List<String> problems,
    Instant started,
    Instant ended,
    List<String> findings) implements RunProgress, RunReport {

  /** A report without validation findings. */
  public IsolationReport(String workflowId, String configName, String requestedBy, PhaseOutcome outcome, String phase,
      String pendingGate, int approvalsNeeded, String gateWorkflowId, List<PhaseRecord> phases,
      List<ApprovalRecord> approvals, List<CompensationRecord> compensations, List<String> problems, Instant started,
      Instant ended) {
    this(workflowId, configName, requestedBy, outcome, phase, pendingGate, approvalsNeeded, gateWorkflowId, phases,
        approvals, compensations, problems, started, ended, List.of());
  }

  /** Changed and unchanged: of every phase so far; problems: the run's (its progress, {@link RunProgress}). */
  @JsonIgnore
  @Override
  public RunCounts counts() {
    List<PhaseRecord> all = phases == null ? List.of() : phases;
    return new RunCounts(all.stream().mapToLong(p -> p.changed() == null ? 0 : p.changed().size()).sum(),
        all.stream().mapToLong(p -> p.unchanged() == null ? 0 : p.unchanged().size()).sum(),
        problems == null ? 0 : problems.size());
  }

  @JsonIgnore
  @Override
  public RunKind kind() {
    return RunKind.ISOLATE;
  }
}
