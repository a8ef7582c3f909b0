package com.avesa.cutover.workflows.cutover;

import java.time.Instant;

/**
 * One undo action, registered before the step it undoes.
 *
 * @param name e.g. {@code enableSourceIngestion}, {@code restoreDns}
 * @param undoes the step it belongs to
 * @param status REGISTERED (not run), DONE, or FAILED (retries exhausted: still to do)
 * @param detail what it did, or the last error
 */
public record CompensationRecord(String name, String undoes, String status, Instant at, String detail) {
  public static final String REGISTERED = "REGISTERED";
  public static final String DONE = "DONE";
  public static final String FAILED = "FAILED";
}
