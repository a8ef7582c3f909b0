package com.avesa.cutover.activities.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.avesa.cutover.workflows.FailureType;
import io.temporal.failure.ApplicationFailure;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on the non-retryable failures activities throw. */
public final class Failed {
  private Failed() {}

  /** Runs {@code call}, asserts it threw a non-retryable failure of {@code type}, returns its message. */
  public static String nonRetryably(FailureType type, ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(ApplicationFailure.class);
    ApplicationFailure failure = (ApplicationFailure) thrown;
    assertThat(failure.getType()).isEqualTo(type.type());
    assertThat(failure.isNonRetryable()).isTrue();
    return failure.getOriginalMessage();
  }
}
