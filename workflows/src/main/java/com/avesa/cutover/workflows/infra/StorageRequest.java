package com.avesa.cutover.workflows.infra;

import com.avesa.cutover.workflows.estate.Estate;
import java.util.List;

/** The target's data buckets and tables, by their target names. */
public record StorageRequest(Estate estate, List<String> buckets, List<String> tables) {}
