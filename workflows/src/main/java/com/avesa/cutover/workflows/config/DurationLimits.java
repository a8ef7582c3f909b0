package com.avesa.cutover.workflows.config;

import java.time.Duration;

/**
 * The longest value each duration of a config file (and of the CLI's duration options) may have.
 * Far beyond any sensible value, they keep every deadline a run computes from them (an instant plus
 * a duration) inside what {@link java.time.Instant} and a Temporal timer can hold; a longer value
 * is a config error, not a stack trace.
 */
public final class DurationLimits {
  /** {@code cutover.window}: a maintenance window holds production; a month is already absurd. */
  public static final Duration WINDOW = Duration.ofDays(31);
  /** {@code cutover.monitorFor}: inside the window. */
  public static final Duration MONITOR_FOR = WINDOW;
  /** {@code cutover.checkEvery}: at least once a day (and at most monitorFor, checked apart). */
  public static final Duration CHECK_EVERY = Duration.ofDays(1);
  /** {@code cutover.rollbackBudget}: inside the window. */
  public static final Duration ROLLBACK_BUDGET = WINDOW;
  /** {@code cutover.drainTimeout} and {@code cutover.monitor.within}: inside the window. */
  public static final Duration DRAIN_TIMEOUT = WINDOW;
  /** {@code approvals.timeout}: a gate may wait, but not for ever. */
  public static final Duration APPROVALS_TIMEOUT = Duration.ofDays(400);
  /** {@code decommission.retention}: a year and a bit, for a yearly audit. */
  public static final Duration RETENTION = Duration.ofDays(400);
  /** The CLI's {@code --every} and {@code --wait-gate}, and how far ahead a window may be approved to start. */
  public static final Duration CLI = Duration.ofDays(400);

  private DurationLimits() {}

  /** {@code P31D} rather than {@code PT744H}: whole days as days. */
  public static String describe(Duration d) {
    return !d.isZero() && d.equals(Duration.ofDays(d.toDays())) ? "P" + d.toDays() + "D" : d.toString();
  }
}
