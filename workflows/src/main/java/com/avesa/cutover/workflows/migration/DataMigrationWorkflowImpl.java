package com.avesa.cutover.workflows.migration;

/** Placeholder: replaced by the real implementation. */
public class DataMigrationWorkflowImpl implements DataMigrationWorkflow {
  @Override
  public MigrationReport migrate(MigrationInput input) {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public MigrationProgress progress() {
    return null;
  }
}
