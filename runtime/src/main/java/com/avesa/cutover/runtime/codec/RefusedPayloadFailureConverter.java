package com.avesa.cutover.runtime.codec;

import com.avesa.cutover.workflows.FailureType;
import io.temporal.api.failure.v1.Failure;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.FailureConverter;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.DefaultFailureConverter;
import javax.annotation.Nonnull;

/**
 * The SDK's failure converter, except that a {@link PlaintextPayloadException} anywhere in a chain
 * becomes a non-retryable {@link ApplicationFailure} of type {@link FailureType#PLAINTEXT_PAYLOAD_REFUSED}
 * with its message: a refused payload fails the run or activity once, instead of being retried.
 * A failure whose message is still encrypted when it is read (a client without the keys) says so
 * and how to read it, instead of the SDK's "Encoded failure".
 */
final class RefusedPayloadFailureConverter implements FailureConverter {
  private final DefaultFailureConverter delegate = new DefaultFailureConverter();

  @Override
  @Nonnull
  public RuntimeException failureToException(@Nonnull Failure failure, @Nonnull DataConverter dataConverter) {
    return delegate.failureToException(unreadable(failure), dataConverter);
  }

  private static Failure unreadable(Failure failure) {
    if (!failure.hasEncodedAttributes() && !failure.hasCause()) {
      return failure;
    }
    Failure.Builder builder = failure.toBuilder();
    if (failure.hasCause()) {
      builder.setCause(unreadable(failure.getCause()));
    }
    if (failure.hasEncodedAttributes()) {
      String type = failure.hasApplicationFailureInfo() ? failure.getApplicationFailureInfo().getType() : "";
      builder.clearEncodedAttributes().setMessage("the failure" + (type.isEmpty() ? "" : " (" + type + ")")
          + " is encrypted: set " + Keyring.KEYS_VARIABLE + " or " + Keyring.KEY_FILE_VARIABLE
          + " to the worker's keys to read it");
    }
    return builder.build();
  }

  @Override
  @Nonnull
  public Failure exceptionToFailure(@Nonnull Throwable throwable, @Nonnull DataConverter dataConverter) {
    for (Throwable t = throwable; t != null; t = t.getCause()) {
      if (t instanceof PlaintextPayloadException refused) {
        return delegate.exceptionToFailure(ApplicationFailure.newNonRetryableFailure(refused.getMessage(),
            FailureType.PLAINTEXT_PAYLOAD_REFUSED.type()), dataConverter);
      }
    }
    return delegate.exceptionToFailure(throwable, dataConverter);
  }
}
