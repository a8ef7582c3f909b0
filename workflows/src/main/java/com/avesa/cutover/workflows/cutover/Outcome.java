package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.run.RunOutcome;

/** How a cutover (or a rollback after one) ended; written by name. */
public enum Outcome implements RunOutcome {
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

  @Override
  public boolean running() {
    return this == RUNNING;
  }

  /** Only a cutover that went live counts as success (a rollback's report answers for a rollback). */
  @Override
  public boolean succeeded() {
    return this == CUT_OVER;
  }
}
