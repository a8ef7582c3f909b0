package com.avesa.cutover.worker;

import com.avesa.cutover.workflows.WorkflowMetrics;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;

/**
 * The worker's Prometheus registry, shaped so one scrape stays small however long the worker runs:
 * every timer and distribution publishes {@link #TIMER_BUCKETS} (nine buckets) instead of the SDK's
 * percentile histogram (69 buckets per timer), and every meter has a HELP text.
 *
 * <p>The metrics workflow code records ({@link WorkflowMetrics}) reach the registry through
 * {@link WorkflowMetricsReporter}, without the SDK's scope tags.
 */
final class WorkerMetrics {
  /** The bucket bounds of every timer: a workflow task takes milliseconds, a copy page minutes. */
  static final List<Duration> TIMER_BUCKETS = List.of(Duration.ofMillis(10), Duration.ofMillis(50),
      Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30),
      Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofHours(1));

  private WorkerMetrics() {}

  /** A registry with the bounded buckets and the HELP texts. */
  static PrometheusMeterRegistry registry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(helpText()).meterFilter(boundedBuckets());
    return registry;
  }

  /** Timers: the fixed buckets, no percentile histogram, no client-side percentiles. */
  static MeterFilter boundedBuckets() {
    double[] bounds = TIMER_BUCKETS.stream().mapToDouble(d -> (double) d.toNanos()).toArray();
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (id.getType() != Meter.Type.TIMER) {
          return config;
        }
        return DistributionStatisticConfig.builder()
            .percentilesHistogram(false)
            .percentiles()
            .serviceLevelObjectives(bounds)
            .build()
            .merge(config);
      }
    };
  }

  /**
   * A HELP text for every meter that comes without one: the workflow metrics' own, and for the
   * Temporal SDK's a pointer to its reference.
   */
  static MeterFilter helpText() {
    return new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        if (id.getDescription() != null && !id.getDescription().isBlank()) {
          return id;
        }
        String help = WorkflowMetrics.HELP.get(id.getName());
        if (help == null) {
          help = "Temporal SDK metric " + id.getName() + " (https://docs.temporal.io/references/sdk-metrics)";
        }
        return new Meter.Id(id.getName(), Tags.of(id.getTagsAsIterable()),
            id.getBaseUnit(), help, id.getType());
      }
    };
  }
}
