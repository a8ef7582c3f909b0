package com.avesa.cutover.workflows.decommission;

import com.avesa.cutover.workflows.estate.Estate;

/** The archive bucket to ensure in the estate's SOURCE account. */
public record ArchiveBucketRequest(Estate estate, String archiveBucket) {}
