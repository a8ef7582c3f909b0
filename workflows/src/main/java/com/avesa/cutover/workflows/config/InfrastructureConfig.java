package com.avesa.cutover.workflows.config;

import com.avesa.cutover.workflows.Deadlines;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Phase 2 ({@code infrastructure:}): an optional deploy command, then what must exist in the target.
 *
 * @param deploy the deploy command the run asks the worker for, or null
 * @param stacks CloudFormation stacks that must be in a {@code *_COMPLETE} state
 * @param functions Lambda functions that must exist
 * @param rules EventBridge rules that must exist
 */
public record InfrastructureConfig(DeployCommand deploy, List<String> stacks, List<String> functions,
    List<String> rules) {

  public InfrastructureConfig {
    stacks = stacks == null ? List.of() : List.copyOf(stacks);
    functions = functions == null ? List.of() : List.copyOf(functions);
    rules = rules == null ? List.of() : List.copyOf(rules);
  }

  public static InfrastructureConfig none() {
    return new InfrastructureConfig(null, List.of(), List.of(), List.of());
  }

  /**
   * A deploy command: today only its {@code name}, one of the commands the worker's operator
   * allows in the worker's own file ({@code AVESA_DEPLOY_COMMANDS}), which holds its program,
   * arguments, working directory and timeout. {@code command}, {@code workdir} and
   * {@code timeout} are what runs started before that carry (an argv from the config); the worker
   * refuses to run them, and a config file can no longer set them.
   *
   * @param command an old run's program and arguments; empty for a named command
   * @param workdir an old run's working directory; null for a named command
   * @param timeout an old run's timeout (default {@link #DEFAULT_TIMEOUT} with a command); null for a named one
   * @param name the worker's command to run, e.g. {@code cdk-deploy}; null in old runs
   */
  public record DeployCommand(List<String> command, String workdir, Duration timeout, String name) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);
    /** How a deploy command's name is spelled, in the config and in the worker's file. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public DeployCommand {
      command = command == null ? List.of() : List.copyOf(command);
      timeout = timeout == null && !command.isEmpty() ? DEFAULT_TIMEOUT : timeout == null ? null : Deadlines.capped(timeout);
    }

    /** The form runs started before named commands carry: an argv from the config. */
    public DeployCommand(List<String> command, String workdir, Duration timeout) {
      this(command, workdir, timeout, null);
    }

    /** The worker's command {@code name}. */
    public static DeployCommand named(String name) {
      return new DeployCommand(List.of(), null, null, name);
    }
  }
}
