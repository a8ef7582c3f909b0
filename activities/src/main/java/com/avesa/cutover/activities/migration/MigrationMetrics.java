package com.avesa.cutover.activities.migration;

import com.avesa.cutover.workflows.estate.Estate;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The migration's own counters. A Prometheus registry renders them as
 * {@code avesa_objects_copied_total}, {@code avesa_bytes_copied_total},
 * {@code avesa_objects_skipped_total}, {@code avesa_items_copied_total},
 * {@code avesa_secrets_copied_total} and {@code avesa_verification_failures_total}, each with the
 * one label {@code config} (the name of the run's config, {@value #UNNAMED} for runs started before
 * the estate carried it). No other labels: bucket, key and tenant names would make the series
 * unbounded.
 */
public final class MigrationMetrics {
  /** The {@code config} label of counts from runs whose estate does not name its config. */
  public static final String UNNAMED = "unnamed";

  private final MeterRegistry registry;

  public MigrationMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void objectCopied(Estate estate, long bytes) {
    counter("avesa.objects.copied", "S3 objects copied to the other account", estate).increment();
    counter("avesa.bytes.copied", "Bytes of S3 objects copied to the other account", estate).increment(bytes);
  }

  public void objectsSkipped(Estate estate, long count) {
    counter("avesa.objects.skipped", "S3 objects skipped because the copy was identical", estate).increment(count);
  }

  public void itemsCopied(Estate estate, long count) {
    counter("avesa.items.copied", "DynamoDB items written to the other account", estate).increment(count);
  }

  public void secretsCopied(Estate estate, long count) {
    counter("avesa.secrets.copied", "Secrets created or updated in the other account", estate).increment(count);
  }

  public void verificationFailures(Estate estate, long count) {
    counter("avesa.verification.failures", "Objects, items or secrets that did not verify", estate).increment(count);
  }

  private Counter counter(String name, String description, Estate estate) {
    String config = estate == null || estate.config() == null ? UNNAMED : estate.config();
    return Counter.builder(name).description(description).tag("config", config).register(registry);
  }
}
