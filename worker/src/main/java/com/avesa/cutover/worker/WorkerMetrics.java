package com.avesa.cutover.worker;

import com.avesa.cutover.workflows.WorkflowMetrics;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The worker's Prometheus registry, shaped so one scrape stays small however long the worker runs:
 * the Temporal SDK's meters lose the labels that never tell anything here ({@link #SDK_LABELS_DROPPED}:
 * one namespace, one task queue, and labels that are always {@code none}; activity meters also their
 * workflow type and operation), only the timers the dashboard reads as quantiles
 * ({@link #HISTOGRAMS}) publish buckets, {@link #TIMER_BUCKETS}, and the other timers count, sum and
 * max only; every meter has a HELP text.
 *
 * <p>The metrics workflow code records ({@link WorkflowMetrics}) reach the registry through
 * {@link WorkflowMetricsReporter}, without the SDK's scope tags.
 */
final class WorkerMetrics {
  /** The bucket bounds of the timers with buckets: a workflow task takes milliseconds, a copy page minutes. */
  static final List<Duration> TIMER_BUCKETS = List.of(Duration.ofMillis(50), Duration.ofMillis(500),
      Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1));

  /**
   * The bucket bounds of the workflow-task timers: a workflow task takes milliseconds, one past a
   * minute is broken whatever its length, so their series stop at 1 min (two lines fewer per
   * workflow type and timer: the scrape after a whole runbook stays under 200 KB).
   */
  static final List<Duration> WORKFLOW_TASK_BUCKETS = TIMER_BUCKETS.subList(0, 4);

  /** The SDK's workflow-task timers, which take {@link #WORKFLOW_TASK_BUCKETS}. */
  static final Set<String> WORKFLOW_TASK_TIMERS = Set.of("temporal_workflow_task_schedule_to_start_latency",
      "temporal_workflow_task_execution_latency", "temporal_workflow_task_replay_latency");

  /** The SDK timers that publish buckets (the dashboard's p50/p95 panels). */
  static final Set<String> HISTOGRAMS = Set.of("temporal_workflow_endtoend_latency",
      "temporal_workflow_task_schedule_to_start_latency", "temporal_workflow_task_execution_latency",
      "temporal_workflow_task_replay_latency", "temporal_activity_execution_latency");

  /** Labels dropped from every SDK meter. */
  static final Set<String> SDK_LABELS_DROPPED = Set.of("namespace", "task_queue", "exception", "query_type",
      "signal_name", "status_code");

  /** Labels also dropped from the SDK's {@code temporal_activity_*} meters. */
  static final Set<String> SDK_ACTIVITY_LABELS_DROPPED = Set.of("workflow_type", "operation");

  /**
   * Labels also dropped from the SDK's {@code temporal_request*} meters (its RPCs to the server):
   * the activity and workflow type multiply every operation by every type, which the activity and
   * workflow meters already tell; by operation is what the dashboard reads.
   */
  static final Set<String> SDK_REQUEST_LABELS_DROPPED = Set.of("activity_type", "workflow_type");

  private WorkerMetrics() {}

  /** A registry with the SDK labels trimmed, the bounded buckets and the HELP texts. */
  static PrometheusMeterRegistry registry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(sdkLabels()).meterFilter(helpText()).meterFilter(boundedBuckets());
    return registry;
  }

  /**
   * Drops {@link #SDK_LABELS_DROPPED} (and on activity meters {@link #SDK_ACTIVITY_LABELS_DROPPED},
   * on request meters {@link #SDK_REQUEST_LABELS_DROPPED}) from the SDK's meters: by name, so every series of a metric keeps the same label names.
   */
  static MeterFilter sdkLabels() {
    return new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        if (!id.getName().startsWith("temporal_")) {
          return id;
        }
        boolean activity = id.getName().startsWith("temporal_activity_");
        boolean request = id.getName().startsWith("temporal_request");
        List<Tag> kept = id.getTags().stream()
            .filter(tag -> !SDK_LABELS_DROPPED.contains(tag.getKey()))
            .filter(tag -> !activity || !SDK_ACTIVITY_LABELS_DROPPED.contains(tag.getKey()))
            .filter(tag -> !request || !SDK_REQUEST_LABELS_DROPPED.contains(tag.getKey()))
            .toList();
        return id.replaceTags(kept);
      }
    };
  }

  /** Timers: the fixed buckets for {@link #HISTOGRAMS}, none for the others; never client-side percentiles. */
  static MeterFilter boundedBuckets() {
    double[] bounds = nanos(TIMER_BUCKETS);
    double[] workflowTaskBounds = nanos(WORKFLOW_TASK_BUCKETS);
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (id.getType() != Meter.Type.TIMER) {
          return config;
        }
        return DistributionStatisticConfig.builder()
            .percentilesHistogram(false)
            .percentiles()
            .serviceLevelObjectives(!HISTOGRAMS.contains(id.getName()) ? new double[0]
                : WORKFLOW_TASK_TIMERS.contains(id.getName()) ? workflowTaskBounds : bounds)
            .build()
            .merge(config);
      }
    };
  }
  private static double[] nanos(List<Duration> durations) {
    return durations.stream().mapToDouble(d -> (double) d.toNanos()).toArray();
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
