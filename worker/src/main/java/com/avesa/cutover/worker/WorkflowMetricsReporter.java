package com.avesa.cutover.worker;

import com.avesa.cutover.workflows.WorkflowMetrics;
import com.uber.m3.tally.Buckets;
import com.uber.m3.tally.Capabilities;
import com.uber.m3.tally.StatsReporter;
import com.uber.m3.util.Duration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Passes the Temporal SDK's metrics to {@code sdk} (Micrometer, as the SDK names and tags them), and
 * registers the metrics workflow code records ({@link WorkflowMetrics}) itself: with their HELP and
 * only the tags the workflow gave, not the scope tags the SDK adds to everything recorded through
 * {@code Workflow.getMetricsScope()} ({@code namespace}, {@code task_queue}, {@code workflow_type} and
 * seven that are always {@code none}).
 */
final class WorkflowMetricsReporter implements StatsReporter {
  /** The tags {@code io.temporal.serviceclient.MetricsTag} puts on every SDK scope. */
  static final Set<String> SDK_SCOPE_TAGS = Set.of("namespace", "task_queue", "workflow_type", "worker_type",
      "activity_type", "operation", "signal_name", "query_type", "status_code", "exception");

  private final MeterRegistry registry;
  private final StatsReporter sdk;
  private final ConcurrentMap<String, GaugeValue> gauges = new ConcurrentHashMap<>();

  WorkflowMetricsReporter(MeterRegistry registry, StatsReporter sdk) {
    this.registry = registry;
    this.sdk = sdk;
  }

  @Override
  public void reportCounter(String name, Map<String, String> tags, long value) {
    String help = WorkflowMetrics.HELP.get(name);
    if (help == null) {
      sdk.reportCounter(name, tags, value);
      return;
    }
    Counter.builder(name).description(help).tags(ownTags(tags)).register(registry).increment(value);
  }

  @Override
  public void reportGauge(String name, Map<String, String> tags, double value) {
    String help = WorkflowMetrics.HELP.get(name);
    if (help == null) {
      sdk.reportGauge(name, tags, value);
      return;
    }
    Tags own = ownTags(tags);
    gauges.computeIfAbsent(name + own, key -> {
      GaugeValue holder = new GaugeValue();
      Gauge.builder(name, holder, GaugeValue::get).description(help).tags(own).register(registry);
      return holder;
    }).set(value);
  }

  @Override
  public void reportTimer(String name, Map<String, String> tags, Duration interval) {
    sdk.reportTimer(name, tags, interval);
  }

  @Override
  public void reportHistogramValueSamples(String name, Map<String, String> tags, Buckets buckets,
      double bucketLowerBound, double bucketUpperBound, long samples) {
    sdk.reportHistogramValueSamples(name, tags, buckets, bucketLowerBound, bucketUpperBound, samples);
  }

  @Override
  public void reportHistogramDurationSamples(String name, Map<String, String> tags, Buckets buckets,
      Duration bucketLowerBound, Duration bucketUpperBound, long samples) {
    sdk.reportHistogramDurationSamples(name, tags, buckets, bucketLowerBound, bucketUpperBound, samples);
  }

  @Override
  public Capabilities capabilities() {
    return sdk.capabilities();
  }

  @Override
  public void flush() {
    sdk.flush();
  }

  @Override
  public void close() {
    sdk.close();
  }

  private static Tags ownTags(Map<String, String> tags) {
    Map<String, String> own = new TreeMap<>();
    tags.forEach((key, value) -> {
      if (!SDK_SCOPE_TAGS.contains(key)) {
        own.put(key, value);
      }
    });
    return Tags.of(own.entrySet().stream()
        .map(e -> Tag.of(e.getKey(), e.getValue())).toList());
  }

  /** The latest value a workflow recorded; the registry holds the gauge, this holds the number. */
  private static final class GaugeValue {
    private volatile double value;

    double get() {
      return value;
    }

    void set(double value) {
      this.value = value;
    }
  }
}
