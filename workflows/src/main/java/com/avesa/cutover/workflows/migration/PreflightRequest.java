package com.avesa.cutover.workflows.migration;

import com.avesa.cutover.workflows.estate.Estate;
import java.util.List;

/**
 * What must be true before anything is written: both identities match the configured accounts,
 * and the source buckets and tables exist.
 */
public record PreflightRequest(Estate estate, List<String> sourceBuckets, List<String> sourceTables) {
  public PreflightRequest {
    sourceBuckets = sourceBuckets == null ? List.of() : List.copyOf(sourceBuckets);
    sourceTables = sourceTables == null ? List.of() : List.copyOf(sourceTables);
  }
}
