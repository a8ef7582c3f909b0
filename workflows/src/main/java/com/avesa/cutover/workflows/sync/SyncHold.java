package com.avesa.cutover.workflows.sync;

/**
 * A periodic final sync as found before a cutover held it.
 *
 * @param kind SCHEDULE, CRON or NONE (nothing by that id)
 * @param pausedBefore for a Schedule: it was already paused (release leaves it paused)
 * @param cronSchedule for a cron workflow: its cron expression
 * @param input for a cron workflow: its input, to start it again
 * @param note the note a Schedule is paused with
 */
public record SyncHold(String scheduleId, Kind kind, boolean pausedBefore, String cronSchedule, FinalSyncInput input,
    String note) {
  /** What runs the periodic final sync; written by name, as the strings these replaced. */
  public enum Kind {
    /** A Temporal Schedule. */
    SCHEDULE,
    /** A workflow started with a cron schedule. */
    CRON,
    /** Nothing by that id. */
    NONE
  }

  public static SyncHold none(String scheduleId) {
    return new SyncHold(scheduleId, Kind.NONE, false, null, null, null);
  }
}
