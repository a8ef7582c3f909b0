package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;

/** One Route53 change (the id {@code writeDnsRecord} returned) in the account that holds the zone. */
public record DnsChangeRequest(Estate estate, Side side, String changeId) {}
