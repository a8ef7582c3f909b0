package com.avesa.cutover.runtime.config;

import com.avesa.cutover.workflows.config.AlarmSelector;
import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.config.CutoverConfig;
import com.avesa.cutover.workflows.config.DnsAlias;
import com.avesa.cutover.workflows.config.DnsConfig;
import com.avesa.cutover.workflows.config.DurationLimits;
import com.avesa.cutover.workflows.config.MonitorConfig;
import com.avesa.cutover.workflows.config.SmokeTest;
import static com.avesa.cutover.runtime.config.YamlFields.absent;
import static com.avesa.cutover.runtime.config.YamlFields.readItems;

import com.avesa.cutover.workflows.estate.Side;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the {@code cutover:} section (the window, what the cutover switches, tests and watches)
 * and the {@code approvals:} section (who opens its gates) into the shared problem list.
 */
final class CutoverSectionReader {
  static final List<String> CUTOVER_KEYS = List.of("window", "monitorFor", "checkEvery", "rollbackBudget",
      "sourceRules", "targetRules", "dns", "smokeTests", "alarms", "notifyTopicArn", "syncSchedule", "drainTimeout", "monitor");
  static final List<String> MONITOR_KEYS = List.of("newObjects", "invocations", "maxErrors", "within", "functions",
      "none");
  static final List<String> DNS_KEYS = List.of("hostedZoneId", "name", "type", "value", "ttl", "account", "ttlLead",
      "alias");
  static final List<String> DNS_ALIAS_KEYS = List.of("hostedZoneId", "dnsName", "evaluateTargetHealth");
  /** The record types an alias can be (an API Gateway or load balancer answers A and AAAA). */
  static final List<String> DNS_ALIAS_TYPES = List.of("A", "AAAA");
  static final List<String> DNS_TYPES = List.of("A", "AAAA", "CNAME", "TXT");
  static final List<String> DNS_ACCOUNTS = List.of("source", "target");
  static final List<String> SMOKE_TEST_KEYS = List.of("function", "payload");
  static final List<String> ALARM_KEYS = List.of("names", "namePrefix");
  static final List<String> APPROVAL_KEYS = List.of("approvers", "required", "fourEyes", "signOff", "timeout",
      "identity");
  static final List<String> IDENTITIES = List.of(ApprovalsConfig.AWS_IAM, ApprovalsConfig.DECLARED);
  /** The runbook's smoke-test payload, used when a smoke test gives none. */
  static final String DEFAULT_PAYLOAD = "{\"test\":true}";

  private final List<String> problems;
  private final YamlFields yaml;
  private final ConfigRules rules;

  CutoverSectionReader(List<String> problems, YamlFields yaml, ConfigRules rules) {
    this.problems = problems;
    this.yaml = yaml;
    this.rules = rules;
  }

  CutoverConfig cutover(JsonNode node) {
    if (!yaml.mapping(node, "cutover", CUTOVER_KEYS)) {
      return null;
    }
    Duration window = yaml.duration(node, "cutover", "window", CutoverConfig.DEFAULT_WINDOW, DurationLimits.WINDOW,
        "PT4H");
    Duration monitorFor = yaml.duration(node, "cutover", "monitorFor", CutoverConfig.DEFAULT_MONITOR_FOR,
        DurationLimits.MONITOR_FOR, "PT2H");
    Duration checkEvery = yaml.duration(node, "cutover", "checkEvery", CutoverConfig.DEFAULT_CHECK_EVERY,
        DurationLimits.CHECK_EVERY, "PT5M");
    Duration rollbackBudget =
        yaml.duration(node, "cutover", "rollbackBudget", CutoverConfig.DEFAULT_ROLLBACK_BUDGET,
            DurationLimits.ROLLBACK_BUDGET, "PT30M");
    rules.checkTimings(window, monitorFor, checkEvery, rollbackBudget);
    List<String> sourceRules = ruleNames(node, "sourceRules");
    List<String> targetRules = ruleNames(node, "targetRules");
    JsonNode dnsNode = node.get("dns");
    DnsConfig dns = absent(dnsNode) ? null : dns(dnsNode);
    if (sourceRules.isEmpty() && targetRules.isEmpty() && absent(dnsNode)) {
      problems.add("cutover: the cutover switches nothing: add at least one of cutover.sourceRules, "
          + "cutover.targetRules or cutover.dns");
    }
    List<SmokeTest> smokeTests = new ArrayList<>();
    List<JsonNode> smokeTestNodes = yaml.list(node, "cutover", "smokeTests");
    for (int i = 0; i < smokeTestNodes.size(); i++) {
      smokeTests.add(smokeTest(smokeTestNodes.get(i), "cutover.smokeTests[" + i + "]"));
    }
    int before = problems.size();
    AlarmSelector alarms = alarms(node.get("alarms"));
    boolean alarmsRead = problems.size() == before;
    String notifyTopicArn = yaml.text(node, "cutover", "notifyTopicArn", false);
    rules.checkTopicArn("cutover.notifyTopicArn", notifyTopicArn);
    String syncSchedule = yaml.text(node, "cutover", "syncSchedule", false);
    rules.checkName("cutover.syncSchedule", syncSchedule);
    Duration drainTimeout = yaml.duration(node, "cutover", "drainTimeout", CutoverConfig.DEFAULT_DRAIN_TIMEOUT,
        DurationLimits.DRAIN_TIMEOUT, "PT10M");
    MonitorConfig monitor = monitor(node.get("monitor"), monitorFor);
    if (alarmsRead && (alarms == null || alarms.selectsNothing()) && (monitor == null || (!monitor.checksData() && !monitor.none()))) {
      problems.add("cutover.monitor: the cutover watches nothing after the switch: name target alarms "
          + "(cutover.alarms), turn on a data check (cutover.monitor: { newObjects: true, invocations: true }), "
          + "or say so on purpose with cutover.monitor: { none: true }");
    }
    return new CutoverConfig(window, monitorFor, checkEvery, rollbackBudget, sourceRules, targetRules, dns,
        readItems(smokeTests), alarms, notifyTopicArn, syncSchedule, drainTimeout, monitor);
  }

