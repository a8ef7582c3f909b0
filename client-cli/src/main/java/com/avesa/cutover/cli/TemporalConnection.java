package com.avesa.cutover.cli;

import com.avesa.cutover.runtime.codec.CodecKeysException;
import com.avesa.cutover.runtime.codec.PayloadEncryption;
import com.avesa.cutover.runtime.connect.TemporalTarget;
import com.avesa.cutover.workflows.RunSearchAttributes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.SearchAttributes;
import io.temporal.common.converter.DataConverter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A checked connection to one Temporal namespace; close it to release the channel. */
final class TemporalConnection implements AutoCloseable {
  private final WorkflowServiceStubs stubs;
  private final WorkflowClient client;
  private final String namespace;
  private final String identity;
  private final boolean encrypted;
  private Optional<String> searchAttributesMissing;

  private TemporalConnection(WorkflowServiceStubs stubs, String namespace, DataConverter dataConverter,
      String identity, boolean encrypted) {
    this.stubs = stubs;
    this.namespace = namespace;
    this.identity = identity;
    this.encrypted = encrypted;
    this.client = WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder()
        .setNamespace(namespace).setDataConverter(dataConverter).setIdentity(identity).build());
  }

  /**
   * Connects to a plaintext server at {@code address} and checks that it answers within
   * {@code deadline}.
   *
   * @throws CliException with exit code 3 and a hint on how to start a server
   */
  static TemporalConnection open(String address, String namespace, Duration deadline) {
    return open(TemporalTarget.plain(address, namespace), deadline, Identity.resolve(null, System.getenv()));
  }

  /**
   * Connects to {@code target} as {@code identity} and checks that the server answers within
   * {@code deadline}.
   *
   * @throws CliException with exit code 2 when a certificate file cannot be used, 3 with a hint
   *     on how to start a server when nothing answers
   */
  static TemporalConnection open(TemporalTarget target, Duration deadline, String identity) {
    WorkflowServiceStubsOptions options;
    try {
      options = target.serviceStubsOptions().build();
    } catch (TemporalTarget.InvalidTargetException e) {
      throw new CliException(ExitCodes.USAGE, e.getMessage());
    }
    DataConverter dataConverter;
    boolean encrypted;
    try {
      dataConverter = PayloadEncryption.dataConverter(System.getenv());
      encrypted = PayloadEncryption.codec(System.getenv()).isPresent();
    } catch (CodecKeysException e) {
      throw new CliException(ExitCodes.USAGE, e.getMessage());
    }
    try {
      WorkflowServiceStubs stubs = WorkflowServiceStubs.newConnectedServiceStubs(options, deadline);
      return new TemporalConnection(stubs, target.namespace(), dataConverter, identity, encrypted);
    } catch (RuntimeException e) {
      throw target.usesTls() ? unreachableOverTls(target.address(), e) : unreachable(target.address());
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

  private static CliException unreachableOverTls(String address, RuntimeException e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().lines().findFirst().orElse("");
    return new CliException(ExitCodes.UNREACHABLE, "cannot reach Temporal at " + address + " over TLS (" + reason
        + "): check --address, the certificates and the API key");
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

  /**
   * The search attributes a new run of {@code kind} from config {@code configName} starts with: its
   * config and kind when the namespace has the run attributes; else none, and one warning line on
   * stderr (once per connection) saying why. With payload encryption on ({@code AVESA_CODEC_KEYS}),
   * none: search attributes are stored and indexed in plaintext by the server, so they would put the
   * config name, phase and outcome next to the encrypted payloads.
   */
  SearchAttributes runSearchAttributes(String configName, String kind) {
    if (encrypted) {
      return null;
    }
    if (searchAttributesMissing == null) {
      searchAttributesMissing = NamespaceSearchAttributes.missing(stubs, namespace);
      searchAttributesMissing.ifPresent(why -> System.err.println(NamespaceSearchAttributes.warning(why)));
    }
    return searchAttributesMissing.isPresent() ? null : RunSearchAttributes.atStart(configName, kind);
  }

  /** Who this connection acts as: the client identity, and the name approvals record. */
  String identity() {
    return identity;
  }

  @Override
  public void close() {
    stubs.shutdownNow();
    stubs.awaitTermination(2, TimeUnit.SECONDS);
  }
}
