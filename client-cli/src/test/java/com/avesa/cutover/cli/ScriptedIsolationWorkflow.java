package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.gate.Approval;
import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.avesa.cutover.workflows.isolation.IsolationInput;
import com.avesa.cutover.workflows.isolation.IsolationReport;
import com.avesa.cutover.workflows.isolation.PhaseRecord;
import com.avesa.cutover.workflows.isolation.ProductionIsolationWorkflow;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import com.avesa.cutover.workflows.runbook.Phases;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test stand-in for the whole runbook, enough for {@code avesa status} of an isolation: it holds
 * at the {@code validation} gate with one finding after a PLAN (whose counts come in the order the
 * real isolation records them, not sorted) and a cutover; a decision on the gate ends it.
 */
public class ScriptedIsolationWorkflow implements ProductionIsolationWorkflow {
  private IsolationReport progress;
  private boolean decided;

  @Override
  public IsolationReport isolate(IsolationInput input) {
    Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
    String id = Workflow.getInfo().getWorkflowId();
    Map<String, Long> planned = new LinkedHashMap<>();
    planned.put("objects", 3L);
    planned.put("bytes", 2048L);
    planned.put("objectsToCopy", 2L);
    planned.put("items", 5L);
    planned.put("secrets", 1L);
    planned.put("secretsToCopy", 1L);
    List<PhaseRecord> phases = List.of(
        new PhaseRecord(Phases.PLAN, id + "-plan", PhaseRecord.Status.SUCCEEDED, now, now, planned, List.of(),
            List.of(), List.of(), "3 object(s) (2,048 bytes), 2 to copy; 5 item(s); 1 secret(s), 1 to copy"),
        new PhaseRecord(Phases.CUTOVER, id + "-cutover", PhaseRecord.Status.SUCCEEDED, now, now, Map.of(),
            List.of(new PhaseItem("dns api.avesa.example", "switched")), List.of(), List.of(), "CUT_OVER"),
        new PhaseRecord(Phases.VALIDATE, id + "-validate", PhaseRecord.Status.WAITING, now, null, Map.of("tenants", 2L), List.of(),
            List.of(), List.of(), null),
        new PhaseRecord(Phases.DECOMMISSION, id + "-decommission", PhaseRecord.Status.PENDING, null, null, Map.of(), List.of(),
            List.of(), List.of(), null));
    List<ApprovalRecord> approvals = List.of(
        new ApprovalRecord(Phases.EXECUTE_GATE, "bob", ApprovalRecord.Decision.APPROVED, "CAB-123", now, null, null, "bob"));
    progress = new IsolationReport(id, input.config().name(), input.requestedBy(), PhaseOutcome.RUNNING,
        Phases.VALIDATE, Phases.VALIDATION_GATE, 1, id, phases, approvals, List.of(), List.of(), now, null,
        List.of("prefix tenants/t9/ of no known tenant"));
    Workflow.await(() -> decided);
    return progress;
  }

  @Override
  public IsolationReport progress() {
    return progress;
  }

  @Override
  public void approve(Approval approval) {
    decided = true;
  }

  @Override
  public void reject(Approval rejection) {
    decided = true;
  }

  @Override
  public ApprovalRecord approveGate(Approval approval) {
    throw new UnsupportedOperationException("approve with the signal");
  }

  @Override
  public void validateApproval(Approval approval) {}

  @Override
  public ApprovalRecord rejectGate(Approval rejection) {
    throw new UnsupportedOperationException("reject with the signal");
  }

  @Override
  public void validateRejection(Approval rejection) {}
}
