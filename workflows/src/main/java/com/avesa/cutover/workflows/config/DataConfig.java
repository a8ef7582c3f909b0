package com.avesa.cutover.workflows.config;

import java.util.List;

/**
 * What the data migration moves, and how hard it pushes. {@code deleteExtras}: mirror mode, what
 * only the written side has is deleted unless {@code protect} (or the tenant commands' record)
 * protects it; false (and on payloads without it): extras are reported only. {@code verify}: how
 * buckets are verified (null, on payloads from before the setting: FULL, as before);
 * {@code verifySample}: the share (0 to 1) of the objects a run copies that LISTING checks in full.
 * {@code partitions}: how many listing partitions run at once (a listing is split by prefix or key
 * range; 1, and payloads without it: one listing per (bucket, prefix) as before).
 * {@code tableSegments}: {@link #AUTO_TABLE_SEGMENTS} (0) or a fixed count.
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
    ExtrasProtection protect,
    VerifyMode verify,
    double verifySample,
    int partitions) {

  public static final int DEFAULT_CONCURRENCY = 32;
  public static final int MIN_CONCURRENCY = 1;
  public static final int MAX_CONCURRENCY = 1024;
  /** {@code data.copyMode} when the file does not say. */
  public static final CopyMode DEFAULT_COPY_MODE = CopyMode.AUTO;
  /** {@code data.verify} when the file does not say (a payload without the field means FULL). */
  public static final VerifyMode DEFAULT_VERIFY = VerifyMode.LISTING;
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
  /** {@code data.verifySample} when the config does not say: 1% of the copied objects. */
  public static final double DEFAULT_VERIFY_SAMPLE = 0.01;
  /** {@code data.partitions} when the file does not say. */
  public static final int DEFAULT_PARTITIONS = 8;
  public static final int MIN_PARTITIONS = 1;
  public static final int MAX_PARTITIONS = 256;

  /** Verified in full and unpartitioned, as before {@code data.verify} and {@code data.partitions} existed. */
  public DataConfig(List<BucketMapping> buckets, List<TableMapping> tables, SecretFilter secrets, int concurrency,
      CopyMode copyMode, int tableSegments, long multipartThreshold, boolean deleteExtras, ExtrasProtection protect) {
    this(buckets, tables, secrets, concurrency, copyMode, tableSegments, multipartThreshold, deleteExtras, protect,
        VerifyMode.FULL, 0, 1);
  }

  /** Unpartitioned listings (one per (bucket, prefix)). */
  public DataConfig(List<BucketMapping> buckets, List<TableMapping> tables, SecretFilter secrets, int concurrency,
      CopyMode copyMode, int tableSegments, long multipartThreshold, boolean deleteExtras, ExtrasProtection protect,
      VerifyMode verify, double verifySample) {
    this(buckets, tables, secrets, concurrency, copyMode, tableSegments, multipartThreshold, deleteExtras, protect,
        verify, verifySample, 1);
  }

  /** Verified in full, {@code partitions} listing partitions at once. */
  public DataConfig(List<BucketMapping> buckets, List<TableMapping> tables, SecretFilter secrets, int concurrency,
      CopyMode copyMode, int tableSegments, long multipartThreshold, boolean deleteExtras, ExtrasProtection protect,
      int partitions) {
    this(buckets, tables, secrets, concurrency, copyMode, tableSegments, multipartThreshold, deleteExtras, protect,
        VerifyMode.FULL, 0, partitions);
  }

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
    verify = verify == null ? VerifyMode.FULL : verify;
    verifySample = Math.max(0, Math.min(1, verifySample));
    partitions = Math.max(1, partitions);
  }
}
