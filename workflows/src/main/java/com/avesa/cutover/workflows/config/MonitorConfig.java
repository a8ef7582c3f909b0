package com.avesa.cutover.workflows.config;

import java.time.Duration;
import java.util.List;

/**
 * {@code cutover.monitor}: what monitoring checks besides alarms, that data flows into the target
 * after the switch. Each check is off unless named.
 *
 * @param newObjects every tenant with active services (TenantServices in the target) gets a new
 *     object under {@code raw/{tenant}/} in the data lake bucket
 * @param invocations the target functions' {@code Invocations} rise above zero
 * @param maxErrors with {@code invocations}: more {@code Errors} than this since the switch roll back
 * @param within how long after the switch the data must have arrived; null: {@code monitorFor}
 * @param functions the target functions read; empty: the Lambda functions the target rules start
 * @param none true: no data checks, on purpose (a cutover with neither alarms nor data checks is
 *     refused without it)
 */
public record MonitorConfig(boolean newObjects, boolean invocations, int maxErrors, Duration within,
    List<String> functions, boolean none) {
  public MonitorConfig {
    functions = functions == null ? List.of() : List.copyOf(functions);
  }

  /** Whether any data check is on. */
  public boolean checksData() {
    return newObjects || invocations;
  }

  /** {@code within}, else the whole monitoring time. */
  public Duration within(Duration monitorFor) {
    return within == null ? monitorFor : within;
  }
}
