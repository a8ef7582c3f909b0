package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.cutover.CompensationRecord;
import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.cutover.Outcome;
import com.avesa.cutover.workflows.cutover.RollbackInput;
import com.avesa.cutover.workflows.cutover.RollbackWorkflow;
import com.avesa.cutover.workflows.run.RunKind;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.List;

/**
 * A test stand-in for the real rollback: echoes the cutover report it was given (name, changes,
 * config, its compensations now DONE) with the requester and reason, outcome ROLLED_BACK.
 */
public class EchoRollbackWorkflow implements RollbackWorkflow {
  private CutoverReport report;

  @Override
  public CutoverReport rollBack(RollbackInput input) {
    CutoverReport cutover = input.cutover();
    Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
    List<CompensationRecord> undone = cutover.compensations().stream()
        .map(c -> new CompensationRecord(c.name(), c.undoes(), CompensationRecord.Status.DONE, now, "undone after the cutover"))
        .toList();
    report = new CutoverReport(Workflow.getInfo().getWorkflowId(), RunKind.ROLLBACK, cutover.name(),
        Outcome.ROLLED_BACK, "DONE", "undid " + cutover.workflowId(), input.requestedBy(), null, 0,
        cutover.windowStart(), cutover.windowEnd(), input.reason(), List.of(), List.of(), undone, List.of(),
        cutover.changes(), null, null, cutover.config());
    return report;
  }

  @Override
  public CutoverReport progress() {
    return report;
  }
}
