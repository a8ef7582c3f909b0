package com.avesa.cutover.activities.demo;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.workflows.config.AlarmSelector;
import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.config.CutoverConfig;
import com.avesa.cutover.workflows.config.DnsConfig;
import com.avesa.cutover.workflows.config.MonitorConfig;
import com.avesa.cutover.workflows.config.SmokeTest;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;

/**
 * What the demo's cutover switches, tests and watches: the ingestion schedules (ENABLED in the
 * source, DISABLED in the target), the {@code api} CNAME in the source's hosted zone, the target's
 * ingestion function with its error alarm, and the target's alert topic. Seeding is idempotent:
 * it puts everything back to this starting state.
 */
public final class DemoCutover {
  public static final List<String> RULES = List.of("ConnectWiseIngestionSchedule", "CanonicalTransformTicketsSchedule");
  public static final String ZONE_NAME = "example.com";
  public static final String RECORD_NAME = "api." + ZONE_NAME;
  /** Where {@link #RECORD_NAME} points before the cutover. */
  public static final String SHARED_VALUE = "api-shared." + ZONE_NAME;
  /** Where the cutover points it. */
  public static final String PROD_VALUE = "api-prod." + ZONE_NAME;
  /**
   * Short, so that a demo (or test) cutover does not wait minutes for resolvers: a switch waits out
   * the record's old TTL once it lowered it, and at {@code dns.ttl} 60 there is nothing to lower.
   */
  public static final long RECORD_TTL = 20;
  public static final String FUNCTION = "avesa-connectwise-ingestion-prod";
  public static final String ALARM_PREFIX = "LambdaErrorAlarm-";
  public static final String ALARM = ALARM_PREFIX + FUNCTION;
  public static final String TOPIC = "avesa-cutover-alerts";
  /** Who opens the demo's gates: alice or bob, one of them, never whoever started the run. */
  // Typed names: the emulator checks no signature, so the demo does not pretend to authenticate.
  public static final ApprovalsConfig APPROVALS = new ApprovalsConfig(List.of("alice", "bob"), 1, true, false, null,
      ApprovalsConfig.DECLARED);
  static final String LAMBDA_ROLE = "avesa-lambda-execution";

  private static final String HANDLER = "def handler(event, context):\n    return {\"ok\": True, \"event\": event}\n";

  private DemoCutover() {}

  /** Seeds both accounts and tells moto's Lambda to echo payloads; returns a summary fragment. */
  static String seed(AwsClients clients, Estate estate) {
    putRules(clients, estate, Side.SOURCE, RuleState.ENABLED);
    putRules(clients, estate, Side.TARGET, RuleState.DISABLED);
    String zoneId = ensureZone(clients.route53(estate, Side.SOURCE));
    clients.route53(estate, Side.SOURCE).changeResourceRecordSets(b -> b.hostedZoneId(zoneId).changeBatch(c -> c
        .changes(ch -> ch.action(ChangeAction.UPSERT).resourceRecordSet(r -> r.name(RECORD_NAME).type(RRType.CNAME)
            .ttl(RECORD_TTL).resourceRecords(v -> v.value(SHARED_VALUE))))));
    // first: moto keeps the functions of each Lambda mode apart, and only the echo mode answers without Docker
    echoLambdaPayloads(estate.endpoint());
    ensureFunction(clients, estate);
    String topicArn = clients.sns(estate, Side.TARGET).createTopic(b -> b.name(TOPIC)).topicArn();
    var cloudWatch = clients.cloudWatch(estate, Side.TARGET);
    cloudWatch.putMetricAlarm(b -> b.alarmName(ALARM).namespace("AWS/Lambda").metricName("Errors")
        .dimensions(d -> d.name("FunctionName").value(FUNCTION)).statistic(Statistic.SUM).period(60)
        .evaluationPeriods(1).threshold(1.0).comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
        .treatMissingData("notBreaching").alarmActions(topicArn));
    cloudWatch.setAlarmState(b -> b.alarmName(ALARM).stateValue(StateValue.OK).stateReason("seeded by avesa demo"));
    return "cutover: " + RULES.size() + " rules per account, zone " + ZONE_NAME + " (" + zoneId + ") with "
        + RECORD_NAME + ", function " + FUNCTION + ", alarm " + ALARM;
  }

  /** The {@code cutover:} section that matches the seeded estate; moto must have been seeded (the zone id is its). */
  static CutoverConfig config(AwsClients clients, Estate estate) {
    String zoneId = findZone(clients.route53(estate, Side.SOURCE));
    if (zoneId == null) {
      throw new IllegalStateException("no hosted zone " + ZONE_NAME + " at " + estate.endpoint() + ": seed the demo first");
    }
    // dns.account null: the preflight finds the zone in the source
    return new CutoverConfig(null, Duration.ofMinutes(2), Duration.ofSeconds(20), null, RULES, RULES,
        new DnsConfig(zoneId, RECORD_NAME, "CNAME", PROD_VALUE, DnsConfig.DEFAULT_TTL, null),
        List.of(new SmokeTest(FUNCTION, "{\"test\":true}")), new AlarmSelector(List.of(), ALARM_PREFIX),
        topicArn(estate.region()));
  }

