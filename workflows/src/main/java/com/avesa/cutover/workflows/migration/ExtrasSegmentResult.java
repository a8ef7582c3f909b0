package com.avesa.cutover.workflows.migration;

/**
 * A written-side segment: {@code items} scanned; {@code matched} of them have their key in the
 * other table, and {@code matchedDigest} is the order-independent digest of those (their content
 * as the written side holds it), so {@code matched == source items} and equal digests prove every
 * source item is there and equal. The others are {@code extras}.
 */
public record ExtrasSegmentResult(int segment, long items, long matched, String matchedDigest, Extras extras) {}
