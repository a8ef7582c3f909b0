package com.avesa.cutover.workflows;

import io.temporal.workflow.Workflow;
import java.util.HashMap;
import java.util.Map;

/**
 * A workflow's current phase as a metric: the gauge {@code metric{phase=P, ...tags}} is 1 for the
 * phase the run is in and 0 for the one it left, so a dashboard can show where each run is.
 * Workflow-thread only (Temporal's workflow metrics scope does not report during replay).
 */
public final class PhaseGauge {
  private final String metric;
  private final Map<String, String> tags;
  private String current;

  public PhaseGauge(String metric, Map<String, String> tags) {
    this.metric = metric;
    this.tags = Map.copyOf(tags);
  }

  public void enter(String phase) {
    if (phase == null || phase.equals(current)) {
      return;
    }
    if (current != null) {
      set(current, 0);
    }
    set(phase, 1);
    current = phase;
  }

  private void set(String phase, double value) {
    Map<String, String> all = new HashMap<>(tags);
    all.put("phase", phase);
    Workflow.getMetricsScope().tagged(all).gauge(metric).update(value);
  }
}
