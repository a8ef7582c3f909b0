package com.avesa.cutover.workflows;

import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * The one retry policy shape every activity here uses: transient errors (throttling, resets, a
 * killed worker) are retried from one second, doubling up to {@code maxInterval}, for
 * {@code maxAttempts} attempts in all; the {@link FailureType}s, which retrying cannot fix, never.
 * Each caller states why its cap is what it is.
 */
public final class ActivityRetries {
  private ActivityRetries() {}

  public static RetryOptions transientErrors(Duration maxInterval, int maxAttempts) {
    return RetryOptions.newBuilder()
        .setInitialInterval(Duration.ofSeconds(1))
        .setBackoffCoefficient(2)
        .setMaximumInterval(maxInterval)
        .setMaximumAttempts(maxAttempts)
        .setDoNotRetry(FailureType.typeNames())
        .build();
  }
}
