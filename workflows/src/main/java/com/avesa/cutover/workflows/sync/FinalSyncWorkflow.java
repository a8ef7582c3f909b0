package com.avesa.cutover.workflows.sync;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One SYNC pass of the data migration, started periodically by a Temporal Schedule (or a cron
 * workflow where the server has no Schedules) to keep the target account warm before the cutover
 * window.
 *
 * <p>Runs the pass as a child {@code DataMigrationWorkflow} whose id is this run's workflow id plus
 * its start time, so overlapping schedules never collide. Records the lag (see
 * {@link FinalSyncResult}) as the workflow metrics {@code avesa_sync_lag_objects},
 * {@code avesa_sync_lag_bytes}, {@code avesa_sync_items_copied} and {@code avesa_sync_secrets_copied},
 * and in the result.
 *
 * <p>A sync whose verification fails completes with status FAILED and the problem count, so the
 * schedule goes on. Errors that retrying cannot fix (bad config, access denied, missing bucket,
 * wrong account) fail the run with the child's failure type.
 */
@WorkflowInterface
public interface FinalSyncWorkflow {

  @WorkflowMethod
  FinalSyncResult sync(FinalSyncInput input);
}
