package com.avesa.cutover.activities.schedule;

import com.avesa.cutover.workflows.FailureType;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.failure.ApplicationFailure;

/**
 * Turns errors of Temporal's own API that retrying cannot fix into non-retryable
 * {@link ApplicationFailure}s; everything else (unavailable, deadline exceeded, resource exhausted)
 * is returned as is for Temporal to retry the activity.
 */
final class TemporalFailures {
  private TemporalFailures() {}

  /** The gRPC status code anywhere in {@code e}'s causes (the SDK wraps it), or null. */
  static Status.Code statusCode(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException s) {
        return s.getStatus().getCode();
      }
    }
    return null;
  }

  /** The failure to throw for {@code e} while doing {@code what} (e.g. "pause schedule X"). */
  static RuntimeException classify(String what, RuntimeException e) {
    Status.Code code = statusCode(e);
    if (code == null) {
      return e;
    }
    return switch (code) {
      case PERMISSION_DENIED, UNAUTHENTICATED ->
          nonRetryable(FailureType.ACCESS_DENIED, what + ": the worker's Temporal identity was refused", e);
      case INVALID_ARGUMENT ->
          nonRetryable(FailureType.BAD_CONFIG, what + ": Temporal rejected the request", e);
      case UNIMPLEMENTED ->
          nonRetryable(FailureType.BAD_CONFIG, what + ": this Temporal server has no Schedules", e);
      default -> e;
    };
  }

  private static ApplicationFailure nonRetryable(FailureType type, String message, RuntimeException cause) {
    Status status = Status.fromThrowable(cause);
    String detail = status.getDescription() == null ? "" : ": " + status.getDescription();
    return ApplicationFailure.newNonRetryableFailureWithCause(
        message + " (" + status.getCode() + detail + ")", type.type(), cause);
  }
}
