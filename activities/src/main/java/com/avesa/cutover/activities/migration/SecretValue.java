package com.avesa.cutover.activities.migration;

import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * A secret's current value, held only inside one activity call. Exactly one of the two fields is
 * set. {@link #toString()} never prints it; {@link #digest()} is what may be compared or shown.
 */
final class SecretValue {
  private final String string;
  private final SdkBytes binary;

  private SecretValue(String string, SdkBytes binary) {
    this.string = string;
    this.binary = binary;
  }

  static SecretValue of(GetSecretValueResponse response) {
    return new SecretValue(response.secretString(), response.secretString() == null ? response.secretBinary() : null);
  }

  String string() {
    return string;
  }

  SdkBytes binary() {
    return binary;
  }

  /** SHA-256 of the type and the value: equal digests mean equal values. */
  String digest() {
    if (string != null) {
      return "S:" + Digests.sha256Hex(string.getBytes(StandardCharsets.UTF_8));
    }
    return "B:" + Digests.sha256Hex(binary == null ? new byte[0] : binary.asByteArray());
  }

  @Override
  public String toString() {
    return "SecretValue(redacted)";
  }
}
