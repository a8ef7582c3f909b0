package com.avesa.cutover.workflows.migration;

import com.avesa.cutover.workflows.config.MigrationConfig;

/**
 * Input of {@link DataMigrationWorkflow}. {@code checkpoint} is null on the first run and carries
 * counters and cursors (never key lists) into the next run after continue-as-new.
 * {@code historyBudget} is the history length after which the run continues as new (0: default).
 * {@code reverse} makes a PLAN compare in the REVERSE direction (target → source).
 */
public record MigrationInput(MigrationConfig config, Mode mode, Checkpoint checkpoint, int historyBudget,
    boolean reverse) {

  public MigrationInput(MigrationConfig config, Mode mode, Checkpoint checkpoint, int historyBudget) {
    this(config, mode, checkpoint, historyBudget, false);
  }

  public static MigrationInput of(MigrationConfig config, Mode mode) {
    return new MigrationInput(config, mode, null, 0);
  }

  /** A PLAN of the REVERSE direction (target → source): lists and compares, changes nothing. */
  public static MigrationInput reversePlan(MigrationConfig config) {
    return new MigrationInput(config, Mode.PLAN, null, 0, true);
  }

  /** Target → source: REVERSE runs, and a PLAN started with {@code reverse} (absent on older payloads: false). */
  public boolean reversed() {
    return mode == Mode.REVERSE || reverse;
  }
}
