package com.avesa.cutover.workflows.isolation;

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
    String status,
    Instant started,
    Instant ended,
    Map<String, Long> counts,
    List<PhaseItem> changed,
    List<PhaseItem> unchanged,
    List<String> problems,
    String summary) {}
