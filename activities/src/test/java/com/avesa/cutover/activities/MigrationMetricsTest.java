package com.avesa.cutover.activities;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class MigrationMetricsTest {

  @Test
  void countersRenderUnderTheirAvesaPrometheusNames() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    MigrationMetrics metrics = new MigrationMetrics(registry);

    metrics.objectCopied(1024);
    metrics.objectCopied(76);
    metrics.objectsSkipped(3);
    metrics.itemsCopied(25);
    metrics.secretsCopied(2);
    metrics.verificationFailures(1);

    String text = registry.scrape();
    assertThat(text)
        .contains("avesa_objects_copied_total 2.0")
        .contains("avesa_bytes_copied_total 1100.0")
        .contains("avesa_objects_skipped_total 3.0")
        .contains("avesa_items_copied_total 25.0")
        .contains("avesa_secrets_copied_total 2.0")
        .contains("avesa_verification_failures_total 1.0");
  }
}
