package com.avesa.cutover.activities.testing;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/** Activity options for tests in the activity test environment: one attempt, so a failure shows at once. */
public final class OneAttempt {
  private OneAttempt() {}

  /** A minute to run, one attempt, and {@code heartbeatTimeout}. */
  public static ActivityOptions heartbeating(Duration heartbeatTimeout) {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(1))
        .setHeartbeatTimeout(heartbeatTimeout)
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
        .build();
  }
}
