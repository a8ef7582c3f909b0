package com.avesa.cutover.activities.cutover;

import com.avesa.cutover.activities.aws.Failures;
import com.avesa.cutover.workflows.cutover.RuleStates;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.RuleState;

/**
 * The EventBridge rules on one account's default event bus that schedule ingestion. Enabling an
 * enabled rule (or disabling a disabled one) is a no-op in EventBridge, so every call is safe to
 * repeat. A missing rule is a non-retryable NOT_FOUND naming the rule and the account.
 */
final class IngestionRules {
  private final EventBridgeClient eventBridge;
  private final String where;

  /** @param where the side and account for messages, e.g. {@code source account 123456789012} */
  IngestionRules(EventBridgeClient eventBridge, String where) {
    this.eventBridge = eventBridge;
    this.where = where;
  }

  RuleStates describe(List<String> names) {
    List<String> enabled = new ArrayList<>();
    List<String> disabled = new ArrayList<>();
    for (String name : names) {
      RuleState state =
          Failures.classified(about("describe rule " + name), () -> eventBridge.describeRule(b -> b.name(name)).state());
      (isEnabled(state) ? enabled : disabled).add(name);
    }
    return new RuleStates(enabled, disabled);
  }

  void setEnabled(List<String> names, boolean enabled) {
    for (String name : names) {
      if (enabled) {
        Failures.classified(about("enable rule " + name), () -> eventBridge.enableRule(b -> b.name(name)));
      } else {
        Failures.classified(about("disable rule " + name), () -> eventBridge.disableRule(b -> b.name(name)));
      }
    }
  }

  /** Whether the rule exists; refused access and transient errors propagate as SDK exceptions. */
  boolean exists(String name) {
    return Failures.ifFound(() -> eventBridge.describeRule(b -> b.name(name))).isPresent();
  }

  private static boolean isEnabled(RuleState state) {
    // ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS runs the rule too
    return state != null && state.toString().startsWith("ENABLED");
  }

  private String about(String action) {
    return action + " (" + where + ", default event bus)";
  }
}
