package com.avesa.cutover.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the codec endpoint listens and whom it answers, from the environment. It is on only with a
 * token ({@value #TOKEN}) and keys; it binds the address {@code METRICS_HOST} names.
 *
 * @param host the address it binds (METRICS_HOST's)
 * @param port {@value #PORT}, default {@value #DEFAULT_PORT}; 0 picks a free one
 * @param token the bearer token every request but a preflight must carry
 * @param hosts the Host headers it answers ({@value #HOSTS}); empty means localhost:PORT and 127.0.0.1:PORT
 *     of the port actually bound
 * @param origin the one browser origin CORS allows ({@value #CORS_ORIGIN})
 * @param maxBodyBytes the largest request body ({@value #MAX_BODY}); larger ones get 413
 */
record CodecSettings(String host, int port, String token, List<String> hosts, String origin, int maxBodyBytes) {
  static final String PORT = "CODEC_PORT";
  static final String TOKEN = "AVESA_CODEC_TOKEN";
  static final String HOSTS = "AVESA_CODEC_HOSTS";
  static final String CORS_ORIGIN = "AVESA_CODEC_CORS_ORIGIN";
  static final String MAX_BODY = "AVESA_CODEC_MAX_BODY";
  static final int DEFAULT_PORT = 9465;
  static final String DEFAULT_CORS_ORIGIN = "http://localhost:8080";
  static final int DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;
  static final int MIN_TOKEN_LENGTH = 16;

  @Override
  public String toString() {
    return "CodecSettings[host=" + host + ", port=" + port + ", hosts=" + hosts + ", origin=" + origin
        + ", maxBodyBytes=" + maxBodyBytes + "]";
  }

  /**
   * The settings, or empty when {@value #TOKEN} is unset or blank (the endpoint is then off).
   *
   * @throws WorkerSettings.InvalidSettingException naming the variable and what is wrong with it;
   *     the token's value is never shown
   */
  static Optional<CodecSettings> fromEnvironment(Map<String, String> env, String host) {
    String token = env.get(TOKEN);
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    token = token.strip();
    if (token.length() < MIN_TOKEN_LENGTH || !token.matches("[A-Za-z0-9._~-]+")) {
      throw new WorkerSettings.InvalidSettingException(TOKEN + ": needs at least " + MIN_TOKEN_LENGTH
          + " characters of A-Z a-z 0-9 . _ ~ - (e.g. `openssl rand -hex 32`)");
    }
    int port = number(env, PORT, DEFAULT_PORT, 0, 65_535);
    int maxBody = number(env, MAX_BODY, DEFAULT_MAX_BODY_BYTES, 1, Integer.MAX_VALUE - 1);
    String origin = valueOr(env, CORS_ORIGIN, DEFAULT_CORS_ORIGIN);
    if (!origin.matches("https?://[A-Za-z0-9.\\[\\]:-]+")) {
      throw new WorkerSettings.InvalidSettingException(CORS_ORIGIN, origin,
          "expected the UI's origin, scheme://host[:port] without a path, e.g. http://localhost:8080");
    }
    List<String> hosts = new ArrayList<>();
    for (String entry : valueOr(env, HOSTS, "").split(",")) {
      String value = entry.strip().toLowerCase(Locale.ROOT);
      if (value.isEmpty()) {
        continue;
      }
      if (!value.matches("[a-z0-9.\\[\\]:-]+")) {
        throw new WorkerSettings.InvalidSettingException(HOSTS, entry.strip(),
            "expected host:port entries as a browser sends them in Host, e.g. localhost:9465");
      }
      hosts.add(value);
    }
    return Optional.of(new CodecSettings(host, port, token, List.copyOf(hosts), origin, maxBody));
  }

  /** The Host headers to answer when the endpoint bound {@code boundPort}. */
  List<String> allowedHosts(int boundPort) {
    return hosts.isEmpty() ? List.of("localhost:" + boundPort, "127.0.0.1:" + boundPort) : hosts;
  }

  private static int number(Map<String, String> env, String variable, int fallback, int lowest, int highest) {
    String text = valueOr(env, variable, Integer.toString(fallback));
    int value;
    try {
      value = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new WorkerSettings.InvalidSettingException(variable, text, "not a number");
    }
    if (value < lowest || value > highest) {
      throw new WorkerSettings.InvalidSettingException(variable, text, "must be between " + lowest + " and " + highest);
    }
    return value;
  }

  private static String valueOr(Map<String, String> env, String name, String fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }
}
