package com.avesa.cutover.workflows.sync;

import io.temporal.activity.ActivityInterface;

/**
 * Holds the periodic final sync still while a cutover runs, so no scheduled SYNC races the
 * cutover's own final sync or, worse, copies the (now stale) source over data the live target
 * received. A Temporal Schedule is paused; a cron workflow (the fallback where the server has no
 * Schedules) cannot be paused, so it is terminated and later started again with the same id, cron
 * expression and input.
 */
@ActivityInterface
public interface SyncScheduleActivities {

  /** What exists under {@code request.scheduleId()}: a Schedule (and whether it is paused), a running cron workflow, or nothing. Read-only. */
  SyncHold describeSync(SyncHoldRequest request);

  /** Pauses the Schedule / terminates the cron workflow {@code hold} describes. Idempotent; NONE does nothing. */
  void holdSync(SyncHold hold);

  /**
   * The workflow ids of the runs the Schedule {@code hold} describes started that are still running
   * (a paused Schedule does not stop a run already going). Empty for a cron workflow (holding it
   * terminated it) and for NONE. Read-only.
   */
  java.util.List<String> runningSyncs(SyncHold hold);

  /**
   * Undoes {@link #holdSync}: unpauses a Schedule that was not paused before; starts the cron
   * workflow again (same id, cron expression and input) when it was running and is not now.
   * Idempotent; NONE does nothing.
   */
  void releaseSync(SyncHold hold);
}
