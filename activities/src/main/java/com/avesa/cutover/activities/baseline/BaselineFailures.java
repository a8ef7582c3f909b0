package com.avesa.cutover.activities.baseline;

import com.avesa.cutover.activities.aws.Failures;
import com.avesa.cutover.workflows.FailureType;
import io.temporal.failure.ApplicationFailure;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns the baseline's AWS errors that retrying cannot fix into non-retryable
 * {@link ApplicationFailure}s: refused credentials (the admin identity lacks a permission) and
 * requests AWS rejects as invalid (a bad name, email or role in the config). Everything else is
 * rethrown for Temporal to retry (the SDK clients have retried transient errors already).
 */
final class BaselineFailures {
  private static final Set<String> DENIED_CODES = Set.of(
      "AccessDenied", "AccessDeniedException", "AuthorizationError", "AuthorizationErrorException",
      "InvalidClientTokenId", "UnrecognizedClientException", "SignatureDoesNotMatch", "ExpiredToken",
      "ExpiredTokenException", "InsufficientDeliveryPolicyException", "InsufficientS3BucketPolicyException");
  private static final Set<String> INVALID_CODES = Set.of(
      "ValidationError", "ValidationException", "InvalidParameter", "InvalidParameterValue",
      "InvalidParameterValueException", "InvalidParameterCombinationException", "InvalidInputException",
      "InvalidTrailNameException", "InvalidS3BucketNameException", "InvalidRoleException",
      "InvalidRecordingGroupException", "MalformedPolicy", "InvalidBucketName");

  private BaselineFailures() {}

  /** Runs one AWS call doing {@code what}; its errors become {@link #classify}'s failure. */
  static <T> T call(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      throw classify(what, e);
    }
  }

  static void run(String what, Runnable call) {
    call(what, () -> {
      call.run();
      return null;
    });
  }

  static RuntimeException classify(String what, RuntimeException e) {
    String code = errorCode(e);
    if (status(e) == 403 || (code != null && DENIED_CODES.contains(code))) {
      return Failures.nonRetryable(FailureType.ACCESS_DENIED, what + ": access denied (" + e.getMessage()
          + "); give the target's admin identity (account.adminRoleArn or target.adminProfile) this permission");
    }
    if (code != null && INVALID_CODES.contains(code)) {
      return Failures.nonRetryable(FailureType.BAD_CONFIG, what + ": AWS rejected the request (" + e.getMessage()
          + "); check the security section of the config");
    }
    return e;
  }

  /** Whether {@code e} is AWS saying one of {@code codes}. */
  static boolean hasCode(RuntimeException e, String... codes) {
    String code = errorCode(e);
    return code != null && Set.of(codes).contains(code);
  }

  private static String errorCode(RuntimeException e) {
    if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
      return aws.awsErrorDetails().errorCode();
    }
    return null;
  }

  private static int status(RuntimeException e) {
    return e instanceof AwsServiceException aws ? aws.statusCode() : 0;
  }
}
