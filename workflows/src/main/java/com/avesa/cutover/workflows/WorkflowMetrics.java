package com.avesa.cutover.workflows;

import java.util.Map;

/**
 * The metrics workflow code records through {@code Workflow.getMetricsScope()}, with the HELP text
 * the worker's {@code /metrics} gives them. The worker registers them on their own, with only the
 * tags the workflow gave ({@code config}, {@code kind}, {@code phase}, {@code mode}, {@code status}):
 * none of the Temporal SDK's scope tags.
 */
public final class WorkflowMetrics {
  public static final String CUTOVER_PHASE = "avesa_cutover_phase";
  public static final String MIGRATION_PHASE = "avesa_migration_phase";
  public static final String SYNC_LAG_OBJECTS = "avesa_sync_lag_objects";
  public static final String SYNC_LAG_BYTES = "avesa_sync_lag_bytes";
  public static final String SYNC_ITEMS_COPIED = "avesa_sync_items_copied";
  public static final String SYNC_SECRETS_COPIED = "avesa_sync_secrets_copied";
  public static final String SYNC_RUNS = "avesa_sync_runs";

  /** Every workflow metric's name and its HELP text. */
  public static final Map<String, String> HELP = Map.of(
      CUTOVER_PHASE, "1 for the phase a cutover, rollback or isolation run is in, 0 for the phase it left",
      MIGRATION_PHASE, "1 for the phase a data migration run is in, 0 for the phase it left",
      SYNC_LAG_OBJECTS, "S3 objects the latest final sync found missing or different in the target",
      SYNC_LAG_BYTES, "Bytes of the S3 objects the latest final sync found missing or different in the target",
      SYNC_ITEMS_COPIED, "DynamoDB items the latest final sync copied",
      SYNC_SECRETS_COPIED, "Secrets the latest final sync created or updated",
      SYNC_RUNS, "Final sync runs that ended, by status");

  private WorkflowMetrics() {}
}
