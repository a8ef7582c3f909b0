package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.migration.MigrationProgress;
import java.time.Instant;

/**
 * What {@code avesa status} prints: the run's state from DescribeWorkflowExecution, its history
 * length, and the {@code progress} query's answer (null when no worker answered).
 */
record RunStatus(
    String workflowId,
    String runId,
    String workflowType,
    String status,
    Instant startTime,
    Instant closeTime,
    long historyLength,
    MigrationProgress progress) {}
