package com.avesa.cutover.workflows.cutover;

import java.time.Instant;

/**
 * One runbook step of the run.
 *
 * @param status RUNNING, DONE, FAILED or SKIPPED
 * @param detail what the step did or why it failed, one line
 */
public record StepRecord(String name, String status, Instant startedAt, Instant endedAt, String detail) {
  public static final String RUNNING = "RUNNING";
  public static final String DONE = "DONE";
  public static final String FAILED = "FAILED";
  public static final String SKIPPED = "SKIPPED";
}
