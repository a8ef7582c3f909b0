package com.avesa.cutover.worker;

import com.avesa.cutover.activities.account.AccountSetupActivitiesImpl;
import com.avesa.cutover.activities.approval.IdentityActivitiesImpl;
import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.baseline.SecurityBaselineActivitiesImpl;
import com.avesa.cutover.activities.cutover.CutoverActivitiesImpl;
import com.avesa.cutover.activities.cutover.DataFlowActivitiesImpl;
import com.avesa.cutover.activities.decommission.DecommissionActivitiesImpl;
import com.avesa.cutover.activities.infra.DeployCommands;
import com.avesa.cutover.activities.infra.InfrastructureActivitiesImpl;
import com.avesa.cutover.activities.migration.AccountActivitiesImpl;
import com.avesa.cutover.activities.migration.BucketActivitiesImpl;
import com.avesa.cutover.activities.migration.MigrationMetrics;
import com.avesa.cutover.activities.migration.SecretActivitiesImpl;
import com.avesa.cutover.activities.migration.TableActivitiesImpl;
import com.avesa.cutover.activities.schedule.SyncScheduleActivitiesImpl;
import com.avesa.cutover.activities.validation.ValidationActivitiesImpl;
import com.avesa.cutover.runtime.codec.AesGcmPayloadCodec;
import com.avesa.cutover.runtime.codec.CodecKeysException;
import com.avesa.cutover.runtime.codec.Keyring;
import com.avesa.cutover.runtime.codec.PayloadEncryption;
import com.avesa.cutover.runtime.dev.DevServer;
import com.avesa.cutover.workflows.TaskQueues;
import com.uber.m3.tally.Scope;
import com.uber.m3.tally.ScopeCloseException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
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
    return start(settings, deployCommands(System.getenv()), System.getenv(), dev, connectTimeout, metricsReportInterval);
  }

  /**
   * The same with the deploy commands its operator allows, and the environment a deploy command
   * takes {@code PATH} and {@code HOME} from.
   */
  public static WorkerProcess start(WorkerSettings settings, DeployCommands deployCommands,
      Map<String, String> workerEnvironment, boolean dev, Duration connectTimeout, Duration metricsReportInterval) {
    Deque<AutoCloseable> started = new ArrayDeque<>();
    try {
      Optional<AesGcmPayloadCodec> codec = payloadCodec();
      Optional<CodecSettings> codecSettings = codecSettings(settings);
      WorkerSettings effective = settings;
      if (dev) {
        DevServer server = DevServer.start(settings.temporalPort());
        started.push(server);
        effective = settings.withTemporalAddress("127.0.0.1", server.port());
        log.info("Temporal dev server listening on {} (embedded test server, in memory: runs are lost when"
            + " this process stops)", server.address());
      }
      PrometheusMeterRegistry registry = WorkerMetrics.registry();
      started.push(registry::close);
      Scope scope = TemporalConnection.metricsScope(registry, metricsReportInterval);
      started.push(() -> closeScope(scope));
      WorkflowServiceStubs stubs = TemporalConnection.connect(effective.temporal(), scope, connectTimeout);
      started.push(() -> shutdownStubs(stubs));
      PollingReadiness readiness = new PollingReadiness(stubs, effective.temporalAddress());
      MetricsServer metrics = MetricsServer.start(effective.metricsHost(), effective.metricsPort(), registry, readiness);
      started.push(metrics);
      Optional<CodecServer> codecServer = startCodecServer(codec, codecSettings);
      codecServer.ifPresent(started::push);
      AwsClients clients = new AwsClients();
      started.push(clients);
      DataConverter converter = codec.map(PayloadEncryption::dataConverter)
          .orElseGet(DefaultDataConverter::newDefaultInstance);
      WorkflowClient client = WorkflowClient.newInstance(stubs, WorkerHeartbeats.onlyWhereOffered(
          WorkflowClientOptions.newBuilder().setNamespace(effective.namespace()).setDataConverter(converter),
          stubs, effective.namespace(), connectTimeout).build());
      effective = versioning(effective, stubs, connectTimeout);
      WorkerFactory factory = WorkerFactory.newInstance(client);
      registerMigration(factory.newWorker(TaskQueues.AVESA_CUTOVER, WorkerPolling.workerOptions(effective.deployment())),
          clients, new MigrationMetrics(registry), new SyncScheduleActivitiesImpl(client, scheduleClient(stubs, client)),
          deployCommands, workerEnvironment);
      long warmUpStart = System.nanoTime();
      WorkflowWarmUp.Result warm = WorkflowWarmUp.warmUp(WorkerPolling.WORKFLOW_TYPES, converter);
      log.info("warmed up before polling in {} ms: {} classes loaded, {} workflow payload types converted",
          (System.nanoTime() - warmUpStart) / 1_000_000, warm.classes(), warm.payloadTypes());
      factory.start();
      readiness.polling(factory);
      log.info("avesa-worker polling task queue {} at {} (namespace {}); metrics at {}",
          TaskQueues.AVESA_CUTOVER, effective.temporalAddress(), effective.namespace(), metrics.metricsUrl());
      codec.ifPresent(c -> log.info("payloads encrypted (AES-256-GCM, key id {}); payloads that are not encrypted are {}",
          c.keyId(), c.acceptsPlaintext() ? "accepted (" + PayloadEncryption.ACCEPT_PLAINTEXT_VARIABLE + "=true)" : "refused"));
      log.info(codecLine(codec.isPresent(), codecServer, codecSettings));
      return new WorkerProcess(started, factory, metrics, effective.temporalAddress());
    } catch (RuntimeException e) {
      closeAll(started);
      throw e;
    }
  }

  /**
   * The settings to poll with: as they are when no deployment is set or the server has Worker
   * Deployments, else unversioned. Logs one line saying which.
   */
  private static WorkerSettings versioning(WorkerSettings settings, WorkflowServiceStubs stubs, Duration timeout) {
    WorkerDeployment deployment = settings.deployment();
    if (deployment == null) {
      log.info("worker versioning off: {} and {} are not set; this worker polls unversioned",
          WorkerDeployment.AVESA_DEPLOYMENT_NAME, WorkerDeployment.AVESA_BUILD_ID);
      return settings;
    }
    Optional<String> missing = WorkerPolling.missingWorkerDeployments(stubs, settings.namespace(), timeout);
    if (missing.isPresent()) {
      log.warn("worker versioning off: the Temporal server at {} has no Worker Deployments ({}); build {} polls"
          + " unversioned, so its runs are neither pinned nor upgraded", settings.temporalAddress(), missing.get(),
          deployment);
      return settings.unversioned();
    }
    log.info("worker versioning on: deployment {} build {}; cutover and rollback runs are pinned to the build that"
        + " started them, the other workflow types move to the current build", deployment.deploymentName(),
        deployment.buildId());
    return settings;
  }

  /** The Schedule API on the worker's connection, as {@code client}'s namespace, data converter and identity. */
  private static ScheduleClient scheduleClient(WorkflowServiceStubs stubs, WorkflowClient client) {
    return ScheduleClient.newInstance(stubs, ScheduleClientOptions.newBuilder()
        .setNamespace(client.getOptions().getNamespace())
        .setDataConverter(client.getOptions().getDataConverter())
        .setIdentity(client.getOptions().getIdentity())
        .build());
  }

  /**
   * The worker's payload codec {@code AVESA_CODEC_KEYS} or {@code AVESA_CODEC_KEY_FILE} configures,
   * if any: it refuses payloads that are not encrypted unless {@code AVESA_CODEC_ACCEPT_PLAINTEXT=true}.
   */
  private static Optional<AesGcmPayloadCodec> payloadCodec() {
    try {
      return PayloadEncryption.workerCodec(System.getenv());
    } catch (CodecKeysException e) {
      throw new WorkerSettings.InvalidSettingException(e.getMessage());
    }
  }

  /** The deploy commands the operator allows ({@code AVESA_DEPLOY_COMMANDS} in {@code env}); none when unset. */
  static DeployCommands deployCommands(Map<String, String> env) {
    try {
      return DeployCommands.fromEnvironment(env);
    } catch (DeployCommands.InvalidDeployCommandsException e) {
      throw new WorkerSettings.InvalidSettingException(e.getMessage());
    }
  }

  private static Optional<CodecSettings> codecSettings(WorkerSettings settings) {
    return CodecSettings.fromEnvironment(System.getenv(), settings.metricsHost());
  }

  /**
   * The codec endpoint, when there are keys and a token: it decodes payloads from before encryption
   * too, as the UI shows old runs.
   */
  private static Optional<CodecServer> startCodecServer(Optional<AesGcmPayloadCodec> codec,
      Optional<CodecSettings> settings) {
    if (codec.isEmpty() || settings.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(CodecServer.start(settings.get(), codec.get().acceptingPlaintext()));
  }

  private static String codecLine(boolean keys, Optional<CodecServer> server, Optional<CodecSettings> settings) {
    if (server.isEmpty()) {
      String keysNamed = Keyring.KEYS_VARIABLE + " (or " + Keyring.KEY_FILE_VARIABLE + ")";
      String missing = keys ? CodecSettings.TOKEN + " is not set"
          : settings.isPresent() ? keysNamed + " is not set" : "it needs " + keysNamed + " and " + CodecSettings.TOKEN;
      return "codec endpoint off: " + missing;
    }
    CodecSettings on = settings.orElseThrow();
    return "codec endpoint at http://" + on.host() + ":" + server.get().port() + CodecEndpoint.PATH
        + " (bearer token; hosts " + String.join(",", server.get().hosts()) + "; CORS origin " + on.origin()
        + "; bodies up to " + on.maxBodyBytes() + " bytes)";
  }

  private static void registerMigration(Worker worker, AwsClients clients, MigrationMetrics metrics,
      SyncScheduleActivitiesImpl syncSchedules, DeployCommands deployCommands, Map<String, String> workerEnvironment) {
    worker.registerWorkflowImplementationTypes(PayloadEncryption.workflowImplementationOptions(),
        WorkerPolling.WORKFLOW_TYPES.toArray(Class<?>[]::new));
    worker.registerActivitiesImplementations(
        new AccountActivitiesImpl(clients),
        new BucketActivitiesImpl(clients, metrics),
        new TableActivitiesImpl(clients, metrics),
        new SecretActivitiesImpl(clients, metrics),
        new CutoverActivitiesImpl(clients),
        new DataFlowActivitiesImpl(clients),
        new AccountSetupActivitiesImpl(clients),
        new SecurityBaselineActivitiesImpl(clients),
        new InfrastructureActivitiesImpl(clients, deployCommands, workerEnvironment),
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
