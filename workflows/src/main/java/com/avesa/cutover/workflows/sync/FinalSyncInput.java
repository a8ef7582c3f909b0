package com.avesa.cutover.workflows.sync;

import com.avesa.cutover.workflows.config.MigrationConfig;

/**
 * Input of {@link FinalSyncWorkflow}: the migration config and an optional label (e.g. the
 * schedule's name) copied into the result so an operator can tell the syncs apart.
 */
public record FinalSyncInput(MigrationConfig config, String label) {

  public static FinalSyncInput of(MigrationConfig config) {
    return new FinalSyncInput(config, null);
  }
}
