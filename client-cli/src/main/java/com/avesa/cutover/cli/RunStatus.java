package com.avesa.cutover.cli;

import java.time.Instant;

/**
 * What {@code avesa status} prints: the run's state from DescribeWorkflowExecution, its history
 * length, and the {@code progress} query's answer (null when no worker answered): a
 * {@code MigrationProgress} for data migrations, a {@code CutoverReport} for cutovers and rollbacks.
 */
record RunStatus<P>(
    String workflowId,
    String runId,
    String workflowType,
    String status,
    Instant startTime,
    Instant closeTime,
    long historyLength,
    P progress) {

  static final String RUNNING = "RUNNING";
  static final String COMPLETED = "COMPLETED";

  boolean running() {
    return RUNNING.equals(status);
  }
}
