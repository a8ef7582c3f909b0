package com.avesa.cutover.runtime.codec;

import io.temporal.common.converter.DataConverterException;

/**
 * A worker with keys was handed a payload that is not encrypted: a run started, signalled or
 * queried by a client without the keys. A {@link DataConverterException}, so the SDK drops such a
 * signal (and counts it) instead of failing the run; a workflow's input fails the run through
 * {@link PayloadEncryption#workflowImplementationOptions()}, and {@link RefusedPayloadFailureConverter}
 * turns it into a non-retryable failure of type {@code PLAINTEXT_PAYLOAD_REFUSED}.
 */
public final class PlaintextPayloadException extends DataConverterException {
  PlaintextPayloadException(String encoding) {
    super("refused a payload that is not encrypted (encoding '" + printable(encoding) + "'): this worker has "
        + Keyring.KEYS_VARIABLE + " or " + Keyring.KEY_FILE_VARIABLE + ", so the client must use the same keys ("
        + PayloadEncryption.ACCEPT_PLAINTEXT_VARIABLE + "=true accepts such payloads while migrating to encryption)");
  }

  /** The encoding as sent, cut to what names an encoding: it comes from whoever sent the payload. */
  private static String printable(String encoding) {
    String kept = encoding.replaceAll("[^A-Za-z0-9/._+-]", "?");
    return kept.length() > 40 ? kept.substring(0, 40) + "..." : kept;
  }
}
