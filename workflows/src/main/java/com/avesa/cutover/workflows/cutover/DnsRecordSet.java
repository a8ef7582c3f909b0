package com.avesa.cutover.workflows.cutover;

import java.util.List;

/**
 * A Route53 record set as read or written: enough to restore it exactly. {@code exists} false
 * means there was no such record (restoring it deletes the record).
 *
 * @param values resource record values (empty for an alias)
 * @param aliasZoneId alias target hosted zone, or null when not an alias
 */
public record DnsRecordSet(boolean exists, String name, String type, Long ttl, List<String> values,
    String aliasZoneId, String aliasDnsName, Boolean aliasEvaluateTargetHealth) {
  public DnsRecordSet {
    values = values == null ? List.of() : List.copyOf(values);
  }

  public static DnsRecordSet absent(String name, String type) {
    return new DnsRecordSet(false, name, type, null, List.of(), null, null, null);
  }

  public static DnsRecordSet simple(String name, String type, long ttl, String value) {
    return new DnsRecordSet(true, name, type, ttl, List.of(value), null, null, null);
  }
}