  /** {@code cutover} and {@code approvals} as the config file's {@code cutover:} and {@code approvals:} sections. */
  static String yaml(CutoverConfig cutover, ApprovalsConfig approvals) {
    List<String> lines = new ArrayList<>(List.of(
        "cutover:",
        "  window: " + cutover.window(),
        "  monitorFor: " + cutover.monitorFor(),
        "  checkEvery: " + cutover.checkEvery(),
        "  rollbackBudget: " + cutover.rollbackBudget(),
        "  sourceRules: " + flow(cutover.sourceRules()),
        "  targetRules: " + flow(cutover.targetRules())));
    DnsConfig dns = cutover.dns();
    if (dns != null) {
      lines.add("  dns: { hostedZoneId: " + dns.hostedZoneId() + ", name: " + dns.name() + ", type: " + dns.type()
          + (dns.value() == null ? "" : ", value: " + dns.value()) + ", ttl: " + dns.ttl()
          + (dns.account() == null ? "" : ", account: " + dns.account().name().toLowerCase(Locale.ROOT))
          + (dns.ttlLead() == null ? "" : ", ttlLead: " + dns.ttlLead())
          + (dns.alias() == null ? "" : ", alias: { hostedZoneId: " + dns.alias().hostedZoneId() + ", dnsName: "
              + dns.alias().dnsName() + ", evaluateTargetHealth: " + dns.alias().evaluateTargetHealth() + " }")
          + " }");
    }
    lines.add("  smokeTests:" + (cutover.smokeTests().isEmpty() ? " []" : ""));
    // the payload is JSON text, which YAML reads as the same value
    cutover.smokeTests().forEach(test ->
        lines.add("    - { function: " + test.function() + ", payload: " + test.payload() + " }"));
    String prefix = cutover.alarms().namePrefix();
    lines.add("  alarms: { names: " + flow(cutover.alarms().names())
        + (prefix == null ? "" : ", namePrefix: " + prefix) + " }");
    if (cutover.notifyTopicArn() != null) {
      lines.add("  notifyTopicArn: " + cutover.notifyTopicArn());
    }
    if (!CutoverConfig.DEFAULT_DRAIN_TIMEOUT.equals(cutover.drainTimeout())) {
      lines.add("  drainTimeout: " + cutover.drainTimeout());
    }
    MonitorConfig monitor = cutover.monitor();
    if (monitor != null) {
      lines.add("  monitor: { newObjects: " + monitor.newObjects() + ", invocations: " + monitor.invocations()
          + (monitor.invocations() ? ", maxErrors: " + monitor.maxErrors() : "")
          + (monitor.within() == null ? "" : ", within: " + monitor.within())
          + (monitor.functions().isEmpty() ? "" : ", functions: " + flow(monitor.functions()))
          + ", none: " + monitor.none() + " }");
    }
    lines.addAll(List.of(
        "approvals:",
        "  approvers: " + flow(approvals.approvers()),
        "  required: " + approvals.required(),
        "  fourEyes: " + approvals.fourEyes(),
        "  signOff: " + approvals.signOff(),
        "  timeout: " + approvals.timeout(),
        "  identity: " + (approvals.identity() == null ? ApprovalsConfig.DECLARED : approvals.identity()),
        ""));
    return String.join("\n", lines);
  }

  private static String flow(List<String> names) {
    return "[" + String.join(", ", names.stream().map(n -> n.contains(":") ? "\"" + n + "\"" : n).toList()) + "]";
  }

  /** The target's alert topic in {@code region}. */
  public static String topicArn(String region) {
    return "arn:aws:sns:" + region + ":" + DemoEstate.TARGET_ACCOUNT + ":" + TOPIC;
  }

  private static void putRules(AwsClients clients, Estate estate, Side side, RuleState state) {
    for (String rule : RULES) {
      clients.eventBridge(estate, side).putRule(b -> b.name(rule).scheduleExpression("rate(1 hour)").state(state)
          .description("AVESA ingestion schedule (demo)"));
    }
  }

  private static String ensureZone(Route53Client route53) {
    String zoneId = findZone(route53);
    if (zoneId != null) {
      return zoneId;
    }
    return route53.createHostedZone(b -> b.name(ZONE_NAME).callerReference("avesa-demo-" + System.nanoTime()))
        .hostedZone().id();
  }

  /** The demo zone's id without the {@code /hostedzone/} prefix ListHostedZonesByName leaves on it, or null. */
  private static String findZone(Route53Client route53) {
    return route53.listHostedZonesByName(b -> b.dnsName(ZONE_NAME).maxItems("1")).hostedZones().stream()
        .filter(zone -> zone.name().equals(ZONE_NAME + ".")).findFirst()
        .map(zone -> zone.id().replaceFirst("^/hostedzone/", "")).orElse(null);
  }

  static void ensureFunction(AwsClients clients, Estate estate) {
    String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    try {
      clients.iam(estate, Side.TARGET).createRole(b -> b.roleName(LAMBDA_ROLE).assumeRolePolicyDocument(trust));
    } catch (EntityAlreadyExistsException alreadySeeded) {
      // the role is there already
    }
    String roleArn = "arn:aws:iam::" + DemoEstate.TARGET_ACCOUNT + ":role/" + LAMBDA_ROLE;
    try {
      clients.lambda(estate, Side.TARGET).createFunction(b -> b.functionName(FUNCTION).runtime(Runtime.PYTHON3_12)
          .role(roleArn).handler("handler.handler").code(c -> c.zipFile(SdkBytes.fromByteArray(handlerZip()))));
    } catch (ResourceConflictException alreadySeeded) {
      // the function is there already
    }
  }

  private static byte[] handlerZip() {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("handler.py"));
      out.write(HANDLER.getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return zip.toByteArray();
  }

  /**
   * Moto's Lambda runs functions in Docker by default (every invoke fails without a Docker daemon);
   * make it echo payloads instead. Moto holds the functions of each mode apart: switch before creating.
   */
  private static void echoLambdaPayloads(String endpoint) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "/moto-api/config"))
        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"lambda\":{\"use_docker\":false}}")).build();
    try {
      int status = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status / 100 != 2) {
        throw new IllegalStateException("moto's /moto-api/config at " + endpoint + " answered " + status);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot configure moto's Lambda at " + endpoint, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while configuring moto's Lambda", e);
    }
  }
}
