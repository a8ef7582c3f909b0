package com.avesa.cutover.workflows.infra;

import java.time.Duration;
import com.avesa.cutover.workflows.config.MigrationConfig;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Run {@code command} (program and arguments, no shell) in {@code workdir}, relative to the
 * worker's working directory (null: there), with {@code environment} added to the worker's, and
 * kill it after {@code timeout}.
 *
 * @param environment names and ids only (never credentials): {@code AVESA_*}, see {@link #describe}
 */
public record DeployRequest(List<String> command, String workdir, Duration timeout, Map<String, String> environment) {
  public DeployRequest {
    environment = environment == null ? Map.of() : Map.copyOf(environment);
  }

  /** A request without extra environment. */
  public DeployRequest(List<String> command, String workdir, Duration timeout) {
    this(command, workdir, timeout, Map.of());
  }

  /**
   * What a deploy script learns about the run: AVESA_CONFIG_NAME, AVESA_REGION, AVESA_ENDPOINT
   * (an emulator's, when set), AVESA_SOURCE_ACCOUNT_ID, AVESA_TARGET_ACCOUNT_ID,
   * AVESA_TARGET_ROLE_ARN — so one script serves a created account too.
   */
  public static Map<String, String> describe(MigrationConfig config) {
    Map<String, String> environment = new TreeMap<>();
    environment.put("AVESA_CONFIG_NAME", config.name());
    environment.put("AVESA_REGION", config.region());
    put(environment, "AVESA_ENDPOINT", config.endpoint());
    put(environment, "AVESA_SOURCE_ACCOUNT_ID", config.source() == null ? null : config.source().accountId());
    put(environment, "AVESA_TARGET_ACCOUNT_ID", config.target() == null ? null : config.target().accountId());
    put(environment, "AVESA_TARGET_ROLE_ARN", config.target() == null ? null : config.target().roleArn());
    return environment;
  }

  private static void put(Map<String, String> environment, String name, String value) {
    if (value != null) {
      environment.put(name, value);
    }
  }
}