  /** {@code cutover.monitor}, or null when absent or not a mapping. */
  private MonitorConfig monitor(JsonNode node, Duration monitorFor) {
    String path = "cutover.monitor";
    if (absent(node) || !yaml.mapping(node, path, MONITOR_KEYS)) {
      return null;
    }
    boolean newObjects = yaml.bool(node, path, "newObjects", false);
    boolean invocations = yaml.bool(node, path, "invocations", false);
    int maxErrors = yaml.number(node, path, "maxErrors", 0, 0, Integer.MAX_VALUE);
    Duration within = absent(node.get("within")) ? null
        : yaml.duration(node, path, "within", monitorFor, DurationLimits.DRAIN_TIMEOUT, "PT30M");
    List<String> functions = yaml.strings(node, path, "functions");
    boolean none = yaml.bool(node, path, "none", false);
    if (none && (newObjects || invocations)) {
      problems.add(path + ".none: true says monitoring checks no data, but " + (newObjects ? "newObjects" : "invocations")
          + " is on (remove none, or turn the data checks off)");
    }
    if (within != null && monitorFor != null && within.compareTo(monitorFor) > 0) {
      problems.add(path + ".within: " + within + " is longer than cutover.monitorFor " + monitorFor
          + ": missing data would never be noticed (make within at most " + monitorFor + ")");
    }
    if (!invocations && (!absent(node.get("maxErrors")) || !functions.isEmpty())) {
      problems.add(path + ": maxErrors and functions apply to invocations (add invocations: true, or remove them)");
    }
    return new MonitorConfig(newObjects, invocations, maxErrors, within, functions, none);
  }

  /**
   * The {@code approvals:} section; {@link ApprovalsConfig#defaults()} when a cutover has none,
   * null without a cutover (where the section is a problem, but its values are still checked).
   */
  ApprovalsConfig approvals(JsonNode node, boolean withCutover) {
    if (absent(node)) {
      return withCutover ? ApprovalsConfig.defaults().withIdentity(ApprovalsConfig.DECLARED) : null;
    }
    if (!withCutover) {
      problems.add("approvals: only used with a cutover: or decommission: section (add one, or remove approvals:)");
    }
    if (!yaml.mapping(node, "approvals", APPROVAL_KEYS)) {
      return null;
    }
    ApprovalsConfig defaults = ApprovalsConfig.defaults();
    List<String> approvers = approvers(node);
    int required = yaml.number(node, "approvals", "required", defaults.required(), 1, Integer.MAX_VALUE);
    if (!approvers.isEmpty() && required > approvers.size()) {
      problems.add("approvals.required: " + required + " approvals are required but approvals.approvers lists "
          + approvers.size() + ": no gate could open (lower required to at most " + approvers.size()
          + ", or list more approvers)");
    }
    boolean fourEyes = yaml.bool(node, "approvals", "fourEyes", defaults.fourEyes());
    boolean signOff = yaml.bool(node, "approvals", "signOff", defaults.signOff());
    Duration timeout = yaml.duration(node, "approvals", "timeout", defaults.timeout(),
        DurationLimits.APPROVALS_TIMEOUT, "P7D");
    String identity = yaml.oneOf(node, "approvals", "identity", IDENTITIES,
        approvers.isEmpty() ? ApprovalsConfig.DECLARED : ApprovalsConfig.AWS_IAM);
    if (ApprovalsConfig.AWS_IAM.equals(identity)) {
      checkArns(approvers);
    }
    return withCutover ? new ApprovalsConfig(approvers, required, fourEyes, signOff, timeout, identity) : null;
  }

