package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.run.CutoverStep;
import java.time.Instant;

/**
 * One undo action, registered before the step it undoes.
 *
 * @param name e.g. {@code enableSourceIngestion}, {@code restoreDns}
 * @param undoes the step it belongs to, written as its recorded name
 * @param status REGISTERED (not run), DONE, or FAILED (retries exhausted: still to do)
 * @param detail what it did, or the last error
 */
public record CompensationRecord(String name, CutoverStep undoes, Status status, Instant at, String detail) {
  /** Where an undo stands; written by name, as the strings these replaced. */
  public enum Status {
    REGISTERED,
    DONE,
    FAILED
  }
}
