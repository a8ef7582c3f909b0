package com.avesa.cutover.worker;

import com.avesa.cutover.runtime.connect.TemporalTarget;
import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Opens the gRPC connection to Temporal, failing fast and clearly when nobody answers. */
final class TemporalConnection {
  private TemporalConnection() {}

  /**
   * A tally scope that reports the Temporal SDK's metrics, and the workflow metrics without the SDK's
   * scope tags ({@link WorkflowMetricsReporter}), into {@code registry} every {@code interval}.
   */
  static Scope metricsScope(MeterRegistry registry, Duration interval) {
    return new RootScopeBuilder()
        .reporter(new WorkflowMetricsReporter(registry, new MicrometerClientStatsReporter(registry)))
        .reportEvery(com.uber.m3.util.Duration.ofMillis(interval.toMillis()));
  }

  /**
   * Connects to {@code target} (with its TLS files and API key, if any) and checks, within
   * {@code timeout}, that the server is healthy and knows the namespace.
   *
   * @throws WorkerSettings.InvalidSettingException when a certificate file cannot be used
   * @throws TemporalUnreachableException when the server does not answer; nothing is left open then
   */
  static WorkflowServiceStubs connect(TemporalTarget target, Scope scope, Duration timeout) {
    String address = target.address();
    String namespace = target.namespace();
    WorkflowServiceStubs stubs;
    try {
      stubs = WorkflowServiceStubs.newServiceStubs(target.serviceStubsOptions().setMetricsScope(scope).build());
    } catch (TemporalTarget.InvalidTargetException e) {
      throw new WorkerSettings.InvalidSettingException(e.getMessage());
    }
    try {
      checkHealth(stubs, timeout);
      stubs.blockingStub()
          .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .describeNamespace(DescribeNamespaceRequest.newBuilder().setNamespace(namespace).build());
      return stubs;
    } catch (StatusRuntimeException e) {
      stubs.shutdownNow();
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        throw new TemporalUnreachableException("Temporal at " + address + " has no namespace '" + namespace
            + "': create it, or set " + WorkerSettings.TEMPORAL_NAMESPACE + " to an existing one");
      }
      String reason = e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED
          ? "no answer within " + timeout.toMillis() + " ms"
          : e.getStatus().getCode().toString();
      throw unreachable(address, reason);
    } catch (RuntimeException e) {
      stubs.shutdownNow();
      throw unreachable(address, e.getClass().getSimpleName());
    }
  }

  /**
   * One health check that waits for the channel to connect (gRPC retries the connection meanwhile)
   * until the deadline, instead of failing on the first refused connection: a server that is still
   * starting gets the whole timeout.
   */
  private static void checkHealth(WorkflowServiceStubs stubs, Duration timeout) {
    HealthCheckResponse.ServingStatus status = servingStatus(stubs, timeout, true);
    if (status != HealthCheckResponse.ServingStatus.SERVING) {
      throw Status.UNAVAILABLE.withDescription("health " + status).asRuntimeException();
    }
  }

  /**
   * The server's answer to the gRPC health check of the workflow service within {@code timeout};
   * with {@code waitForReady} a channel that is not connected yet is retried until then.
   *
   * @throws StatusRuntimeException when it does not answer
   */
  static HealthCheckResponse.ServingStatus servingStatus(WorkflowServiceStubs stubs, Duration timeout,
      boolean waitForReady) {
    HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(stubs.getRawChannel())
        .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return (waitForReady ? health.withWaitForReady() : health)
        .check(HealthCheckRequest.newBuilder().setService(WorkflowServiceStubs.HEALTH_CHECK_SERVICE_NAME).build())
        .getStatus();
  }

  private static TemporalUnreachableException unreachable(String address, String reason) {
    return new TemporalUnreachableException("cannot reach Temporal at " + address + " (" + reason
        + "): start one with `bin/avesa dev-server`, or run `bin/avesa-worker --dev` for a worker with its own"
        + " embedded server, or set " + WorkerSettings.TEMPORAL_ADDRESS);
  }

  /** Temporal did not answer at start, or lacks the namespace. */
  static final class TemporalUnreachableException extends RuntimeException {
    TemporalUnreachableException(String message) {
      super(message);
    }
  }
}
