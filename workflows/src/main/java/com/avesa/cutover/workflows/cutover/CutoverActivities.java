package com.avesa.cutover.workflows.cutover;

import io.temporal.activity.ActivityInterface;

/**
 * The cutover's side effects: EventBridge rules, the Route53 record, Lambda smoke tests,
 * CloudWatch alarms and SNS notices. Every method is idempotent (setting a rule to the state it
 * has, writing the record it holds, are no-ops), so retries are safe. Errors retrying cannot fix
 * are non-retryable {@code ApplicationFailure}s typed by {@code FailureType}.
 */
@ActivityInterface
public interface CutoverActivities {

  /**
   * Read-only checks before the gate: both identities match the configured accounts; the source
   * and target rules, the hosted zone (found in the configured account, else source then target),
   * the smoke-test functions and the named alarms (target) and the notify topic exist. Returns
   * every problem found instead of failing on the first.
   */
  CutoverPreflight checkCutover(CutoverPreflightRequest request);

  /** Current state of each named rule on one side; a rule that does not exist fails with NOT_FOUND. */
  RuleStates describeRules(RulesRequest request);

  /** Enables or disables exactly the named rules on one side. */
  void setRulesEnabled(RuleChange change);

  /** The record set of that name and type in the zone, or {@link DnsRecordSet#absent} when there is none. */
  DnsRecordSet readDnsRecord(DnsRequest request);

  /**
   * Makes the record set in the zone equal {@code change.desired()}: UPSERT when it exists, DELETE of
   * the current record set when it does not. Returns the Route53 change id, or null when nothing was
   * written (a DELETE of a record that is already gone).
   */
  String writeDnsRecord(DnsChange change);

  /** The status Route53 reports for a change: {@code PENDING} or {@code INSYNC}. */
  String dnsChangeStatus(DnsChangeRequest request);

  /** Invokes one function synchronously with its payload. Reports FunctionError and status; does not throw for them. */
  SmokeTestResult invokeFunction(SmokeTestRequest request);

  /** The selected target alarms and which of them are in ALARM. */
  AlarmCheck checkAlarms(AlarmRequest request);

  /** Publishes one message to the topic (in the account its ARN names). */
  void notify(Notice notice);
}
