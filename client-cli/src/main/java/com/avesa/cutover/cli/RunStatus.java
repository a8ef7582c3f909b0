package com.avesa.cutover.cli;

import java.time.Instant;

/**
 * What {@code avesa status} prints: the run's state from DescribeWorkflowExecution, its history
 * length, and the {@code progress} query's answer (null when no worker answered), typed as its
 * kind answers it ({@link ProgressKind}): a {@code RunProgress} such as {@code MigrationProgress},
 * {@code CutoverReport} (also a completed cutover's result), {@code PhaseProgress} or
 * {@code IsolationReport}.
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
