package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;

/** One record set (name and type) in a hosted zone of one side. */
public record DnsRequest(Estate estate, Side side, String hostedZoneId, String name, String type) {}
