package com.avesa.cutover.workflows.run;

/**
 * How a migration or sync ended, the {@code status} of its report: COMPLETED (whether it verified
 * is the report's {@code verified}) or FAILED. The JSON value is the constant's name, as the
 * strings these replaced.
 */
public enum MigrationStatus implements RunOutcome {
  COMPLETED,
  FAILED;

  @Override
  public boolean running() {
    return false;
  }

  @Override
  public boolean succeeded() {
    return this == COMPLETED;
  }
}
