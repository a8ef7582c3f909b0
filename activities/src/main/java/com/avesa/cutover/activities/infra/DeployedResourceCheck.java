package com.avesa.cutover.activities.infra;

import com.avesa.cutover.workflows.infra.DeployedResources;
import com.avesa.cutover.workflows.infra.DeployedResourcesRequest;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * Looks up what the deploy should have left in the target: each CloudFormation stack
 * ({@code DescribeStacks}; usable when its status ends in {@code _COMPLETE}, except a stack that
 * failed to create or was deleted), Lambda function ({@code GetFunction}) and EventBridge rule
 * ({@code DescribeRule}, default bus). Read-only.
 */
final class DeployedResourceCheck {
  private static final String ROLLBACK_COMPLETE = "ROLLBACK_COMPLETE";
  private static final String DELETE_COMPLETE = "DELETE_COMPLETE";

  private final CloudFormationClient cloudFormation;
  private final LambdaClient lambda;
  private final EventBridgeClient eventBridge;
  private final String account;

  DeployedResourceCheck(CloudFormationClient cloudFormation, LambdaClient lambda, EventBridgeClient eventBridge,
      String account) {
    this.cloudFormation = cloudFormation;
    this.lambda = lambda;
    this.eventBridge = eventBridge;
    this.account = account;
  }

  DeployedResources check(DeployedResourcesRequest request) {
    List<PhaseItem> found = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String name : request.stacks()) {
      String item = "cloudformation stack " + name;
      lookUp(item, () -> stack(name)).ifPresentOrElse(stack -> {
        String problem = statusProblem(stack.stackStatusAsString());
        if (problem == null) {
          found.add(new PhaseItem(item, stack.stackStatusAsString()));
        } else {
          missing.add(item + " is " + stack.stackStatusAsString() + " in account " + account + ": " + problem);
        }
      }, () -> missing.add(notFound(item)));
    }
    for (String name : request.functions()) {
      String item = "lambda function " + name;
      lookUp(item, () -> function(name)).ifPresentOrElse(
          function -> found.add(new PhaseItem(item, function.stateAsString() == null ? "exists" : function.stateAsString())),
          () -> missing.add(notFound(item)));
    }
    for (String name : request.rules()) {
      String item = "eventbridge rule " + name;
      lookUp(item, () -> ruleState(name)).ifPresentOrElse(
          state -> found.add(new PhaseItem(item, state)),
          () -> missing.add(notFound(item)));
    }
    return new DeployedResources(found, missing);
  }

  /** Why a stack in {@code status} is not usable, or null when it is. */
  static String statusProblem(String status) {
    if (ROLLBACK_COMPLETE.equals(status)) {
      return "it failed to create and was rolled back; delete it and deploy again";
    }
    if (DELETE_COMPLETE.equals(status)) {
      return "it was deleted; deploy it again";
    }
    if (status.endsWith("_COMPLETE")) {
      return null;
    }
    if (status.endsWith("_IN_PROGRESS")) {
      return "an operation on it is still in progress; wait for it to end and verify again";
    }
    return "it is in a failed state; see its events in CloudFormation, fix it and deploy again";
  }

  private Optional<Stack> stack(String name) {
    try {
      return cloudFormation.describeStacks(b -> b.stackName(name)).stacks().stream().findFirst();
    } catch (CloudFormationException e) {
      // CloudFormation answers a stack it does not know with a 400 ValidationError "... does not exist".
      if (e.awsErrorDetails() != null && "ValidationError".equals(e.awsErrorDetails().errorCode())
          && String.valueOf(e.awsErrorDetails().errorMessage()).contains("does not exist")) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private Optional<FunctionConfiguration> function(String name) {
    try {
      return Optional.of(lambda.getFunction(b -> b.functionName(name)).configuration());
    } catch (software.amazon.awssdk.services.lambda.model.ResourceNotFoundException e) {
      return Optional.empty();
    }
  }

  private Optional<String> ruleState(String name) {
    try {
      return Optional.of(eventBridge.describeRule(b -> b.name(name)).stateAsString());
    } catch (software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException e) {
      return Optional.empty();
    }
  }

  private <T> Optional<T> lookUp(String item, Supplier<Optional<T>> lookup) {
    try {
      return lookup.get();
    } catch (SdkException e) {
      throw InfraErrors.classify("look up " + item + " in account " + account, e);
    }
  }

  private String notFound(String item) {
    return item + " not found in account " + account;
  }
}
