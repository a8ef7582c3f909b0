package com.avesa.cutover.worker;

import com.avesa.cutover.activities.approval.IdentityActivitiesImpl;
import com.avesa.cutover.activities.AccountActivitiesImpl;
import com.avesa.cutover.activities.AwsClients;
import com.avesa.cutover.activities.BucketActivitiesImpl;
import com.avesa.cutover.activities.CutoverActivitiesImpl;
import com.avesa.cutover.activities.MigrationMetrics;
import com.avesa.cutover.activities.SecretActivitiesImpl;
import com.avesa.cutover.activities.TableActivitiesImpl;
import com.avesa.cutover.activities.account.AccountSetupActivitiesImpl;
import com.avesa.cutover.activities.baseline.SecurityBaselineActivitiesImpl;
import com.avesa.cutover.activities.decommission.DecommissionActivitiesImpl;
import com.avesa.cutover.activities.infra.InfrastructureActivitiesImpl;
import com.avesa.cutover.activities.schedule.SyncScheduleActivitiesImpl;
import com.avesa.cutover.activities.validation.ValidationActivitiesImpl;
import com.avesa.cutover.workflows.TaskQueues;
import com.avesa.cutover.workflows.codec.AesGcmPayloadCodec;
import com.avesa.cutover.workflows.codec.CodecKeysException;
import com.avesa.cutover.workflows.codec.PayloadEncryption;
import com.avesa.cutover.workflows.dev.DevServer;
import com.avesa.cutover.workflows.migration.DataMigrationWorkflowImpl;
import com.avesa.cutover.workflows.sync.FinalSyncWorkflowImpl;
import com.avesa.cutover.workflows.cutover.CutoverWorkflowImpl;
import com.avesa.cutover.workflows.cutover.RollbackWorkflowImpl;
import com.avesa.cutover.workflows.account.AccountSetupWorkflowImpl;
import com.avesa.cutover.workflows.decommission.DecommissionWorkflowImpl;
import com.avesa.cutover.workflows.infra.InfrastructureWorkflowImpl;
import com.avesa.cutover.workflows.isolation.ProductionIsolationWorkflowImpl;
import com.avesa.cutover.workflows.smoke.SmokeTestWorkflowImpl;
import com.avesa.cutover.workflows.validation.PostCutoverValidationWorkflowImpl;
import com.uber.m3.tally.Scope;
import com.uber.m3.tally.ScopeCloseException;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running worker: optionally the embedded dev server, the Temporal connection, the metrics
 * server, the AWS clients and the worker polling {@link TaskQueues#AVESA_CUTOVER}. {@link #close()}
 * stops them gracefully, in reverse order of start.
 */
public final class WorkerProcess implements AutoCloseable {
  /** How long {@link #close()} lets running activities finish before it abandons them. */
  public static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(WorkerProcess.class);

  private final Deque<AutoCloseable> started;
  private final WorkerFactory factory;
  private final MetricsServer metrics;
  private final String temporalAddress;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private boolean closed;

  private WorkerProcess(Deque<AutoCloseable> started, WorkerFactory factory, MetricsServer metrics,
      String temporalAddress) {
    this.started = started;
    this.factory = factory;
    this.metrics = metrics;
    this.temporalAddress = temporalAddress;
  }

  /**
   * Starts everything; when a step fails, what was already started is closed before the failure
   * propagates.
   *
   * @param dev start the embedded dev server on the port of {@code settings.temporalAddress()} first
   * @param connectTimeout how long to wait for Temporal to answer
   * @param metricsReportInterval how often the Temporal SDK's metrics are pushed into the registry
   * @throws TemporalConnection.TemporalUnreachableException when Temporal does not answer
   * @throws MetricsServer.PortInUseException when the metrics port is taken
   */
  public static WorkerProcess start(WorkerSettings settings, boolean dev, Duration connectTimeout,
      Duration metricsReportInterval) {
    Deque<AutoCloseable> started = new ArrayDeque<>();
    try {
      Optional<AesGcmPayloadCodec> codec = payloadCodec();
      WorkerSettings effective = settings;
      if (dev) {
        DevServer server = DevServer.start(settings.temporalPort());
        started.push(server);
        effective = settings.withTemporalAddress("127.0.0.1", server.port());
        log.info("Temporal dev server listening on {} (embedded test server, in memory: runs are lost when"
            + " this process stops)", server.address());
      }
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      started.push(registry::close);
      Scope scope = TemporalConnection.metricsScope(registry, metricsReportInterval);
      started.push(() -> closeScope(scope));
      WorkflowServiceStubs stubs = TemporalConnection.connect(effective.temporal(), scope, connectTimeout);
      started.push(() -> shutdownStubs(stubs));
      MetricsServer metrics = MetricsServer.start(effective.metricsHost(), effective.metricsPort(), registry,
          codec.map(c -> CodecEndpoint.fromEnvironment(c, System.getenv())).orElse(null));
      started.push(metrics);
      AwsClients clients = new AwsClients();
      started.push(clients);
      WorkflowClient client = WorkflowClient.newInstance(stubs,
          WorkflowClientOptions.newBuilder().setNamespace(effective.namespace())
              .setDataConverter(codec.map(PayloadEncryption::dataConverter).orElseGet(DefaultDataConverter::newDefaultInstance))
              .build());
      WorkerFactory factory = WorkerFactory.newInstance(client);
      registerMigration(factory.newWorker(TaskQueues.AVESA_CUTOVER), clients, new MigrationMetrics(registry),
          new SyncScheduleActivitiesImpl(client, scheduleClient(stubs, client)));
      factory.start();
      log.info("avesa-worker polling task queue {} at {} (namespace {}); metrics at {}",
          TaskQueues.AVESA_CUTOVER, effective.temporalAddress(), effective.namespace(), metrics.metricsUrl());
      codec.ifPresent(c -> log.info("payloads encrypted (AES-256-GCM, key id {}); codec endpoint at {}", c.keyId(),
          metrics.metricsUrl().replaceFirst("/metrics$", CodecEndpoint.PATH)));
      return new WorkerProcess(started, factory, metrics, effective.temporalAddress());
    } catch (RuntimeException e) {
      closeAll(started);
      throw e;
    }
  }

  /** The Schedule API on the worker's connection, as {@code client}'s namespace, data converter and identity. */
  private static ScheduleClient scheduleClient(WorkflowServiceStubs stubs, WorkflowClient client) {
    return ScheduleClient.newInstance(stubs, ScheduleClientOptions.newBuilder()
        .setNamespace(client.getOptions().getNamespace())
        .setDataConverter(client.getOptions().getDataConverter())
        .setIdentity(client.getOptions().getIdentity())
        .build());
  }

  /** The payload codec {@code AVESA_CODEC_KEYS} or {@code AVESA_CODEC_KEY_FILE} configures, if any. */
  private static Optional<AesGcmPayloadCodec> payloadCodec() {
    try {
      return PayloadEncryption.codec(System.getenv());
    } catch (CodecKeysException e) {
      throw new WorkerSettings.InvalidSettingException(e.getMessage());
    }
  }

  private static void registerMigration(Worker worker, AwsClients clients, MigrationMetrics metrics,
      SyncScheduleActivitiesImpl syncSchedules) {
    worker.registerWorkflowImplementationTypes(DataMigrationWorkflowImpl.class, FinalSyncWorkflowImpl.class,
        CutoverWorkflowImpl.class, RollbackWorkflowImpl.class, AccountSetupWorkflowImpl.class,
        InfrastructureWorkflowImpl.class,
        SmokeTestWorkflowImpl.class, PostCutoverValidationWorkflowImpl.class, DecommissionWorkflowImpl.class,
        ProductionIsolationWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new AccountActivitiesImpl(clients),
        new BucketActivitiesImpl(clients, metrics),
        new TableActivitiesImpl(clients, metrics),
        new SecretActivitiesImpl(clients, metrics),
        new CutoverActivitiesImpl(clients),
        new AccountSetupActivitiesImpl(clients),
        new SecurityBaselineActivitiesImpl(clients),
        new InfrastructureActivitiesImpl(clients),
        new ValidationActivitiesImpl(clients),
        new DecommissionActivitiesImpl(clients),
        new IdentityActivitiesImpl(),
        syncSchedules);
  }

  /** The port the metrics server actually bound. */
  public int metricsPort() {
    return metrics.port();
  }

  /** The {@code host:port} the worker polls (the dev server's when started with it). */
  public String temporalAddress() {
    return temporalAddress;
  }

  /** Blocks until {@link #close()} has finished. */
  public void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  /**
   * Stops polling, lets running activities finish for up to {@link #SHUTDOWN_GRACE}, then closes the
   * metrics server, the AWS clients, the connection and the dev server. Idempotent.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    log.info("avesa-worker stopping: no new tasks; waiting up to {} s for running activities",
        SHUTDOWN_GRACE.toSeconds());
    factory.shutdown();
    factory.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    if (!factory.isTerminated()) {
      log.warn("activities still running after {} s are abandoned; Temporal retries them elsewhere",
          SHUTDOWN_GRACE.toSeconds());
      factory.shutdownNow();
    }
    closeAll(started);
    log.info("avesa-worker stopped");
    stopped.countDown();
  }

  private static void closeAll(Deque<AutoCloseable> started) {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        log.warn("while stopping: {}", e.toString());
      }
    }
  }

  private static void shutdownStubs(WorkflowServiceStubs stubs) throws InterruptedException {
    stubs.shutdown();
    if (!stubs.awaitTermination(5, TimeUnit.SECONDS)) {
      stubs.shutdownNow();
    }
  }

  private static void closeScope(Scope scope) throws ScopeCloseException {
    scope.close();
  }
}
