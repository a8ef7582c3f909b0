package com.avesa.cutover.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.avesa.cutover.runtime.dev.DevServer;
import com.avesa.cutover.workflows.WorkflowMetrics;
import com.uber.m3.tally.Scope;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WorkerMetricsTest {
  private final PrometheusMeterRegistry registry = WorkerMetrics.registry();

  @Test
  void aDashboardTimerPublishesTheFixedBucketsAndTheOthersNone() {
    Timer timer = Timer.builder("temporal_workflow_task_execution_latency").publishPercentileHistogram(true)
        .tag("workflow_type", "CutoverWorkflow").register(registry);
    timer.record(Duration.ofMillis(30));
    Timer.builder("temporal_request_latency").publishPercentileHistogram(true).tag("operation", "PollWorkflowTaskQueue")
        .register(registry).record(Duration.ofMillis(30));

    String scrape = registry.scrape();
    List<String> buckets = lines(scrape, "temporal_workflow_task_execution_latency_seconds_bucket");

    assertThat(buckets).hasSize(WorkerMetrics.WORKFLOW_TASK_BUCKETS.size() + 1);
    assertThat(buckets).anySatisfy(line -> assertThat(line).contains("le=\"0.05\"").endsWith(" 1"));
    assertThat(buckets).noneMatch(line -> line.contains("le=\"3600.0\"") || line.contains("le=\"600.0\""));
    Timer.builder("temporal_activity_execution_latency").publishPercentileHistogram(true)
        .tag("activity_type", "CopyPage").register(registry).record(Duration.ofMinutes(2));
    assertThat(lines(registry.scrape(), "temporal_activity_execution_latency_seconds_bucket"))
        .hasSize(WorkerMetrics.TIMER_BUCKETS.size() + 1)
        .anySatisfy(line -> assertThat(line).contains("le=\"600.0\"").endsWith(" 1"));
    assertThat(lines(scrape, "temporal_request_latency_seconds_bucket")).isEmpty();
    assertThat(lines(scrape, "temporal_request_latency_seconds_count")).singleElement().asString().endsWith(" 1");
  }

  @Test
  void theSdksLabelsThatTellNothingAreDroppedFromEveryItsSeries() {
    registry.counter("temporal_request", "namespace", "default", "task_queue", "avesa-cutover", "operation",
        "StartWorkflowExecution", "exception", "none", "status_code", "none", "workflow_type", "CutoverWorkflow").increment();
    registry.counter("temporal_request", "operation", "RespondActivityTaskCompleted", "activity_type", "CopyPage",
        "workflow_type", "DataMigrationWorkflow").increment();
    registry.counter("temporal_request", "operation", "RespondActivityTaskCompleted", "activity_type", "ScanPlan",
        "workflow_type", "DataMigrationWorkflow").increment();
    registry.counter("temporal_activity_execution_failed", "activity_type", "CopyPage", "workflow_type",
        "DataMigrationWorkflow", "operation", "none", "namespace", "default").increment();

    String scrape = registry.scrape();

    // the server calls by operation only: one series per operation, whatever activity or workflow made them
    assertThat(lines(scrape, "temporal_request_total")).containsExactlyInAnyOrder(
        "temporal_request_total{operation=\"RespondActivityTaskCompleted\"} 2.0",
        "temporal_request_total{operation=\"StartWorkflowExecution\"} 1.0");
    assertThat(lines(scrape, "temporal_activity_execution_failed_total")).singleElement().asString()
        .isEqualTo("temporal_activity_execution_failed_total{activity_type=\"CopyPage\"} 1.0");
  }

  @Test
  void everyMetricHasAHelpText() {
    registry.counter("temporal_request").increment();
    registry.gauge("temporal_num_pollers", 2);
    Timer.builder("temporal_activity_execution_latency").register(registry).record(Duration.ofSeconds(1));

    String scrape = registry.scrape();

    Set<String> named = Arrays.stream(scrape.split("\n")).filter(l -> l.startsWith("# TYPE "))
        .map(l -> l.split(" ")[2]).collect(Collectors.toSet());
    assertThat(named).hasSize(4);
    for (String name : named) {
      assertThat(scrape).containsPattern("(?m)^# HELP " + name + " \\S.*$");
    }
  }

  /**
   * A workflow records through {@code Workflow.getMetricsScope()} on a real Temporal server and
   * worker connection built as the worker builds it: the scrape shows the workflow metric with its
   * HELP and its own tags only, while the SDK's metrics keep theirs.
   */
  @Test
  void workflowMetricsCarryTheirHelpAndOnlyTheirOwnTags() throws Exception {
    try (DevServer temporal = DevServer.start(0)) {
      Scope scope = TemporalConnection.metricsScope(registry, Duration.ofMillis(100));
      WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
          .setTarget(temporal.address()).setMetricsScope(scope).build());
      try {
        WorkflowClient client = WorkflowClient.newInstance(stubs, WorkflowClientOptions.getDefaultInstance());
        WorkerFactory factory = WorkerFactory.newInstance(client);
        factory.newWorker(LagRecorder.TASK_QUEUE).registerWorkflowImplementationTypes(LagRecorderImpl.class);
        factory.start();
        try {
          client.newWorkflowStub(LagRecorder.class, WorkflowOptions.newBuilder()
              .setTaskQueue(LagRecorder.TASK_QUEUE).setWorkflowId("lag-recorder").build()).record("avesa-demo");

          await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(registry.scrape())
              .contains("avesa_sync_lag_objects{config=\"avesa-demo\"} 42.0")
              .contains("avesa_sync_runs_total{config=\"avesa-demo\",status=\"VERIFIED\"} 1.0"));
        } finally {
          factory.shutdownNow();
        }
      } finally {
        stubs.shutdownNow();
        scope.close();
      }
      String scrape = registry.scrape();
      assertThat(lines(scrape, "avesa_")).isNotEmpty().noneMatch(line -> line.contains("none"))
          .noneMatch(line -> line.contains("workflow_type")).noneMatch(line -> line.contains("namespace"));
      assertThat(scrape).contains("# HELP avesa_sync_lag_objects " + WorkflowMetrics.HELP.get(WorkflowMetrics.SYNC_LAG_OBJECTS));
      assertThat(scrape).contains("temporal_workflow_completed_total{").contains("workflow_type=\"LagRecorder\"");
    }
  }

  private static List<String> lines(String scrape, String prefix) {
    return Arrays.stream(scrape.split("\n")).filter(line -> line.startsWith(prefix)).toList();
  }

  @WorkflowInterface
  public interface LagRecorder {
    String TASK_QUEUE = "lag-recorder";

    @WorkflowMethod
    void record(String config);
  }

  public static class LagRecorderImpl implements LagRecorder {
    @Override
    public void record(String config) {
      Scope scope = Workflow.getMetricsScope().tagged(Map.of("config", config));
      scope.gauge(WorkflowMetrics.SYNC_LAG_OBJECTS).update(42);
      scope.tagged(Map.of("status", "VERIFIED")).counter(WorkflowMetrics.SYNC_RUNS).inc(1);
    }
  }
}
