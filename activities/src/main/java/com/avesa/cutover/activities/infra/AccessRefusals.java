package com.avesa.cutover.activities.infra;

import com.avesa.cutover.workflows.FailureType;
import io.temporal.failure.ApplicationFailure;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Refused access is not worth retrying: it becomes a non-retryable ACCESS_DENIED naming what was
 * attempted and in which account. Every other error is returned as is, for Temporal to retry.
 */
final class AccessRefusals {
  private static final Set<String> DENIED_CODES = Set.of("AccessDenied", "AccessDeniedException",
      "UnauthorizedOperation", "InvalidClientTokenId", "UnrecognizedClientException", "ExpiredToken",
      "ExpiredTokenException");

  private AccessRefusals() {}

  static RuntimeException classify(String what, SdkException e) {
    if (e instanceof AwsServiceException aws && (aws.statusCode() == 403
        || (aws.awsErrorDetails() != null && DENIED_CODES.contains(String.valueOf(aws.awsErrorDetails().errorCode()))))) {
      return ApplicationFailure.newNonRetryableFailure(what + ": access denied: " + aws.awsErrorDetails().errorMessage()
          + "; the deployment role needs read access to it", FailureType.ACCESS_DENIED.type());
    }
    return e;
  }
}
