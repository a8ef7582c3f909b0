package com.avesa.cutover.workflows.config;

import java.util.List;

/**
 * What the data migration moves, and how hard it pushes. {@code deleteExtras}: mirror mode, what
 * only the written side has is deleted unless {@code protect} (or the tenant commands' record)
 * protects it; false (and on payloads without it): extras are reported only. {@code tableSegments}:
 * {@link #AUTO_TABLE_SEGMENTS} (0) or a fixed count.
 */
public record DataConfig(
    List<BucketMapping> buckets,
    List<TableMapping> tables,
    SecretFilter secrets,
    int concurrency,
    CopyMode copyMode,
    int tableSegments,
    long multipartThreshold,
    boolean deleteExtras,
    ExtrasProtection protect) {

  public static final int DEFAULT_CONCURRENCY = 32;
  /**
   * {@code tableSegments: auto}: each table's parallel-scan segment count comes from its size
   * (DescribeTable; see {@code ScanPlan#segmentsFor}). A number from 1 to 1000 fixes it.
   */
  public static final int AUTO_TABLE_SEGMENTS = 0;
  public static final int DEFAULT_TABLE_SEGMENTS = AUTO_TABLE_SEGMENTS;
  /** Objects at least this large are copied in parallel parts. */
  public static final long DEFAULT_MULTIPART_THRESHOLD = 64L << 20;
  /** S3's smallest part (all but the last). */
  public static final long MIN_MULTIPART_THRESHOLD = 5L << 20;
  /** CopyObject refuses sources above 5 GiB: larger objects are always copied in parts. */
  public static final long MAX_MULTIPART_THRESHOLD = 5L << 30;

  /** Extras kept (reported, never deleted), nothing protected beyond the defaults. */
  public DataConfig(List<BucketMapping> buckets, List<TableMapping> tables, SecretFilter secrets, int concurrency,
      CopyMode copyMode, int tableSegments, long multipartThreshold) {
    this(buckets, tables, secrets, concurrency, copyMode, tableSegments, multipartThreshold, false, null);
  }

  /** With the default multipart threshold. */
  public DataConfig(List<BucketMapping> buckets, List<TableMapping> tables, SecretFilter secrets, int concurrency,
      CopyMode copyMode, int tableSegments) {
    this(buckets, tables, secrets, concurrency, copyMode, tableSegments, DEFAULT_MULTIPART_THRESHOLD);
  }

  public DataConfig {
    buckets = buckets == null ? List.of() : List.copyOf(buckets);
    tables = tables == null ? List.of() : List.copyOf(tables);
    secrets = secrets == null ? new SecretFilter(List.of()) : secrets;
    copyMode = copyMode == null ? CopyMode.AUTO : copyMode;
    multipartThreshold = multipartThreshold <= 0 ? DEFAULT_MULTIPART_THRESHOLD : multipartThreshold;
    protect = protect == null ? ExtrasProtection.NONE : protect;
  }
}
