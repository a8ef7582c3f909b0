package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.ActivityRetries;
import com.avesa.cutover.workflows.Deadlines;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.config.MonitorConfig;
import com.avesa.cutover.workflows.run.WorkflowClock;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Monitoring's data-flow checks ({@code cutover.monitor}): after the switch every tenant with active
 * services must get a new object under {@code raw/{tenant}/}, and the target functions must be
 * invoked, within {@code within}; their errors must stay at most {@code maxErrors} all along.
 * Tenants found once are not listed again.
 */
final class DataFlowWatch {
  /** Change id: monitoring reads the data-flow checks {@code cutover.monitor} names. */
  static final String MONITOR_DATA_FLOW = "monitor-data-flow";

  // Listing a tenant's raw/ prefix stops at its first new object, but a large lake may take minutes.
  private final DataFlowActivities dataFlow = Workflow.newActivityStub(DataFlowActivities.class,
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(5))
          .setRetryOptions(ActivityRetries.transientErrors(Duration.ofSeconds(30), 10))
          .build());

  private final MigrationConfig config;
  private final MonitorConfig monitor;
  private final Instant since;
  private final Instant deadline;
  private final TreeSet<String> seen = new TreeSet<>();
  private List<String> activeTenants = List.of();
  private List<String> functions = List.of();
  private long invocations;
  private long errors;
  private boolean read;

  /** @param since the switch (DNS, else target ingestion): data after it counts */
  DataFlowWatch(MigrationConfig config, Instant since) {
    this.config = config;
    this.monitor = config.cutover().monitor();
    this.since = since;
    this.deadline = Deadlines.plus(since, monitor.within(config.cutover().monitorFor()));
  }

  /** When the data must have arrived. */
  Instant deadline() {
    return deadline;
  }

  /** Whether another read can change anything: data still missing, or errors still counted. */
  boolean watching() {
    return !read || !missing().isEmpty() || monitor.invocations();
  }

  /** Reads the target once; returns why to roll back, or null. */
  String check() {
    DataFlowCheck c = dataFlow.readDataFlow(new DataFlowRequest(config.estate(), since, monitor.newObjects(),
        config.runbook().tenants().table(), config.runbook().tenants().bucket(), List.copyOf(seen),
        monitor.invocations(), monitor.functions(), config.cutover().targetRules()));
    read = true;
    seen.addAll(c.tenantsWithNewObjects());
    activeTenants = c.activeTenants();
    functions = c.functions();
    invocations = c.invocations();
    errors = c.errors();
    if (monitor.invocations() && errors > monitor.maxErrors()) {
      return "target functions " + String.join(", ", functions) + " reported " + errors + " error(s) since the switch at "
          + since + " (cutover.monitor.maxErrors " + monitor.maxErrors() + ")";
    }
    List<String> missing = missing();
    if (!missing.isEmpty() && !WorkflowClock.now().isBefore(deadline)) {
      return "no new data within " + monitor.within(config.cutover().monitorFor()) + " of the switch at " + since
          + ": " + String.join("; ", missing);
    }
    return null;
  }

  /** What has not arrived yet, one phrase each. */
  List<String> missing() {
    List<String> missing = new ArrayList<>();
    if (monitor.newObjects()) {
      if (activeTenants.isEmpty()) {
        missing.add("no tenant with active services in " + config.runbook().tenants().table() + " to expect data from");
      }
      List<String> without = activeTenants.stream().filter(t -> !seen.contains(t)).map(t -> "raw/" + t + "/").toList();
      if (!without.isEmpty()) {
        missing.add("no new object under " + String.join(", ", without) + " in " + config.runbook().tenants().bucket());
      }
    }
    if (monitor.invocations() && invocations == 0) {
      missing.add(functions.isEmpty() ? "no target function to read Invocations of (name cutover.monitor.functions)"
          : "no Invocations of " + String.join(", ", functions));
    }
    return missing;
  }

  /** One line for the step: what arrived so far. */
  String summary() {
    List<String> parts = new ArrayList<>();
    if (monitor.newObjects()) {
      parts.add("new objects from " + seen.size() + " of " + activeTenants.size() + " tenant(s)");
    }
    if (monitor.invocations()) {
      parts.add(invocations + " invocation(s), " + errors + " error(s)");
    }
    return String.join(", ", parts);
  }
}
