package com.avesa.cutover.workflows.decommission;

/**
 * One source bucket's archive.
 *
 * @param prefix the key prefix in the archive bucket ({@code {sourceBucket}/})
 * @param copied objects copied by this run; {@code objects}: all objects archived and verified
 */
public record ArchiveRecord(String sourceBucket, String archiveBucket, String prefix, String storageClass,
    long objects, long copied, long bytes, boolean verified) {}
