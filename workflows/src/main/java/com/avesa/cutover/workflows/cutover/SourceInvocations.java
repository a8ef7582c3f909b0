package com.avesa.cutover.workflows.cutover;

import java.util.List;

/**
 * @param functions each Lambda function a source rule targets, once
 * @param otherTargets targets that are not Lambda functions (their ARNs), which the drain cannot see
 */
public record SourceInvocations(List<FunctionLoad> functions, List<String> otherTargets) {
  public SourceInvocations {
    functions = functions == null ? List.of() : List.copyOf(functions);
    otherTargets = otherTargets == null ? List.of() : List.copyOf(otherTargets);
  }

  /**
   * @param running the latest ConcurrentExecutions datapoint, null when the metric has none
   * @param timeoutSeconds the function's configured timeout: no invocation runs longer
   */
  public record FunctionLoad(String function, Double running, int timeoutSeconds) {}
}
