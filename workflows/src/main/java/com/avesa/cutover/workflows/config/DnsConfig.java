package com.avesa.cutover.workflows.config;

import com.avesa.cutover.workflows.migration.Side;

/**
 * The Route53 record the cutover points at the target: {@code name} of {@code type} in
 * {@code hostedZoneId} becomes {@code value} with {@code ttl} seconds.
 *
 * @param account the account that holds the hosted zone; null: the preflight finds it (source
 *     first, then target)
 */
public record DnsConfig(String hostedZoneId, String name, String type, String value, long ttl, Side account) {
  public static final long DEFAULT_TTL = 60;
}
