package com.avesa.cutover.workflows.smoke;

import com.avesa.cutover.workflows.cutover.SmokeTestResult;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import java.time.Instant;
import java.util.List;

/** Every function invoked and how it answered; {@code changed} is always empty (invoking changes nothing we track). */
public record SmokeTestReport(
    String workflowId,
    String outcome,
    List<SmokeTestResult> results,
    List<PhaseItem> changed,
    List<PhaseItem> unchanged,
    List<String> problems,
    Instant started,
    Instant ended) {}
