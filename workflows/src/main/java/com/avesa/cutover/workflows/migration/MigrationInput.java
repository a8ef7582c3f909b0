package com.avesa.cutover.workflows.migration;

import com.avesa.cutover.workflows.config.MigrationConfig;

/**
 * Input of {@link DataMigrationWorkflow}. {@code checkpoint} is null on the first run and carries
 * counters and cursors (never key lists) into the next run after continue-as-new.
 * {@code historyBudget} is the history length after which the run continues as new (0: default).
 */
public record MigrationInput(MigrationConfig config, Mode mode, Checkpoint checkpoint, int historyBudget) {

  public static MigrationInput of(MigrationConfig config, Mode mode) {
    return new MigrationInput(config, mode, null, 0);
  }
}
