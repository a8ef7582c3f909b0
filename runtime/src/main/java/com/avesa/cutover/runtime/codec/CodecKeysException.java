package com.avesa.cutover.runtime.codec;

/**
 * {@code AVESA_CODEC_KEYS} or {@code AVESA_CODEC_KEY_FILE} cannot be used. The message is one line
 * that names the variable and the entry, never the key material.
 */
public final class CodecKeysException extends IllegalArgumentException {
  CodecKeysException(String message) {
    super(message);
  }
}
