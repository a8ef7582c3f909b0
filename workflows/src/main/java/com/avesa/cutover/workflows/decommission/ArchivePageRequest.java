package com.avesa.cutover.workflows.decommission;

import com.avesa.cutover.workflows.estate.Estate;

/**
 * One page of {@code sourceBucket} (at most {@code pageSize} keys, never more than 1,000) starting
 * at {@code continuationToken} (null: the first page), archived to {@code archiveBucket} under the
 * prefix {@code {sourceBucket}/} with {@code storageClass}. Both buckets are in the SOURCE account.
 */
public record ArchivePageRequest(
    Estate estate,
    String sourceBucket,
    String archiveBucket,
    String storageClass,
    String continuationToken,
    int pageSize) {}
