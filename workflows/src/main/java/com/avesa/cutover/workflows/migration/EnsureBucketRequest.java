package com.avesa.cutover.workflows.migration;

/** Ensure {@code bucket} exists on {@code side} with versioning, AES256 and a public access block. */
public record EnsureBucketRequest(Estate estate, Side side, String bucket) {}
