package com.avesa.cutover.runtime.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AesGcmPayloadCodecTest {
  static final String OLD = "k1:" + key(1);
  static final String NEW = "k2:" + key(2);

  record Bucket(String name, String tenant, long objects) {}

  static String key(int fill) {
    byte[] bytes = new byte[32];
    java.util.Arrays.fill(bytes, (byte) fill);
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static Payload plain(String json) {
    return DefaultDataConverter.newDefaultInstance().toPayload(json).orElseThrow();
  }

  @Test
  void stringsAndRecordsRoundTripAndTheStoredDataIsCiphertext() {
    DataConverter converter = PayloadEncryption.dataConverter(new AesGcmPayloadCodec(Keyring.of(NEW)));
    Bucket bucket = new Bucket("data-storage-msp", "acme", 42);

    Payload storedString = converter.toPayload("tenant/acme/prod").orElseThrow();
    Payload storedRecord = converter.toPayload(bucket).orElseThrow();

    assertThat(converter.fromPayload(storedString, String.class, String.class)).isEqualTo("tenant/acme/prod");
    assertThat(converter.fromPayload(storedRecord, Bucket.class, Bucket.class)).isEqualTo(bucket);
    assertThat(storedRecord.getMetadataOrThrow("encoding").toStringUtf8()).isEqualTo(AesGcmPayloadCodec.ENCODING);
    assertThat(storedRecord.getMetadataOrThrow(AesGcmPayloadCodec.KEY_ID).toStringUtf8()).isEqualTo("k2");
    assertThat(storedRecord.getData().toString(StandardCharsets.ISO_8859_1))
        .doesNotContain("data-storage-msp").doesNotContain("acme");
    assertThat(storedString.getData().toString(StandardCharsets.ISO_8859_1)).doesNotContain("acme");
  }

  @Test
  void everyEncryptionUsesAFreshNonce() {
    AesGcmPayloadCodec codec = new AesGcmPayloadCodec(Keyring.of(NEW));
    Payload payload = plain("same");

    assertThat(codec.encode(List.of(payload)).get(0).getData())
        .isNotEqualTo(codec.encode(List.of(payload)).get(0).getData());
  }

  @Test
  void payloadsEncryptedWithARotatedOutKeyStillDecrypt() {
    Payload underOld = new AesGcmPayloadCodec(Keyring.of(OLD)).encode(List.of(plain("before rotation"))).get(0);
    AesGcmPayloadCodec rotated = new AesGcmPayloadCodec(Keyring.of(NEW, OLD));

    assertThat(rotated.decode(List.of(underOld))).containsExactly(plain("before rotation"));
    assertThat(rotated.encode(List.of(plain("after"))).get(0).getMetadataOrThrow(AesGcmPayloadCodec.KEY_ID).toStringUtf8())
        .isEqualTo("k2");
  }

  @Test
  void alteredCiphertextFailsAuthentication() {
    AesGcmPayloadCodec codec = new AesGcmPayloadCodec(Keyring.of(NEW));
    Payload encrypted = codec.encode(List.of(plain("tenant/acme/prod"))).get(0);
    byte[] data = encrypted.getData().toByteArray();
    data[data.length - 1] ^= 1;
    Payload tampered = encrypted.toBuilder().setData(ByteString.copyFrom(data)).build();

    assertThatThrownBy(() -> codec.decode(List.of(tampered)))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("fails authentication");
  }

  @Test
  void aPayloadWhoseKeyIdWasRelabelledDoesNotDecrypt() {
    Payload underNew = new AesGcmPayloadCodec(Keyring.of(NEW)).encode(List.of(plain("x"))).get(0);
    Payload relabelled = underNew.toBuilder().putMetadata(AesGcmPayloadCodec.KEY_ID, ByteString.copyFromUtf8("k1")).build();

    assertThatThrownBy(() -> new AesGcmPayloadCodec(Keyring.of(NEW, OLD)).decode(List.of(relabelled)))
        .isInstanceOf(PayloadCodecException.class);
  }

  @Test
  void anUnknownKeyIdIsNamedInTheFailure() {
    Payload underOld = new AesGcmPayloadCodec(Keyring.of(OLD)).encode(List.of(plain("x"))).get(0);

    assertThatThrownBy(() -> new AesGcmPayloadCodec(Keyring.of(NEW)).decode(List.of(underOld)))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("key id 'k1'")
        .hasMessageContaining("AVESA_CODEC_KEYS");
  }

  @Test
  void payloadsWithOtherEncodingsPassThroughDecode() {
    Payload json = plain("unencrypted run");

    assertThat(new AesGcmPayloadCodec(Keyring.of(NEW)).decode(List.of(json))).containsExactly(json);
  }

  @Test
  void theWorkersCodecRefusesPayloadsThatAreNotEncryptedNamingTheFix() {
    AesGcmPayloadCodec worker = PayloadEncryption.workerCodec(Map.of(Keyring.KEYS_VARIABLE, NEW)).orElseThrow();

    assertThat(worker.acceptsPlaintext()).isFalse();
    assertThatThrownBy(() -> worker.decode(List.of(plain("unencrypted run"))))
        .isInstanceOf(PlaintextPayloadException.class)
        .hasMessageContaining("encoding 'json/plain'")
        .hasMessageContaining("AVESA_CODEC_ACCEPT_PLAINTEXT=true");
    assertThat(worker.decode(worker.encode(List.of(plain("x"))))).containsExactly(plain("x"));
    assertThat(worker.acceptingPlaintext().decode(List.of(plain("old run")))).containsExactly(plain("old run"));
  }

  @Test
  void acceptPlaintextIsTrueOrFalseAndNothingElse() {
    assertThat(PayloadEncryption.workerCodec(Map.of(Keyring.KEYS_VARIABLE, NEW,
        PayloadEncryption.ACCEPT_PLAINTEXT_VARIABLE, "TRUE")).orElseThrow().acceptsPlaintext()).isTrue();
    assertThatThrownBy(() -> PayloadEncryption.workerCodec(Map.of(Keyring.KEYS_VARIABLE, NEW,
        PayloadEncryption.ACCEPT_PLAINTEXT_VARIABLE, "yes")))
        .isInstanceOf(CodecKeysException.class)
        .hasMessage("AVESA_CODEC_ACCEPT_PLAINTEXT=yes: expected true or false");
  }

  @Test
  void aRefusedEncodingIsNamedOnlyAsFarAsItCanNameAnEncoding() {
    Payload odd = Payload.newBuilder().putMetadata("encoding", ByteString.copyFromUtf8("x\n".repeat(40))).build();

    assertThatThrownBy(() -> AesGcmPayloadCodec.refusingPlaintext(Keyring.of(NEW)).decode(List.of(odd)))
        .isInstanceOf(PlaintextPayloadException.class)
        .hasMessageNotContaining("\n")
        .hasMessageContaining("...'");
  }

  @Test
  void withoutKeysTheDefaultConverterIsUsed() {
    DataConverter converter = PayloadEncryption.dataConverter(Map.of());

    assertThat(converter.toPayload("acme").orElseThrow().getData().toStringUtf8()).isEqualTo("\"acme\"");
    assertThat(PayloadEncryption.codec(Map.of())).isEmpty();
  }
}
