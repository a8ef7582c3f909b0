package com.avesa.cutover.workflows.migration;

/** One table mapping: items in the source, written, and the digests verification compared. */
public record TableReport(
    String source,
    String target,
    long items,
    long copied,
    long targetItems,
    String sourceDigest,
    String targetDigest) {}
