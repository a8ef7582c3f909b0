package com.avesa.cutover.workflows.codec;

import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data converter the worker and the CLI share: the default JSON converter, wrapped in
 * {@link AesGcmPayloadCodec} when {@link Keyring#KEYS_VARIABLE} or {@link Keyring#KEY_FILE_VARIABLE}
 * is set. Both sides must be given the same keys, or one cannot read what the other wrote.
 */
public final class PayloadEncryption {
  private PayloadEncryption() {}

  /**
   * The codec for the keys the environment configures, or empty when none are.
   *
   * @throws CodecKeysException when the keys cannot be used
   */
  public static Optional<AesGcmPayloadCodec> codec(Map<String, String> env) {
    return Keyring.fromEnvironment(env).map(AesGcmPayloadCodec::new);
  }

  /**
   * The encrypting data converter for the environment's keys, or the SDK's default one when none
   * are configured.
   *
   * @throws CodecKeysException when the keys cannot be used
   */
  public static DataConverter dataConverter(Map<String, String> env) {
    return codec(env).map(PayloadEncryption::dataConverter).orElseGet(DefaultDataConverter::newDefaultInstance);
  }

  /** The default JSON converter with {@code codec} applied to every payload. */
  public static DataConverter dataConverter(AesGcmPayloadCodec codec) {
    return new CodecDataConverter(DefaultDataConverter.newDefaultInstance(), List.of(codec));
  }
}
