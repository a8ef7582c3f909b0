package com.avesa.cutover.workflows.cutover;

/** How a cutover (or a rollback after one) ended. */
public enum Outcome {
  /** Still running. */
  RUNNING,
  /** The target is live: every step passed. */
  CUT_OVER,
  /** Something failed or was refused after changes began; every change was undone. */
  ROLLED_BACK,
  /** Rolling back failed for at least one compensation; {@code compensations} says what is left. */
  ROLLBACK_INCOMPLETE,
  /** A gate was rejected before anything changed. */
  REJECTED,
  /** No approval came before {@code approvals.timeout}; nothing changed. */
  EXPIRED,
  /** The preflight found problems; nothing changed. */
  PREFLIGHT_FAILED;

  /** Only a cutover that went live counts as success. */
  public boolean succeeded() {
    return this == CUT_OVER;
  }
}
