package com.avesa.cutover.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.RetryState;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TimeoutFailure;
import org.junit.jupiter.api.Test;

class FailureMessagesTest {
  private static ActivityFailure activity(Throwable cause) {
    return new ActivityFailure("Activity task failed", 5, 6, "CopyPage", "7", RetryState.RETRY_STATE_TIMEOUT,
        "worker-1", cause);
  }

  @Test
  void anActivitysOwnMessageIsKept() {
    assertThat(FailureMessages.describe(activity(
        ApplicationFailure.newNonRetryableFailure("AccessDenied: bucket bench-src", "ACCESS_DENIED"))))
        .isEqualTo("AccessDenied: bucket bench-src");
  }

  @Test
  void aTimeoutNamesTheActivityAndTheTimeoutInsteadOfNothing() {
    assertThat(FailureMessages.describe(activity(new TimeoutFailure(null, null, TimeoutType.TIMEOUT_TYPE_HEARTBEAT))))
        .isEqualTo("activity CopyPage timed out (heartbeat)");
    assertThat(FailureMessages.describe(activity(
        new TimeoutFailure("", null, TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE))))
        .isEqualTo("activity CopyPage timed out (start-to-close)");
  }

  @Test
  void otherBlankEndingsSayWhatHappened() {
    assertThat(FailureMessages.describe(activity(new CanceledFailure(null)))).isEqualTo("activity CopyPage was cancelled");
    assertThat(FailureMessages.describe(activity(ApplicationFailure.newFailure(" ", "THROTTLED"))))
        .isEqualTo("activity CopyPage failed (THROTTLED)");
    assertThat(FailureMessages.describe(new IllegalStateException())).isEqualTo("the run failed (IllegalStateException)");
  }
}
