package com.avesa.cutover.workflows.isolation;

import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One phase of an isolation run.
 *
 * @param status PENDING, RUNNING, WAITING (at a gate), SUCCEEDED, FAILED, REJECTED, EXPIRED, CANCELLED, SKIPPED
 * @param workflowId the child run ({@code {isolationId}-{phase}}); null for the execute gate
 * @param counts the phase's numbers, e.g. objects, bytes, items, secrets, tenants, removed
 * @param summary one line for the report, e.g. "CUT_OVER", "3 functions passed"
 */
public record PhaseRecord(
    String phase,
    String workflowId,
    Status status,
    Instant started,
    Instant ended,
    Map<String, Long> counts,
    List<PhaseItem> changed,
    List<PhaseItem> unchanged,
    List<String> problems,
    String summary) {
  /**
   * Where a phase stands: not started yet, running, waiting at a gate, skipped, or ended as its run
   * did (the {@link PhaseOutcome} words). Written by name, as the strings these replaced.
   */
  public enum Status {
    PENDING,
    RUNNING,
    WAITING,
    SUCCEEDED,
    FAILED,
    REJECTED,
    EXPIRED,
    CANCELLED,
    SKIPPED;

    /** The phase status of a run that ended (or runs) with {@code outcome}: the same word. */
    public static Status of(PhaseOutcome outcome) {
      return valueOf(outcome.name());
    }
  }
}
