package com.avesa.cutover.workflows.migration;

import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;

/**
 * How to scan table {@code from} on {@code fromSide} (copied into, or verified against, table
 * {@code to} on the other side). {@code segments}: {@code DataConfig.AUTO_TABLE_SEGMENTS} (0)
 * chooses the count from the table's size, anything else fixes it.
 */
public record ScanPlanRequest(Estate estate, Side fromSide, String from, String to, int segments) {}
