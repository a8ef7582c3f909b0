package com.avesa.cutover.workflows.config;

import java.util.List;

/**
 * The target's security baseline ({@code security:}): GuardDuty, AWS Config, CloudTrail into
 * {@code trailBucket}, a billing alarm above {@code billingThreshold} USD, and the alert topic
 * {@code alertTopic} with an email subscription per {@code alertEmails} entry.
 */
public record SecurityConfig(int billingThreshold, List<String> alertEmails, String trailBucket, String trailName,
    String alertTopic) {
  public static final int DEFAULT_BILLING_THRESHOLD = 1000;
  public static final int MIN_BILLING_THRESHOLD = 1;
  public static final String DEFAULT_TRAIL_NAME = "avesa-audit-trail";
  public static final String DEFAULT_ALERT_TOPIC = "avesa-alerts";

  public SecurityConfig {
    alertEmails = alertEmails == null ? List.of() : List.copyOf(alertEmails);
    trailName = trailName == null ? DEFAULT_TRAIL_NAME : trailName;
    alertTopic = alertTopic == null ? DEFAULT_ALERT_TOPIC : alertTopic;
  }

  /** The default trail bucket: {@code avesa-audit-logs-{account}}. */
  public static String defaultTrailBucket(String accountId) {
    return "avesa-audit-logs-" + (accountId == null ? "target" : accountId);
  }

  public static SecurityConfig defaults(String accountId) {
    return new SecurityConfig(DEFAULT_BILLING_THRESHOLD, List.of(), defaultTrailBucket(accountId), null, null);
  }
}
