package com.avesa.cutover.workflows.migration;

/**
 * The items scanned in one segment, how many were written, and an order-independent digest
 * (hex) of their canonical encoding: digests of segments combine with {@link TableDigest#add}.
 */
public record SegmentResult(int segment, long items, long copied, String digest) {}
