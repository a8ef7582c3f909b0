package com.avesa.cutover.activities.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.workflows.estate.Estate;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class MigrationMetricsTest {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MigrationMetrics metrics = new MigrationMetrics(registry);

  @Test
  void countersRenderUnderTheirAvesaPrometheusNamesWithTheConfigLabel() {
    Estate demo = new Estate("eu-west-1", null, null, null, "avesa-demo");

    metrics.objectCopied(demo, 1024);
    metrics.objectCopied(demo, 76);
    metrics.objectsSkipped(demo, 3);
    metrics.itemsCopied(demo, 25);
    metrics.secretsCopied(demo, 2);
    metrics.verificationFailures(demo, 1);

    String text = registry.scrape();
    assertThat(text)
        .contains("avesa_objects_copied_total{config=\"avesa-demo\"} 2.0")
        .contains("avesa_bytes_copied_total{config=\"avesa-demo\"} 1100.0")
        .contains("avesa_objects_skipped_total{config=\"avesa-demo\"} 3.0")
        .contains("avesa_items_copied_total{config=\"avesa-demo\"} 25.0")
        .contains("avesa_secrets_copied_total{config=\"avesa-demo\"} 2.0")
        .contains("avesa_verification_failures_total{config=\"avesa-demo\"} 1.0")
        .contains("# HELP avesa_objects_copied_total S3 objects copied to the other account");
  }

  @Test
  void countsOfTwoConfigsStayApartAndAnOldEstateCountsAsUnnamed() {
    metrics.itemsCopied(new Estate("eu-west-1", null, null, null, "prod"), 5);
    metrics.itemsCopied(new Estate("eu-west-1", null, null, null, "staging"), 7);
    metrics.itemsCopied(new Estate("eu-west-1", null, null, null), 1);

    assertThat(registry.scrape())
        .contains("avesa_items_copied_total{config=\"prod\"} 5.0")
        .contains("avesa_items_copied_total{config=\"staging\"} 7.0")
        .contains("avesa_items_copied_total{config=\"unnamed\"} 1.0");
  }
}
