package com.avesa.cutover.workflows.run;

/**
 * The default workflow and schedule ids, declared once for the CLI (which starts runs under them)
 * and the workflows (which start children under them and find their runs by them). A child id is
 * part of a recorded history: what a method here returns for a child must never change.
 */
public final class RunIds {
  private static final String CUTOVER = "-cutover";
  private static final String ROLLBACK = "-rollback";
  private static final String RESCUE = "-rescue";
  private static final String FINAL_SYNC = "-final-sync";
  private static final String REVERSE_SYNC = "-reverse-sync";
  private static final String ISOLATE = "-isolate";

  private RunIds() {}

  /**
   * A run of config {@code configName} started on its own, named by what it does:
   * {@code {name}-plan|copy|sync}, {@code {name}-account-setup}, ...
   */
  public static String of(String configName, String what) {
    return configName + "-" + what;
  }

  /** {@code avesa cutover}'s run: {@code {name}-cutover}. */
  public static String cutover(String configName) {
    return configName + CUTOVER;
  }

  /** {@code avesa rollback --after}'s run: {@code {cutoverId}-rollback}. */
  public static String rollback(String cutoverId) {
    return cutoverId + ROLLBACK;
  }

  /** {@code avesa rollback --rescue}'s run: {@code {cutoverId}-rescue}. */
  public static String rescue(String cutoverId) {
    return cutoverId + RESCUE;
  }

  /**
   * The periodic final sync of config {@code configName} (a Schedule or a cron workflow):
   * {@code {name}-final-sync}. The cutover holds it under this id unless its plan names another.
   */
  public static String finalSyncSchedule(String configName) {
    return configName + FINAL_SYNC;
  }

  /** {@code avesa sync --reverse}'s run: {@code {name}-reverse-sync}. */
  public static String reverseSync(String configName) {
    return configName + REVERSE_SYNC;
  }

  /** An isolation run (the whole runbook): {@code {name}-isolate}. */
  public static String isolation(String configName) {
    return configName + ISOLATE;
  }

  /** A cutover's final-sync child: {@code {cutoverId}-final-sync}. */
  public static String finalSyncChild(String cutoverId) {
    return cutoverId + FINAL_SYNC;
  }

  /** A cutover's reverse-sync child (an undo): {@code {cutoverId}-reverse-sync}. */
  public static String reverseSyncChild(String cutoverId) {
    return cutoverId + REVERSE_SYNC;
  }

  /** True for the id of a cutover's final-sync child. */
  public static boolean isFinalSyncChild(String workflowId) {
    return workflowId.endsWith(FINAL_SYNC);
  }

  /** True for the id of a cutover's reverse-sync child. */
  public static boolean isReverseSyncChild(String workflowId) {
    return workflowId.endsWith(REVERSE_SYNC);
  }

  /** A phase run as a child of an isolation run: {@code {parentId}-{phase}}. */
  public static String phaseChild(String parentId, String phase) {
    return parentId + "-" + phase;
  }

  /** The sync a periodic final-sync run starts: {@code {runId}-{startedAt}}, unique per run. */
  public static String scheduledSyncChild(String parentId, String startedAt) {
    return parentId + "-" + startedAt;
  }
}
