package com.avesa.cutover.workflows.config;

import com.avesa.cutover.runtime.config.ConfigLoader;

import static com.avesa.cutover.workflows.config.ConfigLoaderTest.VALID;
import static com.avesa.cutover.workflows.config.ConfigLoaderTest.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.avesa.cutover.workflows.Deadlines;
import com.avesa.cutover.workflows.estate.Side;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CutoverConfigTest {
  static final String FULL = VALID + """
      cutover:
        window: PT4H
        monitorFor: PT2H
        checkEvery: PT5M
        rollbackBudget: PT30M
        sourceRules: [ConnectWiseIngestionSchedule, CanonicalTransformTicketsSchedule]
        targetRules: [ConnectWiseIngestionSchedule, CanonicalTransformTicketsSchedule]
        dns: { hostedZoneId: Z123, name: api.example.com, type: CNAME, value: api-prod.example.com, ttl: 60, account: source }
        smokeTests: [ { function: avesa-connectwise-ingestion-prod, payload: {"test": true} } ]
        alarms: { names: [], namePrefix: LambdaErrorAlarm- }
        notifyTopicArn: arn:aws:sns:us-east-1:987654321098:avesa-alerts
        syncSchedule: avesa-prod-hourly
      approvals: { approvers: [alice, bob], required: 1, fourEyes: true, signOff: false, timeout: P7D, identity: declared }
      """;
  static final List<String> RULES = List.of("ConnectWiseIngestionSchedule", "CanonicalTransformTicketsSchedule");

  @Test
  void readsTheFullExampleIntoTheRecords() throws ConfigException {
    MigrationConfig config = ConfigLoader.parse(FULL, "avesa.yaml");

    assertThat(config.cutover()).isEqualTo(new CutoverConfig(Duration.ofHours(4), Duration.ofHours(2),
        Duration.ofMinutes(5), Duration.ofMinutes(30), RULES, RULES,
        new DnsConfig("Z123", "api.example.com", "CNAME", "api-prod.example.com", 60, Side.SOURCE),
        List.of(new SmokeTest("avesa-connectwise-ingestion-prod", "{\"test\":true}")),
        new AlarmSelector(List.of(), "LambdaErrorAlarm-"),
        "arn:aws:sns:us-east-1:987654321098:avesa-alerts", "avesa-prod-hourly"));
    assertThat(config.approvals())
        .isEqualTo(new ApprovalsConfig(List.of("alice", "bob"), 1, true, false, Duration.ofDays(7),
            ApprovalsConfig.DECLARED));
    assertThat(config.data().tables()).hasSize(2);
  }

  @Test
  void fillsTheDefaultsOfEveryAbsentKey() throws ConfigException {
    MigrationConfig config = ConfigLoader.parse(cutover("sourceRules: [ConnectWiseIngestionSchedule]"), "f");

    assertThat(config.cutover()).isEqualTo(new CutoverConfig(CutoverConfig.DEFAULT_WINDOW,
        CutoverConfig.DEFAULT_MONITOR_FOR, CutoverConfig.DEFAULT_CHECK_EVERY, CutoverConfig.DEFAULT_ROLLBACK_BUDGET,
        List.of("ConnectWiseIngestionSchedule"), List.of(), null, List.of(), new AlarmSelector(List.of(), null), null)
        .withMonitor(new MonitorConfig(false, false, 0, null, List.of(), true)));
    assertThat(config.cutover().window()).isEqualTo(Duration.ofHours(4));
    assertThat(config.cutover().drainTimeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(config.approvals()).isEqualTo(ApprovalsConfig.defaults().withIdentity(ApprovalsConfig.DECLARED));
  }

  @Test
  void readsTheDnsDefaultsAndNormalizesItsValues() throws ConfigException {
    MigrationConfig config = ConfigLoader.parse(cutover(
        "dns: { hostedZoneId: /hostedzone/Z0815ABC, name: \" api.example.com \", value: \" 10.0.0.1 \", type: a }"), "f");

    assertThat(config.cutover().dns())
        .isEqualTo(new DnsConfig("Z0815ABC", "api.example.com", "A", "10.0.0.1", DnsConfig.DEFAULT_TTL, null));
    assertThat(ConfigLoader.parse(FULL.replace("account: source", "account: Target"), "f").cutover().dns().account())
        .isEqualTo(Side.TARGET);
    assertThat(ConfigLoader.parse(FULL.replace("ttl: 60", "ttl: 0"), "f").cutover().dns().ttl()).isZero();
  }

  @Test
  void serializesAnyPayloadToCompactJsonAndDefaultsToTheRunbooksTest() throws ConfigException {
    MigrationConfig config = ConfigLoader.parse(cutover("sourceRules: [r]", "smokeTests:",
        "  - { function: avesa-connectwise-ingestion-prod }",
        "  - { function: \"arn:aws:lambda:us-east-1:987654321098:function:f\", payload: [1, \"two\", {three: 3.5}] }",
        "  - { function: g, payload: \"ping\" }",
        "  - function: h",
        "    payload:",
        "      tenant: { id: t1, dryRun: false }"), "f");

    assertThat(config.cutover().smokeTests()).containsExactly(
        new SmokeTest("avesa-connectwise-ingestion-prod", "{\"test\":true}"),
        new SmokeTest("arn:aws:lambda:us-east-1:987654321098:function:f", "[1,\"two\",{\"three\":3.5}]"),
        new SmokeTest("g", "\"ping\""),
        new SmokeTest("h", "{\"tenant\":{\"id\":\"t1\",\"dryRun\":false}}"));
  }

  @Test
  void leavesCutoverAndApprovalsOutOfADataOnlyConfig() throws ConfigException {
    MigrationConfig config = ConfigLoader.parse(VALID, "f");

    assertThat(config.cutover()).isNull();
    assertThat(config.approvals()).isNull();
  }

  @Test
  void namesTheUnknownKeyAndTheKnownOnesInEverySection() {
    assertThat(problems(FULL.replace("window:", "windw:"))).contains("cutover.windw: unknown key (known: window, "
        + "monitorFor, checkEvery, rollbackBudget, sourceRules, targetRules, dns, smokeTests, alarms, notifyTopicArn, syncSchedule, drainTimeout, monitor)");
    assertThat(problems(FULL.replace("ttl: 60", "TTL: 60")))
        .contains("cutover.dns.TTL: unknown key (known: hostedZoneId, name, type, value, ttl, account, ttlLead, "
            + "alias)");
    assertThat(problems(FULL.replace("payload:", "body:")))
        .contains("cutover.smokeTests[0].body: unknown key (known: function, payload)");
    assertThat(problems(FULL.replace("namePrefix:", "prefix:")))
        .contains("cutover.alarms.prefix: unknown key (known: names, namePrefix)");
    assertThat(problems(FULL.replace("signOff:", "signoff:")))
        .contains("approvals.signoff: unknown key (known: approvers, required, fourEyes, signOff, timeout, identity)");
    assertThat(problems(FULL.replace("approvals: {", "approval: {")))
        .contains("approval: unknown key (known: name, region, endpoint, source, target, data, cutover, approvals, account, role, security, infrastructure, tenants, decommission, validation)");
  }

  @Test
  void refusesADurationThatIsNotIso8601() {
    assertThat(problems(FULL.replace("window: PT4H", "window: four hours")))
        .containsExactly("cutover.window: 'four hours' is not an ISO-8601 duration (e.g. PT4H)");
    assertThat(problems(FULL.replace("checkEvery: PT5M", "checkEvery: 5")))
        .containsExactly("cutover.checkEvery: must be an ISO-8601 duration (e.g. PT5M), got a number");
    assertThat(problems(FULL.replace("timeout: P7D", "timeout: 7 days")))
        .containsExactly("approvals.timeout: '7 days' is not an ISO-8601 duration (e.g. P7D)");
  }

  @Test
  void refusesEveryDurationLongerThanItsLimitInOneLineEachAndDoesNotOverflow() {
    assertTooLong("monitorFor: PT2H", "cutover.monitorFor", "P100000D", "P31D", "PT2H");
    // Beyond what a Duration holds, and the longest Duration (plus the budget, it overflowed the
    // window check): still one line each, not an exception.
    assertTooLong("monitorFor: PT2H", "cutover.monitorFor", "PT9999999999999999999H", "P31D", "PT2H");
    assertTooLong("monitorFor: PT2H", "cutover.monitorFor", "PT" + Long.MAX_VALUE + "S", "P31D", "PT2H");
    assertTooLong("window: PT4H", "cutover.window", "P32D", "P31D", "PT4H");
    assertTooLong("checkEvery: PT5M", "cutover.checkEvery", "PT25H", "P1D", "PT5M");
    assertTooLong("rollbackBudget: PT30M", "cutover.rollbackBudget", "P1000D", "P31D", "PT30M");
    assertTooLong("timeout: P7D", "approvals.timeout", "P401D", "P400D", "P7D");
  }

  /** FULL with {@code line} set to {@code value} has exactly one problem: longer than {@code limit}. */
  private static void assertTooLong(String line, String field, String value, String limit, String example) {
    String key = line.substring(0, line.indexOf(':'));
    assertThat(problems(FULL.replace(line, key + ": " + value))).containsExactly(
        field + ": '" + value + "' is longer than " + limit + ", the longest allowed (e.g. " + example + ")");
  }

  @Test
  void acceptsEachDurationAtItsLimit() throws ConfigException {
    MigrationConfig config = ConfigLoader.parse(FULL.replace("window: PT4H", "window: P31D")
        .replace("monitorFor: PT2H", "monitorFor: P10D").replace("checkEvery: PT5M", "checkEvery: P1D")
        .replace("timeout: P7D", "timeout: P400D"), "f");

    assertThat(config.cutover().window()).isEqualTo(DurationLimits.WINDOW);
    assertThat(config.cutover().checkEvery()).isEqualTo(DurationLimits.CHECK_EVERY);
    assertThat(config.approvals().timeout()).isEqualTo(DurationLimits.APPROVALS_TIMEOUT);
  }

  @Test
  void aRunStartedWithoutTheLoaderHasItsDurationsCappedWhereArithmeticStaysSafe() {
    CutoverConfig huge = new CutoverConfig(Duration.ofSeconds(Long.MAX_VALUE), Duration.ofSeconds(Long.MAX_VALUE),
        Duration.ofDays(2), Duration.ofSeconds(Long.MAX_VALUE), RULES, RULES, null, List.of(), null, null);

    assertThat(List.of(huge.window(), huge.monitorFor(), huge.rollbackBudget()))
        .containsOnly(Deadlines.LONGEST);
    assertThat(huge.checkEvery()).isEqualTo(Duration.ofDays(2));
    assertThat(new ApprovalsConfig(List.of(), 1, true, false, Duration.ofSeconds(Long.MAX_VALUE)).timeout())
        .isEqualTo(Deadlines.LONGEST);
  }

  @Test
  void refusesADurationThatIsNotPositive() {
    assertThat(problems(FULL.replace("rollbackBudget: PT30M", "rollbackBudget: PT0S")))
        .containsExactly("cutover.rollbackBudget: 'PT0S' must be longer than zero (e.g. PT30M)");
    assertThat(problems(FULL.replace("monitorFor: PT2H", "monitorFor: -PT2H")))
        .containsExactly("cutover.monitorFor: '-PT2H' must be longer than zero (e.g. PT2H)");
  }

  @Test
  void acceptsDurationsInDays() throws ConfigException {
    MigrationConfig config = ConfigLoader.parse(FULL.replace("window: PT4H", "window: P1D")
        .replace("timeout: P7D", "timeout: P2DT12H"), "f");

    assertThat(config.cutover().window()).isEqualTo(Duration.ofDays(1));
    assertThat(config.approvals().timeout()).isEqualTo(Duration.ofHours(60));
  }

  @Test
  void refusesCheckingTheAlarmsLessOftenThanTheMonitoringLasts() {
    assertThat(problems(FULL.replace("checkEvery: PT5M", "checkEvery: PT3H"))).containsExactly(
        "cutover.checkEvery: PT3H is longer than cutover.monitorFor PT2H: the alarms must be read at least once "
            + "while monitoring (make checkEvery at most PT2H, or monitorFor longer)");
  }

  @Test
  void refusesAWindowThatCannotHoldTheMonitoringAndARollback() {
    String expected = "cutover.window: PT2H30M is not longer than cutover.monitorFor + cutover.rollbackBudget "
        + "(PT2H + PT30M = PT2H30M): no time is left for the switch itself (make the window longer than PT2H30M, "
        + "or shorten monitorFor or rollbackBudget)";

    assertThat(problems(FULL.replace("window: PT4H", "window: PT2H30M"))).containsExactly(expected);
    assertThat(problems(FULL.replace("window: PT4H", "window: PT1H")))
        .singleElement().asString().startsWith("cutover.window: PT1H is not longer than");
  }

  @Test
  void refusesARuleNameEventBridgeWouldRefuse() {
    assertThat(problems(FULL.replace("sourceRules: [ConnectWiseIngestionSchedule,", "sourceRules: [\"ConnectWise schedule\",")))
        .containsExactly("cutover.sourceRules[0]: 'ConnectWise schedule' is not an EventBridge rule name "
            + "(1-64 characters: letters, digits, '.', '-' and '_')");
    assertThat(problems(FULL.replace("targetRules: [ConnectWiseIngestionSchedule,", "targetRules: [" + "r".repeat(65) + ",")))
        .singleElement().asString().startsWith("cutover.targetRules[0]: 'rrr");
  }

  @Test
  void acceptsEmptyRuleListsWhenTheCutoverSwitchesDns() throws ConfigException {
    MigrationConfig config = ConfigLoader.parse(cutover("sourceRules: []", "targetRules: []",
        "dns: { hostedZoneId: Z123, name: api.example.com, value: api-prod.example.com }"), "f");

    assertThat(config.cutover().sourceRules()).isEmpty();
    assertThat(config.cutover().dns().hostedZoneId()).isEqualTo("Z123");
  }

  @Test
  void refusesACutoverThatSwitchesNothing() {
    assertThat(problems(cutover("sourceRules: []", "window: PT5H"))).containsExactly("cutover: the cutover switches "
        + "nothing: add at least one of cutover.sourceRules, cutover.targetRules or cutover.dns");
  }

  @Test
  void requiresTheDnsZoneNameAndValue() {
    assertThat(problems(cutover("dns: { type: CNAME }"))).containsExactly(
        "cutover.dns.hostedZoneId: required", "cutover.dns.name: required", "cutover.dns.value: required");
  }

  @Test
  void refusesAHostedZoneIdThatRoute53WouldNotGive() {
    assertThat(problems(FULL.replace("hostedZoneId: Z123", "hostedZoneId: hostedzone/Z123"))).containsExactly(
        "cutover.dns.hostedZoneId: 'hostedzone/Z123' is not a Route53 hosted zone id "
            + "(uppercase letters and digits, e.g. Z123 or /hostedzone/Z123)");
  }

  @Test
  void refusesADnsRecordTypeOtherThanAAaaaCnameOrTxt() {
    assertThat(problems(FULL.replace("type: CNAME", "type: MX")))
        .containsExactly("cutover.dns.type: 'MX' is not one of A, AAAA, CNAME or TXT");
  }

  @Test
  void checksTheRangeOfTheDnsTtl() {
    assertThat(problems(FULL.replace("ttl: 60", "ttl: -1")))
        .containsExactly("cutover.dns.ttl: -1 is out of range: use 0 to 2147483647 (default 60)");
    assertThat(problems(FULL.replace("ttl: 60", "ttl: 2147483648")))
        .containsExactly("cutover.dns.ttl: must be a whole number from 0 to 2147483647, got a number");
  }

  @Test
  void refusesADnsAccountOtherThanSourceOrTarget() {
    assertThat(problems(FULL.replace("account: source", "account: both")))
        .containsExactly("cutover.dns.account: 'both' is not one of source or target");
  }

  @Test
  void readsTheTtlLeadAndAnAliasTargetThatIsAnARecordByDefault() throws ConfigException {
    MigrationConfig config = ConfigLoader.parse(cutover("dns:", "  hostedZoneId: Z123", "  name: api.example.com",
        "  ttl: 30", "  ttlLead: PT2H",
        "  alias: { hostedZoneId: Z35SXDOTRQ7X7K, dnsName: dualstack.avesa-alb.us-east-1.elb.amazonaws.com, "
            + "evaluateTargetHealth: true }"), "f");

    assertThat(config.cutover().dns()).isEqualTo(new DnsConfig("Z123", "api.example.com", "A", null, 30, null,
        Duration.ofHours(2), new DnsAlias("Z35SXDOTRQ7X7K", "dualstack.avesa-alb.us-east-1.elb.amazonaws.com", true)));
    assertThat(ConfigLoader.parse(FULL, "f").cutover().dns().ttlLead()).isNull();
  }

  @Test
  void refusesAnAliasWithAValueAnAliasOfACnameAndAnAliasWithoutItsTarget() {
    assertThat(problems(FULL.replace("ttl: 60,", "ttl: 60, alias: { hostedZoneId: Z2, dnsName: x.elb.amazonaws.com },"))).containsExactly(
        "cutover.dns.type: CNAME cannot be an alias of an API Gateway or load balancer: set cutover.dns.type to one "
            + "of [A, AAAA] with cutover.dns.alias",
        "cutover.dns: both value and alias are set: the record becomes one of them (remove value to switch to the "
            + "alias target, or alias to switch to the value)");
    assertThat(problems(cutover("dns: { hostedZoneId: Z123, name: api.example.com, alias: { evaluateTargetHealth: "
        + "maybe, region: eu } }"))).containsExactly(
        "cutover.dns.alias.region: unknown key (known: hostedZoneId, dnsName, evaluateTargetHealth)",
        "cutover.dns.alias.hostedZoneId: required", "cutover.dns.alias.dnsName: required",
        "cutover.dns.alias.evaluateTargetHealth: must be true or false (without quotes), got a string 'maybe'");
  }

  @Test
  void checksTheTtlLeadLikeEveryDuration() {
    assertThat(problems(FULL.replace("ttl: 60,", "ttl: 60, ttlLead: 3600,")))
        .containsExactly("cutover.dns.ttlLead: must be an ISO-8601 duration (e.g. PT1H), got a number");
    assertThat(problems(FULL.replace("ttl: 60,", "ttl: 60, ttlLead: P32D,")))
        .containsExactly("cutover.dns.ttlLead: 'P32D' is longer than P31D, the longest allowed (e.g. PT1H)");
  }

  @Test
  void requiresTheFunctionOfEverySmokeTest() {
    assertThat(problems(FULL.replace("function: avesa-connectwise-ingestion-prod,", "function: \" \",")))
        .containsExactly("cutover.smokeTests[0].function: required");
    assertThat(problems(FULL.replace("smokeTests: [ {", "smokeTests: [ avesa-ingestion, {")))
        .containsExactly("cutover.smokeTests[0]: must be a mapping with keys function, payload, got a string");
  }

  @Test
  void readsAlarmNamesAndRefusesOtherTypes() throws ConfigException {
    MigrationConfig config = ConfigLoader.parse(FULL.replace("names: []", "names: [HighErrorRate]"), "f");
    assertThat(config.cutover().alarms()).isEqualTo(new AlarmSelector(List.of("HighErrorRate"), "LambdaErrorAlarm-"));

    assertThat(problems(FULL.replace("names: []", "names: HighErrorRate")))
        .containsExactly("cutover.alarms.names: must be a list, got a string");
    assertThat(problems(FULL.replace("namePrefix: LambdaErrorAlarm-", "namePrefix: [a]")))
        .containsExactly("cutover.alarms.namePrefix: must be a string, got a list");
  }

  @Test
  void refusesASyncScheduleThatCannotBeAnId() {
    assertThat(problems(FULL.replace("syncSchedule: avesa-prod-hourly", "syncSchedule: \"hourly sync\"")))
        .singleElement().asString().startsWith("cutover.syncSchedule: 'hourly sync' cannot be used in workflow ids");
  }

  @Test
  void refusesANotifyTopicThatIsNotAnSnsTopicArn() {
    assertThat(problems(FULL.replace("arn:aws:sns:us-east-1:987654321098:avesa-alerts", "avesa-alerts")))
        .containsExactly("cutover.notifyTopicArn: 'avesa-alerts' is not an SNS topic ARN "
            + "(arn:aws:sns:<region>:<12 digits>:<name>)");
    assertThat(problems(FULL.replace("987654321098:avesa-alerts", "98765:avesa-alerts")))
        .singleElement().asString().startsWith("cutover.notifyTopicArn: 'arn:aws:sns:us-east-1:98765:avesa-alerts'");
  }

  @Test
  void reportsSeveralProblemsAllAtOnce() {
    String yaml = FULL.replace("window: PT4H", "window: four hours")
        .replace("type: CNAME", "type: MX")
        .replace("function: avesa-connectwise-ingestion-prod,", "")
        .replace("required: 1", "required: 3")
        .replace("fourEyes: true", "fourEyes: \"yes\"");

    assertThat(problems(yaml)).containsExactly(
        "cutover.window: 'four hours' is not an ISO-8601 duration (e.g. PT4H)",
        "cutover.dns.type: 'MX' is not one of A, AAAA, CNAME or TXT",
        "cutover.smokeTests[0].function: required",
        "approvals.required: 3 approvals are required but approvals.approvers lists 2: no gate could open "
            + "(lower required to at most 2, or list more approvers)",
        "approvals.fourEyes: must be true or false (without quotes), got a string 'yes'");
  }

  @Test
  void listsTheCutoverProblemsInTheMessageOfTheConfigException() {
    String yaml = FULL.replace("name: avesa-prod", "name: \"a b\"").replace("type: CNAME", "type: MX");

    assertThatThrownBy(() -> ConfigLoader.parse(yaml, "prod.yaml"))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> {
          ConfigException ce = (ConfigException) e;
          assertThat(ce.problems()).hasSize(2);
          assertThat(ce.getMessage().lines().toList()).hasSize(2)
              .allMatch(l -> l.startsWith("prod.yaml: "))
              .contains("prod.yaml: cutover.dns.type: 'MX' is not one of A, AAAA, CNAME or TXT");
        });
  }

  @Test
  void readsTheCutoverOfTheAwsExample() throws ConfigException {
    MigrationConfig config = ConfigLoader.load(Path.of("..", "examples", "aws.yaml"));

    assertThat(config.cutover().sourceRules()).isEqualTo(RULES);
    assertThat(config.cutover().dns().account()).isEqualTo(Side.SOURCE);
    assertThat(config.cutover().smokeTests()).extracting(SmokeTest::payload).containsOnly("{\"test\":true}");
    assertThat(config.approvals().approvers()).containsExactly("arn:aws:iam::123456789012:user/alice",
        "arn:aws:sts::123456789012:assumed-role/CabApprover/*");
    assertThat(config.approvals().identity()).isEqualTo(ApprovalsConfig.AWS_IAM);
    assertThat(config.cutover().monitor())
        .isEqualTo(new MonitorConfig(true, true, 0, Duration.ofMinutes(30), List.of(), false));
    assertThat(config.cutover().drainTimeout()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void readsTheDrainTimeoutAndTheDataFlowChecks() throws ConfigException {
    MigrationConfig config = ConfigLoader.parse(cutover("sourceRules: [r]", "drainTimeout: PT3M",
        "monitor: { newObjects: true, invocations: true, maxErrors: 2, within: PT30M, functions: [f1] }"), "f");

    assertThat(config.cutover().drainTimeout()).isEqualTo(Duration.ofMinutes(3));
    assertThat(config.cutover().monitor())
        .isEqualTo(new MonitorConfig(true, true, 2, Duration.ofMinutes(30), List.of("f1"), false));
    assertThat(config.cutover().monitorsDataFlow()).isTrue();
  }

  @Test
  void refusesACutoverThatWatchesNothingAfterTheSwitchUnlessNoneSaysSo() throws ConfigException {
    String nothing = VALID + "cutover:\n  sourceRules: [r]\n";

    assertThat(problems(nothing)).containsExactly("cutover.monitor: the cutover watches nothing after the switch: "
        + "name target alarms (cutover.alarms), turn on a data check (cutover.monitor: { newObjects: true, "
        + "invocations: true }), or say so on purpose with cutover.monitor: { none: true }");
    assertThat(problems(nothing + "  monitor: { newObjects: false }")).hasSize(1);
    assertThat(problems(nothing + "  alarms: { names: [] }")).hasSize(1);
    assertThat(ConfigLoader.parse(nothing + "  monitor: { none: true }", "f").cutover().monitorsDataFlow()).isFalse();
    assertThat(ConfigLoader.parse(nothing + "  monitor: { newObjects: true }", "f").cutover().monitor().newObjects())
        .isTrue();
    assertThat(ConfigLoader.parse(nothing + "  alarms: { namePrefix: LambdaErrorAlarm- }", "f").cutover().monitor())
        .isNull();
  }

  @Test
  void refusesContradictoryDataFlowChecksAllAtOnce() {
    assertThat(problems(cutover("sourceRules: [r]",
        "monitor: { none: true, newObjects: true, within: PT3H, maxErrors: 1, colour: red }",
        "drainTimeout: P40D"))).containsExactlyInAnyOrder(
        "cutover.monitor.colour: unknown key (known: newObjects, invocations, maxErrors, within, functions, none)",
        "cutover.drainTimeout: 'P40D' is longer than P31D, the longest allowed (e.g. PT10M)",
        "cutover.monitor.none: true says monitoring checks no data, but newObjects is on (remove none, or turn the "
            + "data checks off)",
        "cutover.monitor.within: PT3H is longer than cutover.monitorFor PT2H: missing data would never be noticed "
            + "(make within at most PT2H)",
        "cutover.monitor: maxErrors and functions apply to invocations (add invocations: true, or remove them)");
  }

  /**
   * The data-only {@code VALID} config with a {@code cutover:} section of these lines; one that names
   * neither alarms nor monitor says {@code monitor: { none: true }}.
   */
  private static String cutover(String... lines) {
    StringBuilder yaml = new StringBuilder(VALID).append("cutover:\n");
    boolean watches = false;
    for (String line : lines) {
      yaml.append("  ").append(line).append('\n');
      watches |= line.startsWith("alarms") || line.startsWith("monitor");
    }
    return watches ? yaml.toString() : yaml.append("  monitor: { none: true }\n").toString();
  }
}
