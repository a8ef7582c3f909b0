package com.avesa.cutover.workflows.cutover;

import io.temporal.activity.ActivityInterface;

/**
 * What the cutover reads about data moving: whether the source functions the ingestion rules start
 * are still running (the drain before the final sync), and whether data arrives in the target after
 * the switch (monitoring). Read-only CloudWatch, Lambda, EventBridge, DynamoDB and S3 calls, so
 * every retry is safe. A missing rule, table or bucket and refused access are non-retryable.
 */
@ActivityInterface
public interface DataFlowActivities {

  /**
   * The Lambda functions the source rules target, each with its latest {@code ConcurrentExecutions}
   * (AWS/Lambda, dimension FunctionName, Maximum per minute) since a few minutes before
   * {@code request.since()}, or null when the metric answers nothing, and its configured timeout.
   */
  SourceInvocations readSourceInvocations(DrainRequest request);

  /**
   * Since {@code request.since()} in the target: which tenants with active services (their
   * TenantServices item has a non-empty {@code services} set) have a new object under
   * {@code raw/{tenant}/} (tenants already seen are not listed again), and the target functions'
   * {@code Invocations} and {@code Errors} (sums).
   */
  DataFlowCheck readDataFlow(DataFlowRequest request);
}
