package com.avesa.cutover.workflows.config;

import com.avesa.cutover.workflows.Deadlines;
import java.time.Duration;
import java.util.List;

/**
 * The {@code cutover:} section: the maintenance window and what the cutover switches, tests and
 * watches. Absent from a config that only migrates data.
 *
 * @param window how long the approved maintenance window lasts, from its start
 * @param monitorFor how long target alarms are watched after the switch
 * @param checkEvery how often the alarms are read while monitoring
 * @param rollbackBudget time kept free at the end of the window for a full rollback
 * @param sourceRules EventBridge rules (source account) that run ingestion today
 * @param targetRules EventBridge rules (target account) that take over ingestion
 * @param dns the record switched to the target, or null when DNS is not part of the cutover
 * @param smokeTests functions invoked in the target after the switch
 * @param alarms the target alarms watched while monitoring
 * @param notifyTopicArn SNS topic told about the gate and the outcome, or null
 * @param syncSchedule the periodic final sync held for the window ({@code avesa sync schedule --id});
 *     null: {@code {name}-final-sync}, the default id
 * @param drainTimeout how long a scheduled final sync found running at the window's start is awaited;
 *     null (older payloads): {@link #DEFAULT_DRAIN_TIMEOUT}
 * @param monitor the data-flow checks while monitoring; null: none (alarms only, as before)
 */
public record CutoverConfig(
    Duration window,
    Duration monitorFor,
    Duration checkEvery,
    Duration rollbackBudget,
    List<String> sourceRules,
    List<String> targetRules,
    DnsConfig dns,
    List<SmokeTest> smokeTests,
    AlarmSelector alarms,
    String notifyTopicArn,
    String syncSchedule,
    Duration drainTimeout,
    MonitorConfig monitor) {

  public static final Duration DEFAULT_WINDOW = Duration.ofHours(4);
  public static final Duration DEFAULT_MONITOR_FOR = Duration.ofHours(2);
  public static final Duration DEFAULT_CHECK_EVERY = Duration.ofMinutes(5);
  public static final Duration DEFAULT_ROLLBACK_BUDGET = Duration.ofMinutes(30);
  public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofMinutes(10);
  public static final Duration MAX_WINDOW = DurationLimits.WINDOW;
  public static final Duration MAX_MONITOR_FOR = DurationLimits.MONITOR_FOR;
  public static final Duration MAX_CHECK_EVERY = DurationLimits.CHECK_EVERY;
  public static final Duration MAX_ROLLBACK_BUDGET = DurationLimits.ROLLBACK_BUDGET;
  public static final Duration MAX_DRAIN_TIMEOUT = DurationLimits.DRAIN_TIMEOUT;

  /** Without a drain timeout or data-flow checks (the defaults apply). */
  public CutoverConfig(Duration window, Duration monitorFor, Duration checkEvery, Duration rollbackBudget,
      List<String> sourceRules, List<String> targetRules, DnsConfig dns, List<SmokeTest> smokeTests,
      AlarmSelector alarms, String notifyTopicArn, String syncSchedule) {
    this(window, monitorFor, checkEvery, rollbackBudget, sourceRules, targetRules, dns, smokeTests, alarms,
        notifyTopicArn, syncSchedule, null, null);
  }

  /** Without a named sync schedule: the default id is held. */
  public CutoverConfig(Duration window, Duration monitorFor, Duration checkEvery, Duration rollbackBudget,
      List<String> sourceRules, List<String> targetRules, DnsConfig dns, List<SmokeTest> smokeTests,
      AlarmSelector alarms, String notifyTopicArn) {
    this(window, monitorFor, checkEvery, rollbackBudget, sourceRules, targetRules, dns, smokeTests, alarms,
        notifyTopicArn, null);
  }

  public CutoverConfig {
    // The loader refuses values over DurationLimits; a run started another way is capped far above
    // them instead, so the run's arithmetic on them cannot throw.
    window = window == null ? DEFAULT_WINDOW : Deadlines.capped(window);
    monitorFor = monitorFor == null ? DEFAULT_MONITOR_FOR : Deadlines.capped(monitorFor);
    checkEvery = checkEvery == null ? DEFAULT_CHECK_EVERY : Deadlines.capped(checkEvery);
    rollbackBudget = rollbackBudget == null ? DEFAULT_ROLLBACK_BUDGET : Deadlines.capped(rollbackBudget);
    sourceRules = sourceRules == null ? List.of() : List.copyOf(sourceRules);
    targetRules = targetRules == null ? List.of() : List.copyOf(targetRules);
    smokeTests = smokeTests == null ? List.of() : List.copyOf(smokeTests);
    alarms = alarms == null ? new AlarmSelector(List.of(), null) : alarms;
    drainTimeout = drainTimeout == null ? DEFAULT_DRAIN_TIMEOUT : Deadlines.capped(drainTimeout);
  }

  /** This section with {@code monitor} as its data-flow checks. */
  public CutoverConfig withMonitor(MonitorConfig monitor) {
    return new CutoverConfig(window, monitorFor, checkEvery, rollbackBudget, sourceRules, targetRules, dns, smokeTests,
        alarms, notifyTopicArn, syncSchedule, drainTimeout, monitor);
  }

  /** Whether monitoring checks that data flows (a {@code monitor} with a check on). */
  public boolean monitorsDataFlow() {
    return monitor != null && monitor.checksData();
  }
}
