package com.avesa.cutover.activities.account;

import com.avesa.cutover.workflows.FailureType;
import io.temporal.failure.ApplicationFailure;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The account setup's non-retryable failures and how AWS errors are told apart. (The activities
 * package's own {@code Failures} is package-private there.)
 */
final class SetupFailures {
  private static final Set<String> DENIED_CODES = Set.of("AccessDenied", "AccessDeniedException",
      "InvalidClientTokenId", "UnrecognizedClientException", "SignatureDoesNotMatch", "InvalidAccessKeyId",
      "ExpiredToken", "ExpiredTokenException");

  private SetupFailures() {}

  static ApplicationFailure nonRetryable(FailureType type, String message) {
    return ApplicationFailure.newNonRetryableFailure(message, type.type());
  }

  static boolean isAccessDenied(SdkException e) {
    if (e instanceof AwsServiceException aws) {
      return aws.statusCode() == 403 || (code(aws) != null && DENIED_CODES.contains(code(aws)));
    }
    return e instanceof SdkClientException && e.getMessage() != null
        && e.getMessage().contains("Unable to load credentials");
  }

  static String awsMessage(SdkException e) {
    if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
      String message = aws.awsErrorDetails().errorMessage();
      return (code(aws) == null ? "" : code(aws) + ": ") + (message == null ? "(no message)" : message);
    }
    return e.getMessage();
  }

  private static String code(AwsServiceException e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }
}
