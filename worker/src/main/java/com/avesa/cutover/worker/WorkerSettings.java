package com.avesa.cutover.worker;

import java.util.Map;

/**
 * The worker's settings, read from the environment: where Temporal is, which namespace, and the
 * port of the loopback metrics server.
 *
 * @param temporalAddress {@code host:port} of the Temporal frontend
 * @param temporalHost the host part of {@code temporalAddress}
 * @param temporalPort the port part of {@code temporalAddress}
 * @param namespace the Temporal namespace to poll in
 * @param metricsPort the port of {@code http://127.0.0.1:PORT/metrics}; 0 picks a free one
 */
public record WorkerSettings(
    String temporalAddress, String temporalHost, int temporalPort, String namespace, int metricsPort) {

  public static final String TEMPORAL_ADDRESS = "TEMPORAL_ADDRESS";
  public static final String TEMPORAL_NAMESPACE = "TEMPORAL_NAMESPACE";
  public static final String METRICS_PORT = "METRICS_PORT";

  public static final String DEFAULT_TEMPORAL_ADDRESS = "127.0.0.1:7233";
  public static final String DEFAULT_NAMESPACE = "default";
  public static final int DEFAULT_METRICS_PORT = 9464;

  /**
   * Reads the settings from {@code env}; unset or blank variables take their defaults.
   *
   * @throws InvalidSettingException naming the variable and what is wrong with its value
   */
  public static WorkerSettings fromEnvironment(Map<String, String> env) {
    String address = valueOr(env, TEMPORAL_ADDRESS, DEFAULT_TEMPORAL_ADDRESS);
    int colon = address.lastIndexOf(':');
    if (colon <= 0 || colon == address.length() - 1) {
      throw new InvalidSettingException(TEMPORAL_ADDRESS, address, "expected host:port, e.g. 127.0.0.1:7233");
    }
    String host = address.substring(0, colon);
    int temporalPort = parsePort(TEMPORAL_ADDRESS, address, address.substring(colon + 1), 1);
    String namespace = valueOr(env, TEMPORAL_NAMESPACE, DEFAULT_NAMESPACE);
    String metricsText = valueOr(env, METRICS_PORT, Integer.toString(DEFAULT_METRICS_PORT));
    int metricsPort = parsePort(METRICS_PORT, metricsText, metricsText, 0);
    return new WorkerSettings(address, host, temporalPort, namespace, metricsPort);
  }

  /** The same settings with Temporal at {@code address} (used when the dev server picked the port). */
  public WorkerSettings withTemporalAddress(String host, int port) {
    return new WorkerSettings(host + ":" + port, host, port, namespace, metricsPort);
  }

  private static String valueOr(Map<String, String> env, String name, String fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  private static int parsePort(String variable, String value, String portText, int lowest) {
    int port;
    try {
      port = Integer.parseInt(portText);
    } catch (NumberFormatException e) {
      throw new InvalidSettingException(variable, value, "the port is not a number");
    }
    if (port < lowest || port > 65_535) {
      throw new InvalidSettingException(variable, value, "the port must be between " + lowest + " and 65535");
    }
    return port;
  }

  /** A setting from the environment that cannot be used; the message names the variable. */
  public static final class InvalidSettingException extends IllegalArgumentException {
    InvalidSettingException(String variable, String value, String problem) {
      super(variable + "=" + value + ": " + problem);
    }
  }
}
