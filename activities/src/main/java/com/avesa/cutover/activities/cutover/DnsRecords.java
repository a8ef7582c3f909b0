package com.avesa.cutover.activities.cutover;

import com.avesa.cutover.activities.aws.Failures;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.cutover.DnsRecordSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * One record set of a Route53 hosted zone, read and written so that it can be put back exactly:
 * TTL and values, or the alias target. Only simple records: a record set with a routing policy
 * (a set identifier) is refused as BAD_CONFIG.
 *
 * <p>Writes return the Route53 change id and do not wait; {@link #status} reads whether that change
 * is INSYNC (on all of Route53's name servers), which the cutover polls with durable timers.
 */
final class DnsRecords {
  private static final Set<String> INVALID_CHANGE = Set.of("InvalidChangeBatch", "InvalidInput");
  private static final String CHANGE_PREFIX = "/change/";

  private final Route53Client route53;
  private final String where;

  /** @param where the side and account for messages, e.g. {@code target account 987654321098} */
  DnsRecords(Route53Client route53, String where) {
    this.route53 = route53;
    this.where = where;
  }

  /** The record set of that name and type, or {@link DnsRecordSet#absent}. */
  DnsRecordSet read(String hostedZoneId, String name, String type) {
    String zone = zoneId(hostedZoneId);
    String wanted = canonical(name);
    String what = "read " + type + " " + name + " in hosted zone " + zone;
    List<ResourceRecordSet> sets = Failures.classified(about(what), () -> route53.listResourceRecordSets(b -> b
        .hostedZoneId(zone).startRecordName(wanted + ".").startRecordType(type.toUpperCase(Locale.ROOT)).maxItems("1")))
        .resourceRecordSets();
    // the listing starts at name and type, or at the next record set when there is none such
    Optional<ResourceRecordSet> match = sets.stream()
        .filter(set -> canonical(set.name()).equals(wanted) && set.typeAsString().equalsIgnoreCase(type))
        .findFirst();
    if (match.isEmpty()) {
      return DnsRecordSet.absent(name, type);
    }
    ResourceRecordSet set = match.get();
    if (set.setIdentifier() != null) {
      throw Failures.nonRetryable(FailureType.BAD_CONFIG, type + " " + name + " in hosted zone " + zone + " ("
          + where + ") has a routing policy (set identifier " + set.setIdentifier()
          + "); the cutover switches simple records only");
    }
    if (set.aliasTarget() != null) {
      return new DnsRecordSet(true, set.name(), set.typeAsString(), null, List.of(), set.aliasTarget().hostedZoneId(),
          set.aliasTarget().dnsName(), set.aliasTarget().evaluateTargetHealth());
    }
    return new DnsRecordSet(true, set.name(), set.typeAsString(), set.ttl(),
        set.resourceRecords().stream().map(ResourceRecord::value).toList(), null, null, null);
  }

  /**
   * UPSERTs {@code desired}, or DELETEs the current record set when {@code desired} is absent.
   * Returns the change id (without {@code /change/}), or null when there was nothing to delete.
   */
  String write(String hostedZoneId, DnsRecordSet desired) {
    String zone = zoneId(hostedZoneId);
    if (desired.exists()) {
      return change(zone, ChangeAction.UPSERT, desired);
    }
    DnsRecordSet current = read(zone, desired.name(), desired.type());
    if (current.exists()) {
      // DELETE must repeat the record set exactly as it is (TTL and values, or alias)
      return change(zone, ChangeAction.DELETE, current);
    }
    return null;
  }

  /** {@code PENDING} or {@code INSYNC}: the status of change {@code changeId} (GetChange). */
  String status(String changeId) {
    String id = changeId.startsWith(CHANGE_PREFIX) ? changeId.substring(CHANGE_PREFIX.length()) : changeId;
    return Failures.classified(about("read the status of Route53 change " + id),
        () -> route53.getChange(b -> b.id(id))).changeInfo().statusAsString();
  }

  /** The zone's name (e.g. {@code example.com.}), or empty when this account has no such zone. */
  Optional<String> zoneName(String hostedZoneId) {
    return Failures.ifFound(() -> route53.getHostedZone(b -> b.id(zoneId(hostedZoneId))).hostedZone().name());
  }

  /** Lower case, no trailing dot, Route53's octal escapes (e.g. {@code \052} for *) decoded. */
  static String canonical(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '\\' && i + 3 < name.length() && name.substring(i + 1, i + 4).matches("[0-7]{3}")) {
        out.append((char) Integer.parseInt(name.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    String decoded = out.toString().toLowerCase(Locale.ROOT);
    return decoded.endsWith(".") ? decoded.substring(0, decoded.length() - 1) : decoded;
  }

  private String change(String zone, ChangeAction action, DnsRecordSet record) {
    String what = action + " " + record.type() + " " + record.name() + " in hosted zone " + zone;
    try {
      String id = route53.changeResourceRecordSets(b -> b.hostedZoneId(zone).changeBatch(batch -> batch
          .comment("avesa-cutover").changes(c -> c.action(action).resourceRecordSet(toAws(record)))))
          .changeInfo().id();
      return id.startsWith(CHANGE_PREFIX) ? id.substring(CHANGE_PREFIX.length()) : id;
    } catch (SdkException e) {
      if (action == ChangeAction.UPSERT && Failures.hasErrorCode(e, INVALID_CHANGE)) {
        throw Failures.nonRetryable(FailureType.BAD_CONFIG, about(what) + ": " + Failures.awsMessage(e));
      }
      // a DELETE refused as invalid: the record changed since it was read; a retry reads it again
      throw Failures.classify(about(what), e);
    }
  }

  private static ResourceRecordSet toAws(DnsRecordSet record) {
    ResourceRecordSet.Builder set =
        ResourceRecordSet.builder().name(record.name()).type(record.type().toUpperCase(Locale.ROOT));
    if (record.aliasDnsName() != null) {
      return set.aliasTarget(a -> a.hostedZoneId(record.aliasZoneId()).dnsName(record.aliasDnsName())
          .evaluateTargetHealth(Boolean.TRUE.equals(record.aliasEvaluateTargetHealth()))).build();
    }
    return set.ttl(record.ttl())
        .resourceRecords(record.values().stream().map(v -> ResourceRecord.builder().value(v).build()).toList())
        .build();
  }

  private static String zoneId(String hostedZoneId) {
    return hostedZoneId.startsWith("/hostedzone/") ? hostedZoneId.substring("/hostedzone/".length()) : hostedZoneId;
  }

  private String about(String action) {
    return action + " (" + where + ")";
  }
}
