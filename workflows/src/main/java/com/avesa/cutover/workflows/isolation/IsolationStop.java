package com.avesa.cutover.workflows.isolation;

/**
 * A phase did not succeed and the isolation run stops here with {@code outcome} (FAILED, REJECTED,
 * EXPIRED or CANCELLED); the cause, when there is one, is the child run's failure.
 */
final class IsolationStop extends RuntimeException {
  private final String outcome;

  IsolationStop(String outcome, String message, Throwable cause) {
    super(message, cause);
    this.outcome = outcome;
  }

  String outcome() {
    return outcome;
  }
}
