package com.avesa.cutover.workflows.migration;

/**
 * One page (at most {@code pageSize} keys) of {@code toBucket}, the bucket written to, under
 * {@code prefix} from {@code continuationToken} (null: the first page), whose keys are looked up
 * in {@code fromBucket} on {@code fromSide}.
 */
public record ExtrasPageRequest(
    Estate estate,
    Side fromSide,
    String fromBucket,
    String toBucket,
    String prefix,
    String continuationToken,
    int pageSize,
    ExtrasRule rule) {}
