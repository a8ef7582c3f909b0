package com.avesa.cutover.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.avesa.cutover.runtime.dev.DevServer;
import com.avesa.cutover.workflows.TaskQueues;
import com.avesa.cutover.workflows.migration.DataMigrationWorkflow;
import com.avesa.cutover.workflows.sync.SyncHold;
import com.avesa.cutover.workflows.sync.SyncHoldRequest;
import com.avesa.cutover.workflows.sync.SyncScheduleActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.RetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class WorkerProcessTest {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REPORT_INTERVAL = Duration.ofMillis(200);

  private static DevServer temporal;
  private final List<WorkflowServiceStubs> clientStubs = new ArrayList<>();

  @BeforeAll
  static void startTemporal() {
    temporal = DevServer.start(0);
  }

  @AfterAll
  static void stopTemporal() {
    temporal.close();
  }

  @AfterEach
  void closeClients() {
    clientStubs.forEach(WorkflowServiceStubs::shutdownNow);
  }

  @Test
  void metricsCarryTheTemporalSdkMetricsAfterAPollWithBoundedBuckets() throws Exception {
    WorkerSettings settings = settings(temporal.address());
    try (WorkerProcess worker = WorkerProcess.start(settings, false, CONNECT_TIMEOUT, REPORT_INTERVAL)) {
      WorkflowStub run = startMigrationRun(temporal.address(), "metrics-probe");
      String metricsUrl = "http://127.0.0.1:" + worker.metricsPort() + "/metrics";
      try {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(Http.get(metricsUrl).body())
                .contains("temporal_workflow_task_queue_poll_succeed_total")
                .contains("worker_type=\"WorkflowWorker\""));
      } finally {
        run.terminate("test over");
      }
      String body = Http.get(metricsUrl).body();
      assertThat(body.lines().filter(line -> line.startsWith("temporal_workflow_task_queue_poll_succeed_total")))
          .isNotEmpty();
      assertThat(body).doesNotContain("namespace=\"").doesNotContain("task_queue=\"");
      // every timer the SDK registered has its fixed buckets plus +Inf, never its 69-bucket histogram
      assertThat(body.lines().filter(line -> line.contains("_seconds_bucket{"))
          .map(line -> line.replaceAll("le=\"[^\"]*\",?", "").replaceAll("\\s.*$", ""))
          .collect(java.util.stream.Collectors.groupingBy(series -> series, java.util.stream.Collectors.counting()))
          .values()).isNotEmpty().isSubsetOf((long) WorkerMetrics.TIMER_BUCKETS.size() + 1,
              (long) WorkerMetrics.WORKFLOW_TASK_BUCKETS.size() + 1);
      assertThat(Http.get("http://127.0.0.1:" + worker.metricsPort() + "/health").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void closingStopsTheMetricsServerLogsTheStopAndReleasesWaiters() throws Exception {
    Logger processLogger = (Logger) LoggerFactory.getLogger(WorkerProcess.class);
    ListAppender<ILoggingEvent> logged = attachedAppender(processLogger);
    WorkerProcess worker = WorkerProcess.start(settings(temporal.address()), false, CONNECT_TIMEOUT, REPORT_INTERVAL);
    String health = "http://127.0.0.1:" + worker.metricsPort() + "/health";
    assertThat(Http.get(health).statusCode()).isEqualTo(200);

    worker.close();
    worker.close();

    worker.awaitStopped();
    processLogger.detachAppender(logged);
    assertThatThrownBy(() -> Http.get(health)).isInstanceOf(IOException.class);
    assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
        .containsOnlyOnce("avesa-worker stopped");
  }

  @Test
  void devModeStartsItsOwnServerOnThePortOfTheTemporalAddressAndStopsIt() throws Exception {
    int port = Http.freePort();
    String address = "127.0.0.1:" + port;
    try (WorkerProcess worker = WorkerProcess.start(settings(address), true, CONNECT_TIMEOUT, REPORT_INTERVAL)) {
      assertThat(worker.temporalAddress()).isEqualTo(address);
      WorkflowStub run = startMigrationRun(address, "dev-probe");
      assertThat(run.getExecution().getRunId()).isNotBlank();
      run.terminate("test over");
    }
    assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void aVersionedWorkerOnAServerWithoutWorkerDeploymentsSaysSoOnceAndPollsUnversioned() {
    Logger processLogger = (Logger) LoggerFactory.getLogger(WorkerProcess.class);
    ListAppender<ILoggingEvent> logged = attachedAppender(processLogger);
    WorkerSettings versioned = WorkerSettings.fromEnvironment(Map.of("TEMPORAL_ADDRESS", temporal.address(),
        "METRICS_PORT", "0", "AVESA_DEPLOYMENT_NAME", "avesa-cutover", "AVESA_BUILD_ID", "2026.12.1"));
    try (WorkerProcess worker = WorkerProcess.start(versioned, false, CONNECT_TIMEOUT, REPORT_INTERVAL)) {
      WorkflowStub run = startMigrationRun(temporal.address(), "versioned-on-dev-server");
      try {
        await().atMost(Duration.ofSeconds(30)).until(() -> startedWorkflowTasks(run) > 0);
      } finally {
        run.terminate("test over");
      }
    } finally {
      processLogger.detachAppender(logged);
    }
    assertThat(logged.list).filteredOn(event -> event.getFormattedMessage().startsWith("worker versioning"))
        .singleElement()
        .satisfies(event -> assertThat(event.getFormattedMessage())
            .contains("worker versioning off: the Temporal server at " + temporal.address()
                + " has no Worker Deployments (UNIMPLEMENTED")
            .contains("build avesa-cutover.2026.12.1 polls unversioned"));
  }

  @Test
  void anUnversionedWorkerSaysVersioningIsOffInOneLine() {
    Logger processLogger = (Logger) LoggerFactory.getLogger(WorkerProcess.class);
    ListAppender<ILoggingEvent> logged = attachedAppender(processLogger);
    try (WorkerProcess worker = WorkerProcess.start(settings(temporal.address()), false, CONNECT_TIMEOUT,
        REPORT_INTERVAL)) {
      assertThat(worker.temporalAddress()).isEqualTo(temporal.address());
    } finally {
      processLogger.detachAppender(logged);
    }
    assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
        .filteredOn(message -> message.startsWith("worker versioning"))
        .containsExactly("worker versioning off: AVESA_DEPLOYMENT_NAME and AVESA_BUILD_ID are not set;"
            + " this worker polls unversioned");
  }

  private static ListAppender<ILoggingEvent> attachedAppender(Logger logger) {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    return appender;
  }

  /** Workflow tasks a worker took (the probe's null input fails them, which is fine here). */
  private long startedWorkflowTasks(WorkflowStub run) {
    WorkflowClient client = client(temporal.address());
    return client.fetchHistory(run.getExecution().getWorkflowId()).getEvents().stream()
        .filter(event -> event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED)
        .count();
  }

  @Test
  void theWorkerAnswersSyncHoldActivitiesEvenOnAServerWithoutSchedules() {
    try (WorkerProcess worker = WorkerProcess.start(settings(temporal.address()), false, CONNECT_TIMEOUT, REPORT_INTERVAL)) {
      WorkflowClient client = client(temporal.address());
      WorkerFactory probes = WorkerFactory.newInstance(client);
      probes.newWorker(SyncHoldProbe.TASK_QUEUE).registerWorkflowImplementationTypes(SyncHoldProbeImpl.class);
      probes.start();
      try {
        SyncHoldProbe probe = client.newWorkflowStub(SyncHoldProbe.class, WorkflowOptions.newBuilder()
            .setTaskQueue(SyncHoldProbe.TASK_QUEUE)
            .setWorkflowId("sync-hold-probe")
            .setWorkflowRunTimeout(Duration.ofMinutes(1))
            .build());

        assertThat(probe.describe("no-such-sync")).isEqualTo(SyncHold.none("no-such-sync"));
      } finally {
        probes.shutdownNow();
      }
    }
  }

  /** Calls the worker's {@link SyncScheduleActivities} from a task queue of its own. */
  @WorkflowInterface
  public interface SyncHoldProbe {
    String TASK_QUEUE = "sync-hold-probe";

    @WorkflowMethod
    SyncHold describe(String scheduleId);
  }

  public static class SyncHoldProbeImpl implements SyncHoldProbe {
    // One attempt: an activity the worker does not register fails the probe at once.
    private final SyncScheduleActivities syncs = Workflow.newActivityStub(SyncScheduleActivities.class,
        ActivityOptions.newBuilder()
            .setTaskQueue(TaskQueues.AVESA_CUTOVER)
            .setStartToCloseTimeout(Duration.ofSeconds(30))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
            .build());

    @Override
    public SyncHold describe(String scheduleId) {
      return syncs.describeSync(new SyncHoldRequest(scheduleId, "probe"));
    }
  }

  private static WorkerSettings settings(String temporalAddress) {
    return WorkerSettings.fromEnvironment(Map.of("TEMPORAL_ADDRESS", temporalAddress, "METRICS_PORT", "0"));
  }

  private WorkflowClient client(String address) {
    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
    clientStubs.add(stubs);
    return WorkflowClient.newInstance(stubs);
  }

  private WorkflowStub startMigrationRun(String address, String workflowId) {
    DataMigrationWorkflow workflow = client(address).newWorkflowStub(DataMigrationWorkflow.class,
        WorkflowOptions.newBuilder()
            .setTaskQueue(TaskQueues.AVESA_CUTOVER)
            .setWorkflowId(workflowId)
            .setWorkflowRunTimeout(Duration.ofMinutes(1))
            .build());
    WorkflowClient.start(workflow::migrate, null);
    return WorkflowStub.fromTyped(workflow);
  }
}
