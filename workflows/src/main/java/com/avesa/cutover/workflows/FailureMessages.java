package com.avesa.cutover.workflows;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TerminatedFailure;
import io.temporal.failure.TimeoutFailure;
import java.util.Locale;

/**
 * Why an activity or child failed, in one line a person can act on: the innermost failure's own
 * message (an activity's {@code ApplicationFailure}, what it classified), or, where Temporal itself
 * ended the attempt and left no message, what happened ("activity CopyPage timed out (heartbeat)").
 */
public final class FailureMessages {
  private FailureMessages() {}

  /** The message of {@code failure}'s innermost cause through activity and child wrappers; never blank. */
  public static String describe(Throwable failure) {
    String activity = null;
    Throwable cause = failure;
    while ((cause instanceof ActivityFailure || cause instanceof ChildWorkflowFailure) && cause.getCause() != null) {
      if (cause instanceof ActivityFailure a) {
        activity = a.getActivityType();
      }
      cause = cause.getCause();
    }
    String own = cause instanceof TemporalFailure t ? t.getOriginalMessage() : cause.getMessage();
    if (own != null && !own.isBlank()) {
      return own;
    }
    String what = activity != null ? "activity " + activity : "the run";
    if (cause instanceof TimeoutFailure timeout) {
      return what + " timed out (" + timeoutName(timeout) + ")";
    }
    if (cause instanceof CanceledFailure) {
      return what + " was cancelled";
    }
    if (cause instanceof TerminatedFailure) {
      return what + " was terminated";
    }
    if (cause instanceof ApplicationFailure app && app.getType() != null) {
      return what + " failed (" + app.getType() + ")";
    }
    return what + " failed (" + cause.getClass().getSimpleName() + ")";
  }

  private static String timeoutName(TimeoutFailure timeout) {
    // TIMEOUT_TYPE_HEARTBEAT -> heartbeat, TIMEOUT_TYPE_START_TO_CLOSE -> start-to-close
    return timeout.getTimeoutType().name().replace("TIMEOUT_TYPE_", "").toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
