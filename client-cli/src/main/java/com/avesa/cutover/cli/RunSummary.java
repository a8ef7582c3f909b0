package com.avesa.cutover.cli;

import java.time.Instant;

/** One line of {@code avesa list}: a run, its state and when it started and closed (null while open). */
record RunSummary(
    String workflowId, String runId, String workflowType, String status, Instant startTime, Instant closeTime) {

  boolean open() {
    return "RUNNING".equals(status);
  }
}
