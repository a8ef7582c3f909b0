package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.migration.Estate;
import com.avesa.cutover.workflows.migration.Side;

/** Make the record set named by {@code desired} in the zone equal {@code desired} (absent: delete it). */
public record DnsChange(Estate estate, Side side, String hostedZoneId, DnsRecordSet desired) {}
