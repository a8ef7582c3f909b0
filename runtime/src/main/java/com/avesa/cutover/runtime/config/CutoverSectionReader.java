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
  /** The record types an alias can be (an API Gateway or load balancer answers A and AAAA). */
  static final List<String> DNS_ALIAS_TYPES = List.of("A", "AAAA");
  static final List<String> DNS_TYPES = List.of("A", "AAAA", "CNAME", "TXT");
  static final List<String> DNS_ACCOUNTS = List.of("source", "target");
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
    if (!yaml.mapping(node, "cutover", CutoverConfig.class)) {
      return null;
    }
    Section<CutoverConfig> cutover = yaml.section(CutoverConfig.class, node, "cutover");
    Duration window = cutover.read("window");
    Duration monitorFor = cutover.read("monitorFor");
    rules.checkTimings(window, monitorFor, cutover.read("checkEvery"), cutover.read("rollbackBudget"));
    List<String> sourceRules = cutover.put("sourceRules", ruleNames(node, "sourceRules"));
    List<String> targetRules = cutover.put("targetRules", ruleNames(node, "targetRules"));
    JsonNode dnsNode = node.get("dns");
    cutover.put("dns", absent(dnsNode) ? null : dns(dnsNode));
    if (sourceRules.isEmpty() && targetRules.isEmpty() && absent(dnsNode)) {
      problems.add("cutover: the cutover switches nothing: add at least one of cutover.sourceRules, "
          + "cutover.targetRules or cutover.dns");
    }
    List<SmokeTest> smokeTests = new ArrayList<>();
    List<JsonNode> smokeTestNodes = yaml.list(node, "cutover", "smokeTests");
    for (int i = 0; i < smokeTestNodes.size(); i++) {
      smokeTests.add(smokeTest(smokeTestNodes.get(i), "cutover.smokeTests[" + i + "]"));
    }
    cutover.put("smokeTests", readItems(smokeTests));
    int before = problems.size();
    AlarmSelector alarms = cutover.put("alarms", alarms(node.get("alarms")));
    boolean alarmsRead = problems.size() == before;
    rules.checkTopicArn("cutover.notifyTopicArn", cutover.read("notifyTopicArn"));
    rules.checkName("cutover.syncSchedule", cutover.read("syncSchedule"));
    cutover.read("drainTimeout");
    MonitorConfig monitor = cutover.put("monitor", monitor(node.get("monitor"), monitorFor));
    if (alarmsRead && (alarms == null || alarms.selectsNothing()) && (monitor == null || (!monitor.checksData() && !monitor.none()))) {
      problems.add("cutover.monitor: the cutover watches nothing after the switch: name target alarms "
          + "(cutover.alarms), turn on a data check (cutover.monitor: { newObjects: true, invocations: true }), "
          + "or say so on purpose with cutover.monitor: { none: true }");
    }
    return cutover.build();
  }

  /** {@code cutover.monitor}, or null when absent or not a mapping. */
  private MonitorConfig monitor(JsonNode node, Duration monitorFor) {
    String path = "cutover.monitor";
    if (absent(node) || !yaml.mapping(node, path, MonitorConfig.class)) {
      return null;
    }
    Section<MonitorConfig> monitor = yaml.section(MonitorConfig.class, node, path);
    boolean newObjects = monitor.read("newObjects");
    boolean invocations = monitor.read("invocations");
    monitor.read("maxErrors");
    Duration within = monitor.put("within", absent(node.get("within")) ? null
        : yaml.duration(node, path, "within", monitorFor, DurationLimits.DRAIN_TIMEOUT, "PT30M"));
    List<String> functions = monitor.read("functions");
    boolean none = monitor.read("none");
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
    return monitor.build();
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
    if (!yaml.mapping(node, "approvals", ApprovalsConfig.class)) {
      return null;
    }
    Section<ApprovalsConfig> approvals = yaml.section(ApprovalsConfig.class, node, "approvals");
    List<String> approvers = approvals.put("approvers", approvers(node));
    int required = approvals.read("required");
    if (!approvers.isEmpty() && required > approvers.size()) {
      problems.add("approvals.required: " + required + " approvals are required but approvals.approvers lists "
          + approvers.size() + ": no gate could open (lower required to at most " + approvers.size()
          + ", or list more approvers)");
    }
    approvals.read("fourEyes");
    approvals.read("signOff");
    approvals.read("timeout");
    String identity = approvals.put("identity", yaml.oneOf(node, "approvals", "identity", IDENTITIES,
        approvers.isEmpty() ? ApprovalsConfig.DECLARED : ApprovalsConfig.AWS_IAM));
    if (ApprovalsConfig.AWS_IAM.equals(identity)) {
      checkArns(approvers);
    }
    return withCutover ? approvals.build() : null;
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
    if (!yaml.mapping(node, path, DnsConfig.class)) {
      return null;
    }
    Section<DnsConfig> dns = yaml.section(DnsConfig.class, node, path);
    dns.put("hostedZoneId", rules.hostedZoneId(path + ".hostedZoneId", yaml.text(node, path, "hostedZoneId", true)));
    dns.put("name", yaml.text(node, path, "name", true));
    // an alias (to an API Gateway or load balancer) is an A record unless the type says AAAA
    String type = dns.put("type", yaml.oneOf(node, path, "type", DNS_TYPES, absent(node.get("alias")) ? "CNAME" : "A"));
    JsonNode aliasNode = node.get("alias");
    dns.put("alias", absent(aliasNode) ? null : alias(aliasNode, type));
    String value = dns.put("value", yaml.text(node, path, "value", absent(aliasNode)));
    if (value != null && !absent(aliasNode)) {
      problems.add(path + ": both value and alias are set: the record becomes one of them (remove value to "
          + "switch to the alias target, or alias to switch to the value)");
    }
    dns.put("ttl", (long) yaml.number(node, path, "ttl", (int) DnsConfig.DEFAULT_TTL, 0, Integer.MAX_VALUE));
    String account = yaml.oneOf(node, path, "account", DNS_ACCOUNTS, null);
    dns.put("account", account == null ? null : Side.valueOf(account.toUpperCase(Locale.ROOT)));
    dns.read("ttlLead");
    return dns.build();
  }

  private DnsAlias alias(JsonNode node, String type) {
    String path = "cutover.dns.alias";
    if (!yaml.mapping(node, path, DnsAlias.class)) {
      return null;
    }
    Section<DnsAlias> alias = yaml.section(DnsAlias.class, node, path);
    if (type != null && !DNS_ALIAS_TYPES.contains(type)) {
      problems.add("cutover.dns.type: " + type + " cannot be an alias of an API Gateway or load balancer: set "
          + "cutover.dns.type to one of " + DNS_ALIAS_TYPES + " with cutover.dns.alias");
    }
    alias.put("hostedZoneId", rules.hostedZoneId(path + ".hostedZoneId", yaml.text(node, path, "hostedZoneId", true)));
    alias.put("dnsName", yaml.text(node, path, "dnsName", true));
    return alias.build();
  }

  private SmokeTest smokeTest(JsonNode node, String path) {
    if (!yaml.mapping(node, path, SmokeTest.class)) {
      return null;
    }
    Section<SmokeTest> smokeTest = yaml.section(SmokeTest.class, node, path);
    smokeTest.put("function", yaml.text(node, path, "function", true));
    JsonNode payload = node.get("payload");
    // JsonNode.toString() is Jackson's compact JSON serialization of any YAML value.
    smokeTest.put("payload", absent(payload) ? DEFAULT_PAYLOAD : payload.toString());
    return smokeTest.build();
  }

  private AlarmSelector alarms(JsonNode node) {
    String path = "cutover.alarms";
    if (absent(node) || !yaml.mapping(node, path, AlarmSelector.class)) {
      return null;
    }
    return yaml.section(AlarmSelector.class, node, path).build();
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
