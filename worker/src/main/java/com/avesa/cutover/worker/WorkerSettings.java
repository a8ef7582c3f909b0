package com.avesa.cutover.worker;

import com.avesa.cutover.runtime.connect.TemporalProfile;
import com.avesa.cutover.runtime.connect.TemporalTarget;
import java.nio.file.Path;
import java.util.Map;

/**
 * The worker's settings, read from the environment: where Temporal is, which namespace, and the
 * address and port of the metrics server (loopback unless {@code METRICS_HOST} says otherwise,
 * e.g. {@code 0.0.0.0} inside a container so that Prometheus can scrape it).
 *
 * @param temporalAddress {@code host:port} of the Temporal frontend
 * @param temporalHost the host part of {@code temporalAddress}
 * @param temporalPort the port part of {@code temporalAddress}
 * @param namespace the Temporal namespace to poll in
 * @param metricsPort the port of {@code http://127.0.0.1:PORT/metrics}; 0 picks a free one
 * @param metricsHost the address the metrics server binds: {@code 127.0.0.1} by default,
 *     {@code 0.0.0.0} to serve on every interface (only inside a container or behind a firewall)
 * @param temporal the same address and namespace with the TLS files and API key from
 *     {@code TEMPORAL_TLS_CERT}, {@code TEMPORAL_TLS_KEY}, {@code TEMPORAL_TLS_CA} and
 *     {@code TEMPORAL_API_KEY}; its {@code toString} never shows the key
 * @param deployment the Worker Deployment Version to poll as, or {@code null}: unversioned
 */
public record WorkerSettings(
    String temporalAddress, String temporalHost, int temporalPort, String namespace, int metricsPort,
    String metricsHost, TemporalTarget temporal, WorkerDeployment deployment) {

  public static final String TEMPORAL_ADDRESS = "TEMPORAL_ADDRESS";
  public static final String TEMPORAL_NAMESPACE = "TEMPORAL_NAMESPACE";
  public static final String METRICS_PORT = "METRICS_PORT";
  public static final String METRICS_HOST = "METRICS_HOST";
  public static final String TEMPORAL_TLS_CERT = "TEMPORAL_TLS_CERT";
  public static final String TEMPORAL_TLS_KEY = "TEMPORAL_TLS_KEY";
  public static final String TEMPORAL_TLS_CA = "TEMPORAL_TLS_CA";
  public static final String TEMPORAL_API_KEY = "TEMPORAL_API_KEY";

  public static final String DEFAULT_TEMPORAL_ADDRESS = "127.0.0.1:7233";
  public static final String DEFAULT_NAMESPACE = "default";
  public static final int DEFAULT_METRICS_PORT = 9464;
  public static final String DEFAULT_METRICS_HOST = "127.0.0.1";

  /**
   * Reads the settings from {@code env}; unset or blank variables take their defaults.
   *
   * @throws InvalidSettingException naming the variable and what is wrong with its value
   */
  public static WorkerSettings fromEnvironment(Map<String, String> env) {
    return fromEnvironment(env, Map.of());
  }

  /**
   * Reads the settings from {@code env}, with the command line's values in {@code flags} (keyed by
   * the variable they replace) taking precedence.
   *
   * @throws InvalidSettingException naming the variable and what is wrong with its value
   */
  public static WorkerSettings fromEnvironment(Map<String, String> variables, Map<String, String> flags) {
    Map<String, String> env = withTemporalProfile(variables);
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
    String metricsHost = metricsHost(env);
    return new WorkerSettings(address, host, temporalPort, namespace, metricsPort, metricsHost,
        temporalTarget(env, address, namespace), WorkerDeployment.fromEnvironment(env, flags));
  }

  /** {@code env} with what Temporal's profile sets and {@code env} does not (see {@link TemporalProfile}). */
  private static Map<String, String> withTemporalProfile(Map<String, String> env) {
    try {
      return TemporalProfile.withProfile(env);
    } catch (TemporalProfile.InvalidProfileException e) {
      throw new InvalidSettingException(e.getMessage());
    }
  }

  private static TemporalTarget temporalTarget(Map<String, String> env, String address, String namespace) {
    try {
      return new TemporalTarget(address, namespace, path(env, TEMPORAL_TLS_CERT), path(env, TEMPORAL_TLS_KEY),
          path(env, TEMPORAL_TLS_CA), env.get(TEMPORAL_API_KEY));
    } catch (TemporalTarget.InvalidTargetException e) {
      throw new InvalidSettingException(e.getMessage());
    }
  }

  private static Path path(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : Path.of(value.trim());
  }

  /**
   * The address the metrics server binds, from {@code METRICS_HOST} in {@code env}: an IP address
   * or host name, {@code 127.0.0.1} when unset or blank.
   *
   * @throws InvalidSettingException when the value cannot be a host (a port, a URL, spaces)
   */
  public static String metricsHost(Map<String, String> env) {
    String value = valueOr(env, METRICS_HOST, DEFAULT_METRICS_HOST);
    String host = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
    boolean ipv6 = host.chars().filter(c -> c == ':').count() >= 2
        && host.matches("[0-9A-Fa-f:.]+(%[A-Za-z0-9]+)?");
    if (!ipv6 && !host.matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?")) {
      throw new InvalidSettingException(METRICS_HOST, value,
          "expected an IP address or host name without port or scheme, e.g. 127.0.0.1 or 0.0.0.0");
    }
    return host;
  }

  /** The same settings without Worker Versioning (the server has none). */
  public WorkerSettings unversioned() {
    return new WorkerSettings(temporalAddress, temporalHost, temporalPort, namespace, metricsPort, metricsHost,
        temporal, null);
  }

  /**
   * The same settings with Temporal at {@code address} (used when the dev server picked the port).
   * The embedded dev server speaks plaintext, so TLS and the API key are dropped.
   */
  public WorkerSettings withTemporalAddress(String host, int port) {
    return new WorkerSettings(host + ":" + port, host, port, namespace, metricsPort, metricsHost,
        TemporalTarget.plain(host + ":" + port, namespace), deployment);
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

    InvalidSettingException(String message) {
      super(message);
    }
  }
}
