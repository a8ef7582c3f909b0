package com.avesa.cutover.workflows.isolation;

import com.avesa.cutover.workflows.cutover.CompensationRecord;
import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one phase ended, as the isolation run keeps it: the status for its {@link PhaseRecord}, the
 * phase's numbers, what it changed and found in place, its problems, one line for the report, and
 * the gate decisions and compensations a child run reported. Stays inside the workflow; never
 * crosses the wire.
 */
record PhaseResult(
    PhaseRecord.Status status,
    Map<String, Long> counts,
    List<PhaseItem> changed,
    List<PhaseItem> unchanged,
    List<String> problems,
    String summary,
    List<ApprovalRecord> approvals,
    List<CompensationRecord> compensations) {

  PhaseResult {
    changed = changed == null ? List.of() : List.copyOf(changed);
    unchanged = unchanged == null ? List.of() : List.copyOf(unchanged);
    problems = problems == null ? List.of() : List.copyOf(problems);
    approvals = approvals == null ? List.of() : List.copyOf(approvals);
    compensations = compensations == null ? List.of() : List.copyOf(compensations);
    counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts == null ? Map.of() : counts));
  }

  /** A phase that ended with {@code status} and nothing more to tell than {@code summary}. */
  static PhaseResult of(PhaseRecord.Status status, String summary) {
    return new PhaseResult(status, Map.of(), List.of(), List.of(), List.of(), summary, List.of(), List.of());
  }

  /** A child run that failed without a report to read: only Temporal's reason is known. */
  static PhaseResult failedWithoutReport(String why) {
    return new PhaseResult(PhaseRecord.Status.FAILED, Map.of(), List.of(), List.of(), List.of(why), "failed: " + why,
        List.of(), List.of());
  }

  /** This result, FAILED, with {@code why} among its problems unless one of them already says it. */
  PhaseResult failedWith(String why) {
    List<String> all = new ArrayList<>(problems);
    if (all.stream().noneMatch(p -> p.contains(why) || why.contains(p))) {
      all.add(why);
    }
    return new PhaseResult(PhaseRecord.Status.FAILED, counts, changed, unchanged, all,
        summary == null || summary.isBlank() ? "failed: " + why : summary, approvals, compensations);
  }
}
