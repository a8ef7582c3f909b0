package com.avesa.cutover.cli;

import com.avesa.cutover.runtime.connect.TemporalProfile;
import com.avesa.cutover.runtime.connect.TemporalTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the Temporal server is and how to authenticate to it: the options of every command that
 * talks to it. The API key is never echoed, not even in {@code --help}.
 */
final class TemporalOptions {
  static final String DEFAULT_ADDRESS = "127.0.0.1:7233";
  /**
   * How long the first call may take before the CLI says the server is unreachable (exit 3). A
   * refused connection answers at once; 10 s leaves room for a busy server or a loaded machine, where
   * 3 s made commands fail that would have worked.
   */
  static final Duration REACH_DEADLINE = Duration.ofSeconds(10);

  private final Map<String, String> env;

  TemporalOptions() {
    this(System.getenv());
  }

  /** Options that read {@code AVESA_IDENTITY} from {@code env} instead of the process environment. */
  TemporalOptions(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

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

  @Option(
      names = "--tls-cert",
      paramLabel = "FILE",
      defaultValue = "${env:TEMPORAL_TLS_CERT}",
      description = "PEM client certificate for mutual TLS (default: env TEMPORAL_TLS_CERT); needs --tls-key.")
  Path tlsCert;

  @Option(
      names = "--tls-key",
      paramLabel = "FILE",
      defaultValue = "${env:TEMPORAL_TLS_KEY}",
      description = "PKCS#8 PEM private key of --tls-cert (default: env TEMPORAL_TLS_KEY).")
  Path tlsKey;

  @Option(
      names = "--tls-ca",
      paramLabel = "FILE",
      defaultValue = "${env:TEMPORAL_TLS_CA}",
      description = "PEM CA certificates to trust instead of the JVM's (default: env TEMPORAL_TLS_CA).")
  Path tlsCa;

  @Option(
      names = "--api-key",
      paramLabel = "KEY",
      defaultValue = "${env:TEMPORAL_API_KEY}",
      description = "Temporal Cloud API key; implies TLS (default: env TEMPORAL_API_KEY; prefer the env var).")
  String apiKey;

  @Option(
      names = "--identity",
      paramLabel = "NAME",
      description = "Who is calling: the Temporal client identity and the name approvals record "
          + "(default: env " + Identity.ENV + ", else user@host).")
  String identity;

  /** {@code --identity}, else env {@code AVESA_IDENTITY}, else {@code user@host}. */
  String identity() {
    return Identity.resolve(identity, env);
  }

  /**
   * The server and credentials these options name.
   *
   * @throws CliException with exit code 2 when only one of --tls-cert and --tls-key is given
   */
  TemporalTarget target() {
    try {
      // What neither an option nor a variable set comes from Temporal's profile (TEMPORAL_PROFILE, TEMPORAL_CONFIG_FILE).
      Map<String, String> profiled = TemporalProfile.withProfile(env);
      String effectiveAddress = env.get(TemporalProfile.ADDRESS) == null && DEFAULT_ADDRESS.equals(address)
          ? profiled.getOrDefault(TemporalProfile.ADDRESS, address) : address;
      String effectiveNamespace = env.get(TemporalProfile.NAMESPACE) == null && "default".equals(namespace)
          ? profiled.getOrDefault(TemporalProfile.NAMESPACE, namespace) : namespace;
      return new TemporalTarget(effectiveAddress, effectiveNamespace, orProfile(tlsCert, profiled, TemporalProfile.TLS_CERT),
          orProfile(tlsKey, profiled, TemporalProfile.TLS_KEY), orProfile(tlsCa, profiled, TemporalProfile.TLS_CA),
          apiKey != null ? apiKey : profiled.get(TemporalProfile.API_KEY));
    } catch (TemporalTarget.InvalidTargetException | TemporalProfile.InvalidProfileException e) {
      throw new CliException(ExitCodes.USAGE, e.getMessage());
    }
  }

  private static Path orProfile(Path given, Map<String, String> profiled, String name) {
    return given != null || profiled.get(name) == null ? given : Path.of(profiled.get(name));
  }

  /**
   * Connects, failing with exit code 2 when a certificate file cannot be used and with exit code
   * 3 when the server does not answer in time.
   */
  TemporalConnection connect() {
    return TemporalConnection.open(target(), REACH_DEADLINE, identity());
  }
}
