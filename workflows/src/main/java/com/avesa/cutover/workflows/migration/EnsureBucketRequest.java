package com.avesa.cutover.workflows.migration;

import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;

/** Ensure {@code bucket} exists on {@code side} with versioning, AES256 and a public access block. */
public record EnsureBucketRequest(Estate estate, Side side, String bucket) {}
