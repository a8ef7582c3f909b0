package com.avesa.cutover.runtime.connect;

import io.temporal.envconfig.ClientConfigProfile;
import io.temporal.envconfig.ClientConfigTLS;
import io.temporal.envconfig.LoadClientConfigProfileOptions;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Temporal's environment configuration, as the {@code temporal} CLI and the SDKs read it
 * ({@code io.temporal:temporal-envconfig}): the profile {@code TEMPORAL_PROFILE} (default
 * {@code default}) of the TOML file {@code TEMPORAL_CONFIG_FILE} (default
 * {@code ~/.config/temporalio/temporal.toml}), with Temporal's variables over it
 * ({@code TEMPORAL_ADDRESS}, {@code TEMPORAL_NAMESPACE}, {@code TEMPORAL_API_KEY},
 * {@code TEMPORAL_TLS_CLIENT_CERT_PATH}, {@code TEMPORAL_TLS_CLIENT_KEY_PATH},
 * {@code TEMPORAL_TLS_SERVER_CA_CERT_PATH}), and this project's older names
 * ({@code TEMPORAL_TLS_CERT}, {@code TEMPORAL_TLS_KEY}, {@code TEMPORAL_TLS_CA}) over those.
 */
public final class TemporalProfile {
  public static final String PROFILE = "TEMPORAL_PROFILE";
  public static final String CONFIG_FILE = "TEMPORAL_CONFIG_FILE";
  public static final String ADDRESS = "TEMPORAL_ADDRESS";
  public static final String NAMESPACE = "TEMPORAL_NAMESPACE";
  public static final String API_KEY = "TEMPORAL_API_KEY";
  public static final String TLS_CERT = "TEMPORAL_TLS_CERT";
  public static final String TLS_KEY = "TEMPORAL_TLS_KEY";
  public static final String TLS_CA = "TEMPORAL_TLS_CA";

  /** This project's variable names and the Temporal names they are aliases of. */
  public static final Map<String, String> ALIASES = Map.of(
      TLS_CERT, "TEMPORAL_TLS_CLIENT_CERT_PATH",
      TLS_KEY, "TEMPORAL_TLS_CLIENT_KEY_PATH",
      TLS_CA, "TEMPORAL_TLS_SERVER_CA_CERT_PATH");

  private TemporalProfile() {}

  /**
   * {@code env} with the profile's connection settings under the names this project reads
   * ({@link #ADDRESS}, {@link #NAMESPACE}, {@link #API_KEY}, {@link #TLS_CERT}, {@link #TLS_KEY},
   * {@link #TLS_CA}) where {@code env} does not set them itself.
   *
   * @throws InvalidProfileException naming the variable when the file or profile cannot be used
   */
  public static Map<String, String> withProfile(Map<String, String> env) {
    ClientConfigProfile profile = load(env);
    Map<String, String> effective = new HashMap<>(env);
    fill(effective, ADDRESS, profile.getAddress());
    fill(effective, NAMESPACE, profile.getNamespace());
    fill(effective, API_KEY, profile.getApiKey());
    ClientConfigTLS tls = profile.getTls();
    if (tls != null && !Boolean.TRUE.equals(tls.isDisabled())) {
      if (tls.getClientCertData() != null || tls.getClientKeyData() != null || tls.getServerCACertData() != null) {
        throw new InvalidProfileException(source(env) + ": inline TLS data is not supported here: give the files"
            + " (client_cert_path, client_key_path, server_ca_cert_path)");
      }
      fill(effective, TLS_CERT, tls.getClientCertPath());
      fill(effective, TLS_KEY, tls.getClientKeyPath());
      fill(effective, TLS_CA, tls.getServerCACertPath());
    }
    return effective;
  }

  private static ClientConfigProfile load(Map<String, String> env) {
    Map<String, String> temporal = new HashMap<>(env);
    ALIASES.forEach((alias, name) -> {
      if (env.get(alias) != null && !env.get(alias).isBlank()) {
        temporal.put(name, env.get(alias));
      }
    });
    LoadClientConfigProfileOptions.Builder options = LoadClientConfigProfileOptions.newBuilder().setEnvOverrides(temporal);
    String file = env.get(CONFIG_FILE);
    if (file != null && !file.isBlank()) {
      options.setConfigFilePath(file);
    }
    try {
      return ClientConfigProfile.load(options.build());
    } catch (IOException | RuntimeException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
      throw new InvalidProfileException(source(env) + ": " + reason);
    }
  }

  private static String source(Map<String, String> env) {
    String file = env.get(CONFIG_FILE);
    String profile = env.get(PROFILE);
    return String.join(" ", List.of(
        file == null || file.isBlank() ? "the Temporal config file" : CONFIG_FILE + "=" + file,
        profile == null || profile.isBlank() ? "(profile default)" : "(" + PROFILE + "=" + profile + ")"));
  }

  private static void fill(Map<String, String> env, String name, String value) {
    String given = env.get(name);
    if ((given == null || given.isBlank()) && value != null && !value.isBlank()) {
      env.put(name, value);
    }
  }

  /** The config file cannot be read or parsed, or lacks the profile asked for. */
  public static final class InvalidProfileException extends RuntimeException {
    InvalidProfileException(String message) {
      super(message);
    }
  }
}
