package com.avesa.cutover.runtime.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyringTest {
  @TempDir Path dir;

  @Test
  void theFirstKeyOfTheVariableEncrypts() {
    Keyring keyring = Keyring.fromEnvironment(Map.of("AVESA_CODEC_KEYS",
        "2026-11:" + AesGcmPayloadCodecTest.key(2) + ", 2026-10:" + AesGcmPayloadCodecTest.key(1))).orElseThrow();

    assertThat(keyring.primaryId()).isEqualTo("2026-11");
    assertThat(keyring.key("2026-10")).isPresent();
  }

  @Test
  void aKeyFileSkipsBlankLinesAndComments() throws Exception {
    Path file = dir.resolve("keys");
    Files.writeString(file, "# current first\nk2:" + AesGcmPayloadCodecTest.key(2) + "\n\nk1:" + AesGcmPayloadCodecTest.key(1) + "\n");

    Keyring keyring = Keyring.fromEnvironment(Map.of("AVESA_CODEC_KEY_FILE", file.toString())).orElseThrow();

    assertThat(keyring.primaryId()).isEqualTo("k2");
    assertThat(keyring.key("k1")).isPresent();
  }

  @Test
  void noVariableMeansNoEncryption() {
    assertThat(Keyring.fromEnvironment(Map.of())).isEmpty();
  }

  @Test
  void aShortKeyIsRejectedNamingTheVariableButNotTheKey() {
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

    assertThatThrownBy(() -> Keyring.fromEnvironment(Map.of("AVESA_CODEC_KEYS", "k1:" + shortKey)))
        .isInstanceOf(CodecKeysException.class)
        .hasMessageStartingWith("AVESA_CODEC_KEYS: entry 1 (key id 'k1')")
        .hasMessageContaining("16 bytes")
        .hasMessageNotContaining(shortKey);
  }

  @Test
  void malformedEntriesAreRejectedInOneLine() {
    assertThatThrownBy(() -> Keyring.fromEnvironment(Map.of("AVESA_CODEC_KEYS", "no-colon")))
        .hasMessage("AVESA_CODEC_KEYS: entry 1 is not id:base64key");
    assertThatThrownBy(() -> Keyring.fromEnvironment(Map.of("AVESA_CODEC_KEYS", "k1:not*base64")))
        .hasMessageContaining("not valid base64").hasMessageNotContaining("not*base64");
    String key = AesGcmPayloadCodecTest.key(1);
    assertThatThrownBy(() -> Keyring.fromEnvironment(Map.of("AVESA_CODEC_KEYS", "k1:" + key + ",k1:" + key)))
        .hasMessageContaining("listed twice");
  }

  @Test
  void anUnreadableKeyFileAndBothVariablesAreRejected() {
    assertThatThrownBy(() -> Keyring.fromEnvironment(Map.of("AVESA_CODEC_KEY_FILE", dir.resolve("missing").toString())))
        .isInstanceOf(CodecKeysException.class)
        .hasMessageStartingWith("AVESA_CODEC_KEY_FILE=");
    assertThatThrownBy(() -> Keyring.fromEnvironment(Map.of("AVESA_CODEC_KEYS", "x", "AVESA_CODEC_KEY_FILE", "y")))
        .hasMessageContaining("not both");
  }
}
