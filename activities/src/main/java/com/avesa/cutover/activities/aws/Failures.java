package com.avesa.cutover.activities.aws;

import com.avesa.cutover.workflows.FailureType;
import io.temporal.failure.ApplicationFailure;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns AWS errors that retrying cannot fix into non-retryable {@link ApplicationFailure}s.
 * Everything else (throttling, 5xx, network) is rethrown as is: the SDK retried it already and
 * Temporal will retry the activity. Messages carry AWS's error message, never request payloads.
 */
public final class Failures {
  private static final Set<String> DENIED_CODES = Set.of(
      "AccessDenied", "AccessDeniedException", "InvalidClientTokenId", "UnrecognizedClientException",
      "SignatureDoesNotMatch", "InvalidAccessKeyId", "ExpiredToken", "ExpiredTokenException",
      "AllAccessDisabled", "AuthFailure", "InvalidToken");
  private static final Set<String> MISSING_CODES = Set.of(
      "NoSuchBucket", "ResourceNotFoundException", "NoSuchEntity", "NoSuchHostedZone", "NotFound");

  private Failures() {}

  public static ApplicationFailure nonRetryable(FailureType type, String message) {
    return ApplicationFailure.newNonRetryableFailure(message, type.type());
  }

  public static boolean isAccessDenied(SdkException e) {
    if (e instanceof AwsServiceException aws) {
      return aws.statusCode() == 403 || hasErrorCode(aws, DENIED_CODES);
    }
    return isMissingCredentials(e);
  }

  public static boolean isNotFound(SdkException e) {
    return e instanceof AwsServiceException aws
        && (aws.statusCode() == 404 || hasErrorCode(aws, MISSING_CODES));
  }

  /**
   * The failure to throw for {@code e} while doing {@code what} (e.g. "copy s3://a/b"): access
   * denied and missing resources become non-retryable, anything else is returned unchanged.
   */
  public static RuntimeException classify(String what, SdkException e) {
    if (isAccessDenied(e)) {
      return nonRetryable(FailureType.ACCESS_DENIED, what + ": access denied: " + awsMessage(e));
    }
    if (isNotFound(e)) {
      return nonRetryable(FailureType.NOT_FOUND, what + ": not found: " + awsMessage(e));
    }
    return e;
  }

  /**
   * {@code e} as a non-retryable ACCESS_DENIED naming {@code what} and, after the AWS message,
   * {@code fix} (what the credentials need) when access was refused; else {@code e} unchanged.
   */
  public static RuntimeException deniedOr(String what, SdkException e, String fix) {
    return isAccessDenied(e)
        ? nonRetryable(FailureType.ACCESS_DENIED, what + ": access denied: " + awsMessage(e) + "; " + fix)
        : e;
  }

  /** Runs one AWS call; an SDK error becomes {@link #classify}'s failure for {@code what}. */
  public static <T> T classified(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      throw classify(what, e);
    }
  }

  /**
   * Runs a lookup: its result, or empty when AWS says the resource does not exist. Every other
   * error (refused access included) propagates unchanged.
   */
  public static <T> Optional<T> ifFound(Supplier<T> lookup) {
    try {
      return Optional.ofNullable(lookup.get());
    } catch (SdkException e) {
      if (isNotFound(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Whether AWS answered {@code e} with one of these error codes. */
  public static boolean hasErrorCode(SdkException e, Set<String> codes) {
    // Errors without a code (a bare 5xx answer to a HEAD) are possible, and Set.of rejects contains(null).
    return e instanceof AwsServiceException aws && errorCode(aws) != null && codes.contains(errorCode(aws));
  }

  public static String awsMessage(SdkException e) {
    if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
      String code = errorCode(aws);
      String message = aws.awsErrorDetails().errorMessage();
      return (code == null ? "" : code + ": ") + (message == null ? "(no message)" : message);
    }
    return e.getMessage();
  }

  private static boolean isMissingCredentials(SdkException e) {
    return e instanceof SdkClientException
        && e.getMessage() != null
        && e.getMessage().contains("Unable to load credentials");
  }

  /** AWS's error code of {@code e}, or null when the answer had none. */
  public static String errorCode(AwsServiceException e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }
}
