package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.migration.BucketReport;
import com.avesa.cutover.workflows.migration.DataMigrationWorkflow;
import com.avesa.cutover.workflows.migration.MigrationInput;
import com.avesa.cutover.workflows.migration.MigrationProgress;
import com.avesa.cutover.workflows.migration.MigrationReport;
import com.avesa.cutover.workflows.migration.Mode;
import com.avesa.cutover.workflows.migration.SecretReport;
import com.avesa.cutover.workflows.run.MigrationStatus;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Stands in for the data migration child runs: writes {@code sync MODE} to the fixtures' journal,
 * takes {@link #syncTakes} (workflow time) for a SYNC, and reports one object copied.
 */
public class ScriptedMigration implements DataMigrationWorkflow {
  static volatile List<String> journal;
  static volatile Duration syncTakes = Duration.ZERO;
  static volatile boolean reverseFails;

  @Override
  public MigrationReport migrate(MigrationInput input) {
    if (!Workflow.isReplaying()) {
      journal.add("sync " + input.mode());
    }
    if (input.mode() == Mode.SYNC && !syncTakes.isZero()) {
      Workflow.sleep(syncTakes);
    }
    if (input.mode() == Mode.REVERSE && reverseFails) {
      throw ApplicationFailure.newNonRetryableFailure("verification failed: 1 difference(s)",
          FailureType.VERIFICATION_FAILED.type());
    }
    BucketReport bucket = new BucketReport("data-storage-msp", "data-storage-msp-prod", 3, 30, 1, 1, 10, 2, 0, 3,
        Map.of());
    return new MigrationReport(Workflow.getInfo().getWorkflowId(), input.mode(), MigrationStatus.COMPLETED, true,
        List.of(bucket), List.of(), new SecretReport(List.of(), 0, 0, 0, List.of()), List.of(), 0, 1);
  }

  @Override
  public MigrationProgress progress() {
    return null;
  }
}
