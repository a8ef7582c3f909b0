package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.run.CutoverStep;
import java.time.Instant;

/**
 * One runbook step of the run.
 *
 * @param name the step, written as its recorded name (e.g. {@code switchDns})
 * @param status RUNNING, DONE, FAILED or SKIPPED
 * @param detail what the step did or why it failed, one line
 */
public record StepRecord(CutoverStep name, Status status, Instant startedAt, Instant endedAt, String detail) {
  /** Where a step stands; written by name, as the strings these replaced. */
  public enum Status {
    RUNNING,
    DONE,
    FAILED,
    SKIPPED
  }
}
