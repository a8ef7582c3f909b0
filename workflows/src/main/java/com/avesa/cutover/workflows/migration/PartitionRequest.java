package com.avesa.cutover.workflows.migration;

/**
 * Split the listing of {@code bucket} (on {@code side}) under {@code prefix} into at most
 * {@code max} contiguous key ranges.
 */
public record PartitionRequest(Estate estate, Side side, String bucket, String prefix, int max) {}
