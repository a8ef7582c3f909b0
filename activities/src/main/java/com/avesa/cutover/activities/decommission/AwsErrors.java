package com.avesa.cutover.activities.decommission;

import com.avesa.cutover.workflows.FailureType;
import io.temporal.failure.ApplicationFailure;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The decommission's share of the activities' error rules (the shared {@code Failures} is
 * package-private to its package): refused access becomes a non-retryable ACCESS_DENIED, anything
 * else is rethrown for the SDK's and Temporal's retries.
 */
final class AwsErrors {
  private AwsErrors() {}

  static boolean isNotFound(SdkException e) {
    return e instanceof AwsServiceException aws && (aws.statusCode() == 404 || "ResourceNotFoundException".equals(code(aws)));
  }

  static String code(AwsServiceException e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }

  /** The failure to throw for {@code e} while doing {@code what}, e.g. "delete table T (source account 1)". */
  static RuntimeException classify(String what, SdkException e) {
    if (e instanceof AwsServiceException aws && (aws.statusCode() == 403 || String.valueOf(code(aws)).startsWith("AccessDenied"))) {
      return nonRetryable(FailureType.ACCESS_DENIED, what + ": access denied (" + message(aws)
          + "); the source credentials need this permission to decommission");
    }
    return e;
  }

  static ApplicationFailure nonRetryable(FailureType type, String message) {
    return ApplicationFailure.newNonRetryableFailure(message, type.type());
  }

  static String message(SdkException e) {
    if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
      return code(aws) + ": " + aws.awsErrorDetails().errorMessage();
    }
    return e.getMessage();
  }
}
