package com.avesa.cutover.workflows.sync;

/**
 * A periodic final sync as found before a cutover held it.
 *
 * @param kind {@link #SCHEDULE}, {@link #CRON} or {@link #NONE} (nothing by that id)
 * @param pausedBefore for a Schedule: it was already paused (release leaves it paused)
 * @param cronSchedule for a cron workflow: its cron expression
 * @param input for a cron workflow: its input, to start it again
 * @param note the note a Schedule is paused with
 */
public record SyncHold(String scheduleId, String kind, boolean pausedBefore, String cronSchedule, FinalSyncInput input,
    String note) {
  public static final String SCHEDULE = "SCHEDULE";
  public static final String CRON = "CRON";
  public static final String NONE = "NONE";

  public static SyncHold none(String scheduleId) {
    return new SyncHold(scheduleId, NONE, false, null, null, null);
  }
}
