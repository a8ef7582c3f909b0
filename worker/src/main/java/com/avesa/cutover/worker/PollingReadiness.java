package com.avesa.cutover.worker;

import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether the worker can poll, for {@code /health}: its workers are started and not shutting down,
 * and the Temporal server answers its health check on the worker's own connection within
 * {@link #CHECK_TIMEOUT}. Gives the reason when it cannot, else empty.
 */
final class PollingReadiness implements Supplier<Optional<String>> {
  static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);

  private final WorkflowServiceStubs stubs;
  private final String temporalAddress;
  private volatile WorkerFactory factory;

  PollingReadiness(WorkflowServiceStubs stubs, String temporalAddress) {
    this.stubs = stubs;
    this.temporalAddress = temporalAddress;
  }

  /** The workers have started polling through {@code factory}. */
  void polling(WorkerFactory factory) {
    this.factory = factory;
  }

  @Override
  public Optional<String> get() {
    WorkerFactory polling = factory;
    if (polling == null || !polling.isStarted()) {
      return Optional.of("the worker has not started polling yet");
    }
    if (polling.isShutdown()) {
      return Optional.of("the worker is stopping and no longer polls");
    }
    try {
      HealthCheckResponse.ServingStatus status = TemporalConnection.servingStatus(stubs, CHECK_TIMEOUT, false);
      return status == HealthCheckResponse.ServingStatus.SERVING ? Optional.empty()
          : Optional.of("Temporal at " + temporalAddress + " is " + status + ", so the worker cannot poll");
    } catch (StatusRuntimeException e) {
      return Optional.of("cannot reach Temporal at " + temporalAddress + " (" + e.getStatus().getCode()
          + "), so the worker cannot poll");
    }
  }
}
