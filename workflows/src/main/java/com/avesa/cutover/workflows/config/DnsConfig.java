package com.avesa.cutover.workflows.config;

import com.avesa.cutover.workflows.Deadlines;
import com.avesa.cutover.workflows.estate.Side;
import java.time.Duration;

/**
 * The Route53 record the cutover points at the target: {@code name} of {@code type} in
 * {@code hostedZoneId} becomes {@code value} with {@code ttl} seconds, or the alias {@code alias}.
 * Before the window the record's TTL is lowered to {@code ttl} (same value), so that resolvers
 * hold the old value at most {@code ttl} seconds after the switch.
 *
 * @param account the account that holds the hosted zone; null: the preflight finds it (source
 *     first, then target)
 * @param ttlLead how long before the window opens the TTL is lowered; null: as soon as the cutover
 *     gate opens. An approval that comes later than that lowers it at once.
 * @param alias the alias target switched to instead of {@code value} (null: a plain record)
 */
public record DnsConfig(String hostedZoneId, String name, String type, String value, long ttl, Side account,
    Duration ttlLead, DnsAlias alias) {
  public static final long DEFAULT_TTL = 60;
  public static final Duration MAX_TTL_LEAD = DurationLimits.WINDOW;

  /** A plain record, its TTL lowered when the gate opens. */
  public DnsConfig(String hostedZoneId, String name, String type, String value, long ttl, Side account) {
    this(hostedZoneId, name, type, value, ttl, account, null, null);
  }

  public DnsConfig {
    ttlLead = ttlLead == null ? null : Deadlines.capped(ttlLead);
  }
}
