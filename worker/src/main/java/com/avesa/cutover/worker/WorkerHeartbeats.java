package com.avesa.cutover.worker;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.RecordWorkerHeartbeatRequest;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Worker heartbeats (the SDK reports its workers to the server every minute) only where the server
 * takes them. Left on against a server without them, the SDK's first report fails and it logs a
 * WARN on every start before turning them off itself. The embedded dev server (Temporal's test
 * server) even claims the capability but does not implement the call, so this asks both: the
 * namespace's capabilities, then an empty report.
 */
final class WorkerHeartbeats {
  /** A negative interval is the SDK's way to create no heartbeat manager at all. */
  static final Duration OFF = Duration.ofSeconds(-1);

  private WorkerHeartbeats() {}

  /**
   * Whether the server behind {@code stubs} takes worker heartbeats in {@code namespace}; true when
   * it does not answer in {@code timeout} (the SDK then decides, as it would without this).
   */
  static boolean offered(WorkflowServiceStubs stubs, String namespace, Duration timeout) {
    try {
      boolean claimed = stubs.blockingStub().withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .describeNamespace(DescribeNamespaceRequest.newBuilder().setNamespace(namespace).build())
          .getNamespaceInfo().getCapabilities().getWorkerHeartbeats();
      if (!claimed) {
        return false;
      }
      stubs.blockingStub().withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .recordWorkerHeartbeat(RecordWorkerHeartbeatRequest.newBuilder().setNamespace(namespace).build());
      return true;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode() != Status.Code.UNIMPLEMENTED;
    }
  }

  /** {@code options} with worker heartbeats off when the server does not take them. */
  static WorkflowClientOptions.Builder onlyWhereOffered(WorkflowClientOptions.Builder options,
      WorkflowServiceStubs stubs, String namespace, Duration timeout) {
    return offered(stubs, namespace, timeout) ? options : options.setWorkerHeartbeatInterval(OFF);
  }
}
