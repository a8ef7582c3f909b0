package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.config.AlarmSelector;
import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.config.CutoverConfig;
import com.avesa.cutover.workflows.config.DnsConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.config.SmokeTest;
import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.cutover.Outcome;
import com.avesa.cutover.workflows.estate.AccountConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * What the Temporal UI shows of a cutover or rollback before it has run a step: a one-line static
 * summary and markdown static details (accounts, rules, DNS record, window, approval rules).
 */
final class CutoverSummary {
  private static final int MAX_SUMMARY = 400;

  private CutoverSummary() {}

  /** e.g. {@code Cutover avesa-prod: approvers alice, bob (1 required); window PT4H}. */
  static String summary(MigrationConfig config) {
    ApprovalsConfig approvals = approvals(config);
    return cap("Cutover " + config.name() + ": approvers " + approvers(approvals)
        + " (" + approvals.required() + " required); window " + config.cutover().window());
  }

  /** Markdown: who asked, the accounts, what is switched, the window and who may approve. */
  static String details(MigrationConfig config, String requestedBy) {
    CutoverConfig cutover = config.cutover();
    ApprovalsConfig approvals = approvals(config);
    List<String> lines = new ArrayList<>();
    lines.add("**Cutover " + config.name() + "**, requested by " + requestedBy);
    lines.add("");
    lines.add("- **Source account**: " + account(config.source()));
    lines.add("- **Target account**: " + account(config.target()));
    lines.add("- **Region**: " + config.region());
    lines.add("- **Source rules** (disabled): " + names(cutover.sourceRules()));
    lines.add("- **Target rules** (enabled): " + names(cutover.targetRules()));
    lines.add("- **DNS**: " + dns(cutover.dns()));
    lines.add("- **Window**: " + cutover.window() + " from the approved start; monitoring "
        + cutover.monitorFor() + " (alarms every " + cutover.checkEvery() + "); rollback budget "
        + cutover.rollbackBudget());
    lines.add("- **Smoke tests**: " + names(cutover.smokeTests().stream().map(SmokeTest::function).toList()));
    lines.add("- **Alarms**: " + alarms(cutover.alarms()));
    lines.add("- **Approvals**: " + approvals.required() + " of " + approvers(approvals)
        + (approvals.fourEyes() ? "; four eyes (not the requester)" : "")
        + (approvals.signOff() ? "; sign-off after monitoring" : "")
        + "; the gate expires after " + approvals.timeout());
    return String.join("\n", lines);
  }

  /** e.g. {@code Rollback of avesa-prod-cutover (CUT_OVER), requested by bob: errors in canonical/}. */
  static String rollbackSummary(CutoverReport cutover, String requestedBy, String reason) {
    String from = cutover.outcome() == Outcome.RUNNING ? "rescued from its history" : cutover.outcome().name();
    return cap("Rollback of " + cutover.workflowId() + " (" + from + "), requested by "
        + requestedBy + ": " + reason);
  }

  /** The approval rules of a cutover config; the defaults when the file has none. */
  static ApprovalsConfig approvals(MigrationConfig config) {
    return config.approvals() == null ? ApprovalsConfig.defaults() : config.approvals();
  }

  private static String approvers(ApprovalsConfig approvals) {
    return approvals.approvers().isEmpty() ? "anyone" : String.join(", ", approvals.approvers());
  }

  private static String account(AccountConfig account) {
    return account.accountId() + (account.roleArn() == null ? "" : " via " + account.roleArn());
  }

  private static String dns(DnsConfig dns) {
    if (dns == null) {
      return "not switched";
    }
    return dns.name() + " " + dns.type() + " → " + dns.value() + " (TTL " + dns.ttl() + " s) in zone "
        + dns.hostedZoneId() + (dns.account() == null ? "" : " (" + dns.account() + " account)");
  }

  private static String alarms(AlarmSelector alarms) {
    if (alarms.selectsNothing()) {
      return "none";
    }
    List<String> parts = new ArrayList<>(alarms.names());
    if (alarms.namePrefix() != null) {
      parts.add(alarms.namePrefix() + "*");
    }
    return String.join(", ", parts);
  }

  private static String names(List<String> names) {
    return names.isEmpty() ? "none" : String.join(", ", names);
  }

  private static String cap(String line) {
    return line.length() <= MAX_SUMMARY ? line : line.substring(0, MAX_SUMMARY - 1) + "…";
  }
}
