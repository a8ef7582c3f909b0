package com.avesa.cutover.cli;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A checked connection to one Temporal namespace; close it to release the channel. */
final class TemporalConnection implements AutoCloseable {
  private final WorkflowServiceStubs stubs;
  private final WorkflowClient client;
  private final String namespace;

  private TemporalConnection(WorkflowServiceStubs stubs, String namespace) {
    this.stubs = stubs;
    this.namespace = namespace;
    this.client = WorkflowClient.newInstance(stubs,
        WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
  }

  /**
   * Connects to {@code address} and checks that the server answers within {@code deadline}.
   *
   * @throws CliException with exit code 3 and a hint on how to start a server
   */
  static TemporalConnection open(String address, String namespace, Duration deadline) {
    try {
      WorkflowServiceStubs stubs = WorkflowServiceStubs.newConnectedServiceStubs(
          WorkflowServiceStubsOptions.newBuilder().setTarget(address).build(), deadline);
      return new TemporalConnection(stubs, namespace);
    } catch (RuntimeException e) {
      throw unreachable(address);
    }
  }

  /** True when a Temporal server answers at {@code address} within {@code deadline}. */
  static boolean reachable(String address, Duration deadline) {
    try (TemporalConnection ignored = open(address, "default", deadline)) {
      return true;
    } catch (CliException e) {
      return false;
    }
  }

  static CliException unreachable(String address) {
    return new CliException(ExitCodes.UNREACHABLE, "cannot reach Temporal at " + address
        + ": start one with `bin/avesa dev-server` or `bin/avesa-worker --dev`, or pass --address");
  }

  WorkflowClient client() {
    return client;
  }

  WorkflowServiceStubs stubs() {
    return stubs;
  }

  String namespace() {
    return namespace;
  }

  @Override
  public void close() {
    stubs.shutdownNow();
    stubs.awaitTermination(2, TimeUnit.SECONDS);
  }
}
