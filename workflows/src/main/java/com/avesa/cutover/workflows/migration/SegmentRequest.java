package com.avesa.cutover.workflows.migration;

/**
 * One parallel-scan segment of table {@code from} on {@code fromSide}; for copies, written to
 * table {@code to} on the other side.
 */
public record SegmentRequest(
    Estate estate, Side fromSide, String from, String to, int segment, int totalSegments, int concurrency) {}