  private List<String> ruleNames(JsonNode node, String key) {
    List<String> names = yaml.strings(node, "cutover", key);
    for (int i = 0; i < names.size(); i++) {
      rules.checkRuleName("cutover." + key + "[" + i + "]", names.get(i));
    }
    return names;
  }

  private DnsConfig dns(JsonNode node) {
    String path = "cutover.dns";
    if (!yaml.mapping(node, path, DNS_KEYS)) {
      return null;
    }
    String hostedZoneId = rules.hostedZoneId(path + ".hostedZoneId", yaml.text(node, path, "hostedZoneId", true));
    String name = yaml.text(node, path, "name", true);
    // an alias (to an API Gateway or load balancer) is an A record unless the type says AAAA
    String type = yaml.oneOf(node, path, "type", DNS_TYPES, absent(node.get("alias")) ? "CNAME" : "A");
    JsonNode aliasNode = node.get("alias");
    DnsAlias alias = absent(aliasNode) ? null : alias(aliasNode, type);
    String value = yaml.text(node, path, "value", absent(aliasNode));
    if (value != null && !absent(aliasNode)) {
      problems.add(path + ": both value and alias are set: the record becomes one of them (remove value to "
          + "switch to the alias target, or alias to switch to the value)");
    }
    int ttl = yaml.number(node, path, "ttl", (int) DnsConfig.DEFAULT_TTL, 0, Integer.MAX_VALUE);
    String account = yaml.oneOf(node, path, "account", DNS_ACCOUNTS, null);
    Side side = account == null ? null : Side.valueOf(account.toUpperCase(Locale.ROOT));
    Duration ttlLead = yaml.duration(node, path, "ttlLead", null, DurationLimits.WINDOW, "PT1H");
    return new DnsConfig(hostedZoneId, name, type, value, ttl, side, ttlLead, alias);
  }

  private DnsAlias alias(JsonNode node, String type) {
    String path = "cutover.dns.alias";
    if (!yaml.mapping(node, path, DNS_ALIAS_KEYS)) {
      return null;
    }
    if (type != null && !DNS_ALIAS_TYPES.contains(type)) {
      problems.add("cutover.dns.type: " + type + " cannot be an alias of an API Gateway or load balancer: set "
          + "cutover.dns.type to one of " + DNS_ALIAS_TYPES + " with cutover.dns.alias");
    }
    String zone = rules.hostedZoneId(path + ".hostedZoneId", yaml.text(node, path, "hostedZoneId", true));
    String dnsName = yaml.text(node, path, "dnsName", true);
    boolean evaluate = yaml.bool(node, path, "evaluateTargetHealth", false);
    return new DnsAlias(zone, dnsName, evaluate);
  }

  private SmokeTest smokeTest(JsonNode node, String path) {
    if (!yaml.mapping(node, path, SMOKE_TEST_KEYS)) {
      return null;
    }
    String function = yaml.text(node, path, "function", true);
    JsonNode payload = node.get("payload");
    // JsonNode.toString() is Jackson's compact JSON serialization of any YAML value.
    return new SmokeTest(function, absent(payload) ? DEFAULT_PAYLOAD : payload.toString());
  }

  private AlarmSelector alarms(JsonNode node) {
    String path = "cutover.alarms";
    if (absent(node) || !yaml.mapping(node, path, ALARM_KEYS)) {
      return null;
    }
    return new AlarmSelector(yaml.strings(node, path, "names"), yaml.text(node, path, "namePrefix", false));
  }

  /** Under aws-iam an approver is an IAM or STS ARN, or a pattern of one. */
  private void checkArns(List<String> approvers) {
    for (int i = 0; i < approvers.size(); i++) {
      String approver = approvers.get(i);
      if (!approver.startsWith("arn:aws") || approver.split(":", -1).length < 6) {
        problems.add("approvals.approvers[" + i + "]: " + approver + " is not an IAM ARN or ARN pattern (e.g. "
            + "arn:aws:iam::111122223333:user/alice or arn:aws:sts::111122223333:assumed-role/CabApprover/*); "
            + "approvals.identity aws-iam compares the ARNs STS answers (set approvals.identity: declared to "
            + "compare typed names, unauthenticated)");
      }
    }
  }

  private List<String> approvers(JsonNode node) {
    List<String> approvers = new ArrayList<>();
    Map<String, Integer> first = new HashMap<>();
    List<String> given = yaml.strings(node, "approvals", "approvers");
    for (int i = 0; i < given.size(); i++) {
      String approver = given.get(i).trim();
      String at = "approvals.approvers[" + i + "]";
      if (approver.isEmpty()) {
        problems.add(at + ": empty name (the identity of a person allowed to approve, e.g. alice)");
        continue;
      }
      Integer earlier = first.putIfAbsent(approver, i);
      if (earlier != null) {
        problems.add(at + ": " + approver + " is already listed at approvals.approvers[" + earlier
            + "] (list each approver once)");
        continue;
      }
      approvers.add(approver);
    }
    return approvers;
  }
}
