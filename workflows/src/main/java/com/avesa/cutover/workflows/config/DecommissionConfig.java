package com.avesa.cutover.workflows.config;

import com.avesa.cutover.workflows.Deadlines;
import java.time.Duration;
import java.util.List;

/**
 * Runbook step 14 ({@code decommission:}): archive the source bucket(s), wait {@code retention},
 * ask the decommission gate, then remove what {@code remove} names from the source.
 *
 * @param archiveBucket where the source buckets' objects are archived (key prefix: the source bucket's name)
 * @param storageClass the archive copies' S3 storage class (default {@value #DEFAULT_STORAGE_CLASS})
 * @param retention how long to keep the source after the archive (default P30D)
 */
public record DecommissionConfig(String archiveBucket, String storageClass, Duration retention, Removal remove) {
  public static final String DEFAULT_STORAGE_CLASS = "GLACIER";
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
  public static final Duration MAX_RETENTION = DurationLimits.RETENTION;
  public static final List<String> STORAGE_CLASSES = List.of("GLACIER", "DEEP_ARCHIVE", "GLACIER_IR",
      "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "STANDARD");

  public DecommissionConfig {
    storageClass = storageClass == null ? DEFAULT_STORAGE_CLASS : storageClass;
    retention = retention == null ? DEFAULT_RETENTION : Deadlines.capped(retention);
    remove = remove == null ? new Removal(List.of(), List.of(), List.of(), false) : remove;
  }

  /**
   * What to delete from the source once the gate opens.
   *
   * @param bucketObjects delete every object (and version) of the source buckets in {@code data.buckets}
   */
  public record Removal(List<String> rules, List<String> functions, List<String> tables, boolean bucketObjects) {
    public Removal {
      rules = rules == null ? List.of() : List.copyOf(rules);
      functions = functions == null ? List.of() : List.copyOf(functions);
      tables = tables == null ? List.of() : List.copyOf(tables);
    }
  }
}
