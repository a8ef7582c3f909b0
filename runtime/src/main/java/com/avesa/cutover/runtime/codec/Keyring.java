package com.avesa.cutover.runtime.codec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys payloads are encrypted with: the first key encrypts, every key decrypts, so a
 * rotated-out key stays listed (after the new one) until no open run still carries its payloads.
 */
public final class Keyring {
  /** Comma-separated {@code id:base64key} entries. */
  public static final String KEYS_VARIABLE = "AVESA_CODEC_KEYS";
  /** A file with one {@code id:base64key} entry per line; blank lines and {@code #} comments are skipped. */
  public static final String KEY_FILE_VARIABLE = "AVESA_CODEC_KEY_FILE";

  private static final int KEY_BYTES = 32;

  private final String primaryId;
  private final Map<String, SecretKey> keys;

  private Keyring(Map<String, SecretKey> keys) {
    this.keys = Map.copyOf(keys);
    this.primaryId = keys.keySet().iterator().next();
  }

  /**
   * The keyring the environment configures, or empty when neither variable is set (payloads are
   * then stored as plain JSON).
   *
   * @throws CodecKeysException when both are set, the file cannot be read, or an entry is not
   *     {@code id:base64key} with a 32-byte key and an id used once
   */
  public static Optional<Keyring> fromEnvironment(Map<String, String> env) {
    String inline = blankToNull(env.get(KEYS_VARIABLE));
    String file = blankToNull(env.get(KEY_FILE_VARIABLE));
    if (inline != null && file != null) {
      throw new CodecKeysException("set " + KEYS_VARIABLE + " or " + KEY_FILE_VARIABLE + ", not both");
    }
    if (inline != null) {
      return Optional.of(parse(KEYS_VARIABLE, "entry", List.of(inline.split(",", -1))));
    }
    if (file != null) {
      List<String> lines;
      try {
        lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        throw new CodecKeysException(KEY_FILE_VARIABLE + "=" + file + ": cannot read the file ("
            + e.getClass().getSimpleName() + ")");
      }
      return Optional.of(parse(KEY_FILE_VARIABLE + "=" + file, "line", lines));
    }
    return Optional.empty();
  }

  /** A keyring of {@code id:base64key} entries, the first one encrypting; for tests and tools. */
  public static Keyring of(String... entries) {
    return parse("keyring", "entry", List.of(entries));
  }

  private static Keyring parse(String source, String unit, List<String> entries) {
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    List<String> numbered = new ArrayList<>(entries);
    for (int i = 0; i < numbered.size(); i++) {
      String entry = numbered.get(i).strip();
      boolean fromFile = "line".equals(unit);
      if (fromFile && (entry.isEmpty() || entry.startsWith("#"))) {
        continue;
      }
      String where = source + ": " + unit + " " + (i + 1);
      int colon = entry.indexOf(':');
      if (colon <= 0 || colon == entry.length() - 1) {
        throw new CodecKeysException(where + " is not id:base64key");
      }
      String id = entry.substring(0, colon).strip();
      if (!id.matches("[A-Za-z0-9._-]+")) {
        throw new CodecKeysException(where + ": the key id may use only letters, digits, '.', '_' and '-'");
      }
      byte[] material;
      try {
        material = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
      } catch (IllegalArgumentException e) {
        throw new CodecKeysException(where + " (key id '" + id + "'): the key is not valid base64");
      }
      if (material.length != KEY_BYTES) {
        throw new CodecKeysException(where + " (key id '" + id + "'): the key is " + material.length
            + " bytes, AES-256 needs " + KEY_BYTES + " (e.g. `openssl rand -base64 32`)");
      }
      if (keys.putIfAbsent(id, new SecretKeySpec(material, "AES")) != null) {
        throw new CodecKeysException(where + ": key id '" + id + "' is listed twice");
      }
    }
    if (keys.isEmpty()) {
      throw new CodecKeysException(source + ": no keys");
    }
    return new Keyring(keys);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** The id of the key new payloads are encrypted with. */
  public String primaryId() {
    return primaryId;
  }

  SecretKey primaryKey() {
    return keys.get(primaryId);
  }

  Optional<SecretKey> key(String id) {
    return Optional.ofNullable(keys.get(id));
  }
}
