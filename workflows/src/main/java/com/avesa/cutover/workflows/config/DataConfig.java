package com.avesa.cutover.workflows.config;

import java.util.List;

/** What the data migration moves, and how hard it pushes. */
public record DataConfig(
    List<BucketMapping> buckets,
    List<TableMapping> tables,
    SecretFilter secrets,
    int concurrency,
    CopyMode copyMode,
    int tableSegments) {

  public static final int DEFAULT_CONCURRENCY = 32;
  public static final int DEFAULT_TABLE_SEGMENTS = 4;

  public DataConfig {
    buckets = buckets == null ? List.of() : List.copyOf(buckets);
    tables = tables == null ? List.of() : List.copyOf(tables);
    secrets = secrets == null ? new SecretFilter(List.of()) : secrets;
    copyMode = copyMode == null ? CopyMode.AUTO : copyMode;
  }
}
