package com.avesa.cutover.runtime.codec;

import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.worker.WorkflowImplementationOptions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The data converter the worker and the CLI share: the default JSON converter, wrapped in
 * {@link AesGcmPayloadCodec} when {@link Keyring#KEYS_VARIABLE} or {@link Keyring#KEY_FILE_VARIABLE}
 * is set, with failure messages and stack traces encrypted too. Both sides must be given the same
 * keys, or one cannot read what the other wrote. The worker's codec refuses payloads that are not
 * encrypted unless {@link #ACCEPT_PLAINTEXT_VARIABLE} is {@code true}; the CLI's reads them.
 */
public final class PayloadEncryption {
  /** {@code true} lets an encrypting worker accept payloads that are not encrypted (while migrating). */
  public static final String ACCEPT_PLAINTEXT_VARIABLE = "AVESA_CODEC_ACCEPT_PLAINTEXT";

  private PayloadEncryption() {}

  /**
   * The codec for the keys the environment configures, passing payloads that are not encrypted
   * through (the CLI reads runs from before encryption), or empty when no keys are configured.
   *
   * @throws CodecKeysException when the keys cannot be used
   */
  public static Optional<AesGcmPayloadCodec> codec(Map<String, String> env) {
    return Keyring.fromEnvironment(env).map(AesGcmPayloadCodec::new);
  }

  /**
   * The worker's codec: as {@link #codec(Map)}, but refusing payloads that are not encrypted unless
   * {@link #ACCEPT_PLAINTEXT_VARIABLE} is {@code true}.
   *
   * @throws CodecKeysException when the keys cannot be used, or the variable is neither true nor false
   */
  public static Optional<AesGcmPayloadCodec> workerCodec(Map<String, String> env) {
    boolean acceptPlaintext = acceptPlaintext(env);
    return Keyring.fromEnvironment(env)
        .map(keys -> acceptPlaintext ? new AesGcmPayloadCodec(keys) : AesGcmPayloadCodec.refusingPlaintext(keys));
  }

  private static boolean acceptPlaintext(Map<String, String> env) {
    String value = env.get(ACCEPT_PLAINTEXT_VARIABLE);
    if (value == null || value.isBlank()) {
      return false;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new CodecKeysException(ACCEPT_PLAINTEXT_VARIABLE + "=" + value.strip() + ": expected true or false");
    };
  }

  /**
   * The encrypting data converter for the environment's keys (reading payloads that are not
   * encrypted), or without keys the SDK's default one, saying of an encrypted failure message that
   * it is encrypted.
   *
   * @throws CodecKeysException when the keys cannot be used
   */
  public static DataConverter dataConverter(Map<String, String> env) {
    return codec(env).map(PayloadEncryption::dataConverter).orElseGet(
        () -> DefaultDataConverter.newDefaultInstance().withFailureConverter(new RefusedPayloadFailureConverter()));
  }

  /**
   * The default JSON converter with {@code codec} applied to every payload and to the message and
   * stack trace of every failure; a {@link PlaintextPayloadException} becomes a non-retryable
   * failure of type {@code PLAINTEXT_PAYLOAD_REFUSED}.
   */
  public static DataConverter dataConverter(AesGcmPayloadCodec codec) {
    return new CodecDataConverter(
        DefaultDataConverter.newDefaultInstance().withFailureConverter(new RefusedPayloadFailureConverter()),
        List.of(codec), true);
  }

  /**
   * Options for every workflow type the worker registers: a workflow whose input the codec refuses
   * fails (non-retryable) instead of retrying its workflow task forever.
   */
  public static WorkflowImplementationOptions workflowImplementationOptions() {
    return WorkflowImplementationOptions.newBuilder()
        .setFailWorkflowExceptionTypes(PlaintextPayloadException.class)
        .build();
  }
}
