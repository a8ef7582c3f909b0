package com.avesa.cutover.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * Who is calling: {@code --identity}, else env {@code AVESA_IDENTITY}, else {@code user@host}. It
 * is the Temporal client identity (shown on every event the CLI causes) and the name a cutover
 * records as its requester, approver or operator.
 */
final class Identity {
  static final String ENV = "AVESA_IDENTITY";

  private Identity() {}

  /** The first of {@code flag}, {@code env[AVESA_IDENTITY]} and {@code user@host} that is not blank. */
  static String resolve(String flag, Map<String, String> env) {
    if (flag != null && !flag.isBlank()) {
      return flag.strip();
    }
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.strip();
    }
    return userAtHost();
  }

  /** {@code user.name@local host name}; {@code localhost} when the host has no resolvable name. */
  static String userAtHost() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    return System.getProperty("user.name", "unknown") + "@" + host;
  }
}
