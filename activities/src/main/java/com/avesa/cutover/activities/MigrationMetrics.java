package com.avesa.cutover.activities;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The migration's own counters. A Prometheus registry renders them as
 * {@code avesa_objects_copied_total}, {@code avesa_bytes_copied_total},
 * {@code avesa_objects_skipped_total}, {@code avesa_items_copied_total},
 * {@code avesa_secrets_copied_total} and {@code avesa_verification_failures_total}. No tags:
 * bucket, key and tenant names would make the series unbounded.
 */
public final class MigrationMetrics {
  private final Counter objectsCopied;
  private final Counter bytesCopied;
  private final Counter objectsSkipped;
  private final Counter itemsCopied;
  private final Counter secretsCopied;
  private final Counter verificationFailures;

  public MigrationMetrics(MeterRegistry registry) {
    objectsCopied = counter(registry, "avesa.objects.copied", "S3 objects copied to the other account");
    bytesCopied = counter(registry, "avesa.bytes.copied", "Bytes of S3 objects copied to the other account");
    objectsSkipped = counter(registry, "avesa.objects.skipped", "S3 objects skipped because the copy was identical");
    itemsCopied = counter(registry, "avesa.items.copied", "DynamoDB items written to the other account");
    secretsCopied = counter(registry, "avesa.secrets.copied", "Secrets created or updated in the other account");
    verificationFailures = counter(registry, "avesa.verification.failures", "Objects, items or secrets that did not verify");
  }

  public void objectCopied(long bytes) {
    objectsCopied.increment();
    bytesCopied.increment(bytes);
  }

  public void objectsSkipped(long count) {
    objectsSkipped.increment(count);
  }

  public void itemsCopied(long count) {
    itemsCopied.increment(count);
  }

  public void secretsCopied(long count) {
    secretsCopied.increment(count);
  }

  public void verificationFailures(long count) {
    verificationFailures.increment(count);
  }

  private static Counter counter(MeterRegistry registry, String name, String description) {
    return Counter.builder(name).description(description).register(registry);
  }
}
