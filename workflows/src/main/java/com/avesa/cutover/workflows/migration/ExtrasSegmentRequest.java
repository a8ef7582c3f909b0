package com.avesa.cutover.workflows.migration;

import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;

/**
 * One parallel-scan segment of {@code table} on {@code side} (the side written to), each item's
 * key looked up in table {@code against} on the other side.
 */
public record ExtrasSegmentRequest(
    Estate estate,
    Side side,
    String table,
    String against,
    int segment,
    int totalSegments,
    int concurrency,
    ExtrasRule rule) {}
