package com.avesa.cutover.workflows.isolation;

import com.avesa.cutover.workflows.run.PhaseOutcome;

/**
 * A phase did not succeed and the isolation run stops here with {@code outcome} (FAILED, REJECTED,
 * EXPIRED or CANCELLED); the cause, when there is one, is the child run's failure.
 */
final class IsolationStop extends RuntimeException {
  private final PhaseOutcome outcome;

  IsolationStop(PhaseOutcome outcome, String message, Throwable cause) {
    super(message, cause);
    this.outcome = outcome;
  }

  PhaseOutcome outcome() {
    return outcome;
  }
}
