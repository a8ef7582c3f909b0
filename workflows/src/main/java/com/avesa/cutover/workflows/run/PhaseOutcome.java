package com.avesa.cutover.workflows.run;

/**
 * How a runbook phase run (account setup, infrastructure, smoke test, validation, decommission)
 * or an isolation run ended; RUNNING until it does. The JSON value is the constant's name, as the
 * strings these replaced.
 */
public enum PhaseOutcome implements RunOutcome {
  RUNNING,
  SUCCEEDED,
  FAILED,
  REJECTED,
  EXPIRED,
  CANCELLED;

  @Override
  public boolean running() {
    return this == RUNNING;
  }

  @Override
  public boolean succeeded() {
    return this == SUCCEEDED;
  }
}
