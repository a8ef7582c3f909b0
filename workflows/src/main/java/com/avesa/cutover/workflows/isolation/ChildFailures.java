package com.avesa.cutover.workflows.isolation;

import io.temporal.common.converter.DataConverterException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.failure.TemporalFailure;

/**
 * Reads a failed phase run: every phase fails with an {@link ApplicationFailure} whose first detail
 * is its report; a run that was terminated, timed out or failed before it had a report has none.
 */
final class ChildFailures {
  private ChildFailures() {}

  /** The child's report from the failure's first detail, or null when there is none or it does not decode. */
  static <R> R report(ChildWorkflowFailure failure, Class<R> type) {
    if (!(failure.getCause() instanceof ApplicationFailure app) || app.getDetails().getSize() == 0) {
      return null;
    }
    try {
      return app.getDetails().get(0, type, type);
    } catch (DataConverterException unreadable) {
      return null;
    }
  }

  /** Why the child failed, one line: its own message, or what Temporal says happened to it. */
  static String describe(ChildWorkflowFailure failure) {
    Throwable cause = failure.getCause();
    if (cause instanceof TemporalFailure temporal) {
      return temporal.getOriginalMessage() == null || temporal.getOriginalMessage().isBlank()
          ? cause.getClass().getSimpleName() : temporal.getOriginalMessage();
    }
    return failure.getOriginalMessage();
  }

  /** True when the child ended because it (or this run) was cancelled. */
  static boolean cancelled(ChildWorkflowFailure failure) {
    return failure.getCause() instanceof CanceledFailure;
  }
}
