package com.avesa.cutover.cli;

import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import java.util.Optional;

/**
 * What the runs of every kind share when they end by failing: the report a failure may carry as
 * its first detail (a data migration's, a phase run's), and the message of its first cause.
 */
final class RunResults {
  private RunResults() {}

  /** The report of type {@code type} the first application failure in {@code e}'s causes that carries one has. */
  static <R> Optional<R> carried(WorkflowFailedException e, Class<R> type) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof ApplicationFailure failure) {
        Optional<R> report = detail(failure, type);
        if (report.isPresent()) {
          return report;
        }
      }
    }
    return Optional.empty();
  }

  /** The original message of the first Temporal failure among {@code e}'s causes, or null. */
  static String firstMessage(WorkflowFailedException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof TemporalFailure failure) {
        return failure.getOriginalMessage();
      }
    }
    return null;
  }

  private static <R> Optional<R> detail(ApplicationFailure failure, Class<R> type) {
    try {
      return failure.getDetails().getSize() == 0 ? Optional.empty()
          : Optional.ofNullable(failure.getDetails().get(0, type));
    } catch (RuntimeException notAReport) {
      return Optional.empty();
    }
  }
}
