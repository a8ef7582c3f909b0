package com.avesa.cutover.workflows.infra;

import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.estate.Estate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Run the worker's deploy command {@code name} (its program, arguments, working directory and
 * timeout come from the worker's own file, never from here) as the target's deployment role of
 * {@code estate}, with {@code environment} among its variables.
 *
 * <p>{@code command}, {@code workdir} and {@code timeout} are what runs started before named
 * commands send (an argv from workflow input): the worker refuses such a request and runs nothing.
 *
 * @param environment names and ids only (never credentials): the {@code AVESA_*} variables of
 *     {@link #describe}; the worker refuses any other name
 * @param name the worker's command, e.g. {@code cdk-deploy}; null in old runs
 * @param estate whose target role the command acts as; null in old runs
 */
public record DeployRequest(List<String> command, String workdir, Duration timeout, Map<String, String> environment,
    String name, Estate estate) {
  /**
   * The longest timeout a worker's named command may have: the workflow gives the activity this
   * (plus a margin) because only the worker knows the command's own timeout.
   */
  public static final Duration LONGEST = Duration.ofHours(6);

  /** The {@code AVESA_*} variables {@link #describe} may set, the only ones a request may carry. */
  public static final List<String> AVESA_VARIABLES = List.of("AVESA_CONFIG_NAME", "AVESA_REGION", "AVESA_ENDPOINT",
      "AVESA_SOURCE_ACCOUNT_ID", "AVESA_TARGET_ACCOUNT_ID", "AVESA_TARGET_ROLE_ARN");

  public DeployRequest {
    command = command == null ? List.of() : List.copyOf(command);
    environment = environment == null ? Map.of() : Map.copyOf(environment);
  }

  /** The request of a run started before named commands: an argv from workflow input. */
  public DeployRequest(List<String> command, String workdir, Duration timeout, Map<String, String> environment) {
    this(command, workdir, timeout, environment, null, null);
  }

  /** The same without extra environment. */
  public DeployRequest(List<String> command, String workdir, Duration timeout) {
    this(command, workdir, timeout, Map.of());
  }

  /** Run the worker's command {@code name} for {@code config}'s estate. */
  public static DeployRequest named(String name, MigrationConfig config) {
    return new DeployRequest(List.of(), null, null, describe(config), name, config.estate());
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
