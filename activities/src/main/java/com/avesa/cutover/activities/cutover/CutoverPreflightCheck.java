package com.avesa.cutover.activities.cutover;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.aws.CallerIdentity;
import com.avesa.cutover.activities.aws.Failures;
import com.avesa.cutover.workflows.config.CutoverConfig;
import com.avesa.cutover.workflows.config.DnsConfig;
import com.avesa.cutover.workflows.config.SmokeTest;
import com.avesa.cutover.workflows.cutover.CutoverPreflight;
import com.avesa.cutover.workflows.cutover.CutoverPreflightRequest;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * One run of the cutover preflight: every problem becomes a line naming the resource, the account
 * and the fix, so a person sees all of them at once. Read-only. A side whose credentials are
 * refused is reported once and not looked into further; errors other than "not found" and
 * "access denied" propagate, for the activity to be retried.
 */
final class CutoverPreflightCheck {
  private final AwsClients clients;
  private final Estate estate;
  private final CutoverConfig cutover;
  private final List<String> problems = new ArrayList<>();
  /** The account each reachable side's credentials act as (the configured one, unless mismatched). */
  private final Map<Side, String> reachable = new EnumMap<>(Side.class);

  CutoverPreflightCheck(AwsClients clients, CutoverPreflightRequest request) {
    this.clients = clients;
    this.estate = request.estate();
    this.cutover = request.cutover();
  }

  CutoverPreflight run() {
    for (Side side : Side.values()) {
      CallerIdentity identity = CallerIdentity.of(clients, estate, side);
      if (identity.refused()) {
        problems.add(identity.problem() + "; nothing in that account was checked");
        continue;
      }
      if (identity.problem() != null) {
        problems.add(identity.problem());
      }
      reachable.put(side, identity.identity().account());
    }
    checkRules(Side.SOURCE, cutover.sourceRules(), "create it or remove it from cutover.sourceRules");
    checkRules(Side.TARGET, cutover.targetRules(), "deploy it or remove it from cutover.targetRules");
    Side dnsSide = cutover.dns() == null ? null : findHostedZone(cutover.dns());
    checkFunctions();
    checkAlarms();
    checkTopic();
    return new CutoverPreflight(problems, dnsSide);
  }

  private void checkRules(Side side, List<String> names, String fix) {
    if (!reachable.containsKey(side)) {
      return;
    }
    IngestionRules rules = new IngestionRules(clients.eventBridge(estate, side), where(side));
    for (String name : names) {
      String rule = label(side) + " rule " + name;
      if (!found(rule, side, () -> rules.exists(name))) {
        problems.add(rule + " not found in account " + reachable.get(side) + " (default event bus): " + fix);
      }
    }
  }

  /** The side holding the zone (the configured one, else source, then target), or null. */
  private Side findHostedZone(DnsConfig dns) {
    List<Side> candidates = dns.account() != null ? List.of(dns.account()) : List.of(Side.SOURCE, Side.TARGET);
    List<String> searched = new ArrayList<>();
    for (Side side : candidates) {
      if (!reachable.containsKey(side)) {
        continue;
      }
      DnsRecords records = new DnsRecords(clients.route53(estate, side), where(side));
      Optional<String> zoneName =
          lookup("hosted zone " + dns.hostedZoneId(), side, () -> records.zoneName(dns.hostedZoneId()));
      if (zoneName == null) {
        continue;
      }
      searched.add("account " + reachable.get(side) + " (" + label(side) + ")");
      if (zoneName.isPresent()) {
        checkRecordIsInZone(dns, zoneName.get());
        return side;
      }
    }
    if (!searched.isEmpty()) {
      String how = dns.account() != null ? ", where cutover.dns.account says" : "";
      problems.add("hosted zone " + dns.hostedZoneId() + " not found in " + String.join(" nor in ", searched) + how
          + ": correct cutover.dns.hostedZoneId" + (dns.account() != null ? " or cutover.dns.account" : ""));
    }
    return null;
  }

  private void checkRecordIsInZone(DnsConfig dns, String zoneName) {
    String zone = DnsRecords.canonical(zoneName);
    String name = DnsRecords.canonical(dns.name());
    if (!name.equals(zone) && !name.endsWith("." + zone)) {
      problems.add("DNS name " + dns.name() + " is not in hosted zone " + dns.hostedZoneId() + " (" + zoneName
          + "): correct cutover.dns.name or cutover.dns.hostedZoneId");
    }
  }

  private void checkFunctions() {
    if (!reachable.containsKey(Side.TARGET)) {
      return;
    }
    SmokeTests functions = new SmokeTests(clients.lambda(estate, Side.TARGET), where(Side.TARGET));
    for (SmokeTest test : cutover.smokeTests()) {
      String function = "target function " + test.function();
      if (!found(function, Side.TARGET, () -> functions.exists(test.function()))) {
        problems.add(function + " not found in account " + reachable.get(Side.TARGET) + " (" + estate.region()
            + "): deploy it or remove it from cutover.smokeTests");
      }
    }
  }

  private void checkAlarms() {
    if (!reachable.containsKey(Side.TARGET) || cutover.alarms().selectsNothing()) {
      return;
    }
    String account = reachable.get(Side.TARGET);
    AlarmWatch alarms = new AlarmWatch(clients.cloudWatch(estate, Side.TARGET), where(Side.TARGET));
    List<String> missing = lookup("target alarms", Side.TARGET, () -> alarms.missing(cutover.alarms().names()));
    if (missing == null) {
      return;
    }
    missing.forEach(name -> problems.add("target alarm " + name + " not found in account " + account + " ("
        + estate.region() + "): create it or remove it from cutover.alarms.names"));
    String prefix = cutover.alarms().namePrefix();
    Integer matching = prefix == null ? null : lookup("target alarms", Side.TARGET, () -> alarms.countWithPrefix(prefix));
    if (matching != null && matching == 0) {
      problems.add("no target alarm in account " + account + " (" + estate.region() + ") starts with " + prefix
          + ": create them or correct cutover.alarms.namePrefix");
    }
  }

  private void checkTopic() {
    String topic = cutover.notifyTopicArn();
    if (topic == null || topic.isBlank()) {
      return;
    }
    Side side = Notices.sideOf(estate, topic);
    if (!reachable.containsKey(side)) {
      return;
    }
    Notices notices = new Notices(clients.sns(estate, side), where(side));
    if (!found("notify topic " + topic, side, () -> notices.exists(topic))) {
      problems.add("notify topic " + topic + " not found in account " + reachable.get(side) + " (" + label(side)
          + "): create it or correct cutover.notifyTopicArn");
    }
  }

  /** Whether a lookup found its resource; access denied counts as found, after a problem line saying so. */
  private boolean found(String what, Side side, Supplier<Boolean> lookup) {
    Boolean found = lookup(what, side, lookup);
    return found == null || found;
  }

  /** The lookup's result, or null after a problem line when access to it was denied. */
  private <T> T lookup(String what, Side side, Supplier<T> lookup) {
    try {
      return lookup.get();
    } catch (SdkException e) {
      if (!Failures.isAccessDenied(e)) {
        throw e;
      }
      problems.add("cannot check " + what + " in account " + reachable.get(side) + ": access denied: "
          + Failures.awsMessage(e) + ": grant the " + label(side) + " credentials read access to it");
      return null;
    }
  }

  private String where(Side side) {
    return CutoverActivitiesImpl.where(side, reachable.get(side));
  }

  private static String label(Side side) {
    return side.name().toLowerCase();
  }
}
