package com.avesa.cutover.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** Where the Temporal server is: the options of every command that talks to it. */
final class TemporalOptions {
  static final String DEFAULT_ADDRESS = "127.0.0.1:7233";
  static final Duration REACH_DEADLINE = Duration.ofSeconds(3);

  @Option(
      names = "--address",
      paramLabel = "HOST:PORT",
      defaultValue = "${env:TEMPORAL_ADDRESS:-" + DEFAULT_ADDRESS + "}",
      description = "Temporal frontend (default: env TEMPORAL_ADDRESS, else " + DEFAULT_ADDRESS + ").")
  String address;

  @Option(
      names = "--namespace",
      paramLabel = "NAME",
      defaultValue = "${env:TEMPORAL_NAMESPACE:-default}",
      description = "Temporal namespace (default: env TEMPORAL_NAMESPACE, else default).")
  String namespace;

  /** Connects, failing with exit code 3 when the server does not answer in time. */
  TemporalConnection connect() {
    return TemporalConnection.open(address, namespace, REACH_DEADLINE);
  }
}
