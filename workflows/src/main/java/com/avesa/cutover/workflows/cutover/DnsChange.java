package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;

/**
 * Make the record set named by {@code desired} in the zone equal {@code desired} (absent: delete it).
 *
 * @param purpose why the run writes it ({@link #LOWER_TTL}, {@link #SWITCH}, {@link #RESTORE},
 *     {@link #RESTORE_TTL}), so that a rescue reading the history tells the writes apart; null in
 *     runs from before {@code dns-ttl-insync} (their first write after a read is the switch)
 */
public record DnsChange(Estate estate, Side side, String hostedZoneId, DnsRecordSet desired, String purpose) {
  public static final String LOWER_TTL = "lowerTtl";
  public static final String SWITCH = "switch";
  public static final String RESTORE = "restore";
  public static final String RESTORE_TTL = "restoreTtl";

  public DnsChange(Estate estate, Side side, String hostedZoneId, DnsRecordSet desired) {
    this(estate, side, hostedZoneId, desired, null);
  }
}
