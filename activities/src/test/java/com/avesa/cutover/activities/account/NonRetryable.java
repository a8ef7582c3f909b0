package com.avesa.cutover.activities.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.avesa.cutover.workflows.FailureType;
import io.temporal.failure.ApplicationFailure;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on the non-retryable failures the account setup throws. */
final class NonRetryable {
  private NonRetryable() {}

  /** Runs {@code call}, asserts it threw a non-retryable failure of {@code type}, returns its message. */
  static String failure(FailureType type, ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(ApplicationFailure.class);
    ApplicationFailure failure = (ApplicationFailure) thrown;
    assertThat(failure.getType()).isEqualTo(type.type());
    assertThat(failure.isNonRetryable()).isTrue();
    return failure.getOriginalMessage();
  }
}
