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
    String syncSchedule) {

  public static final Duration DEFAULT_WINDOW = Duration.ofHours(4);
  public static final Duration DEFAULT_MONITOR_FOR = Duration.ofHours(2);
  public static final Duration DEFAULT_CHECK_EVERY = Duration.ofMinutes(5);
  public static final Duration DEFAULT_ROLLBACK_BUDGET = Duration.ofMinutes(30);

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
  }
}
