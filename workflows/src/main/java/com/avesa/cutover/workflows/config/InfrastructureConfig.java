package com.avesa.cutover.workflows.config;

import com.avesa.cutover.workflows.Deadlines;
import java.time.Duration;
import java.util.List;

/**
 * Phase 2 ({@code infrastructure:}): an optional deploy command, then what must exist in the target.
 *
 * @param deploy the command to run (e.g. {@code cdk deploy --all}), or null
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
   * @param command the program and its arguments, run without a shell
   * @param workdir where it runs, relative to the worker's working directory; null: there
   * @param timeout how long it may run (default {@link #DEFAULT_TIMEOUT})
   */
  public record DeployCommand(List<String> command, String workdir, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);

    public DeployCommand {
      command = command == null ? List.of() : List.copyOf(command);
      timeout = timeout == null ? DEFAULT_TIMEOUT : Deadlines.capped(timeout);
    }
  }
}
