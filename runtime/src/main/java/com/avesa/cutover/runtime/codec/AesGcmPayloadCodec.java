package com.avesa.cutover.runtime.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.temporal.api.common.v1.Payload;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts whole payloads (metadata and data) with AES-256-GCM under the keyring's first key: a
 * fresh 12-byte nonce per payload, prepended to the ciphertext; the key id travels in the metadata
 * ({@value #KEY_ID}) and is bound to the ciphertext as associated data. Decoding accepts every key
 * in the keyring. A payload with any other encoding is passed through unchanged by the codec
 * {@link #AesGcmPayloadCodec(Keyring)} makes (the CLI and the codec endpoint read runs started before
 * encryption was switched on), and refused with a {@link PlaintextPayloadException} by the one
 * {@link #refusingPlaintext(Keyring)} makes (the worker: a run started without the keys is not executed).
 */
public final class AesGcmPayloadCodec implements PayloadCodec {
  /** The {@code encoding} of an encrypted payload. */
  public static final String ENCODING = "binary/encrypted";
  /** The metadata entry naming the key a payload was encrypted with. */
  public static final String KEY_ID = "encryption-key-id";

  private static final String ENCODING_KEY = "encoding";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final ByteString ENCODING_BYTES = ByteString.copyFromUtf8(ENCODING);

  private final Keyring keyring;
  private final boolean acceptsPlaintext;
  private final SecureRandom random = new SecureRandom();

  /** A codec that passes payloads that are not encrypted through decode unchanged. */
  public AesGcmPayloadCodec(Keyring keyring) {
    this(keyring, true);
  }

  private AesGcmPayloadCodec(Keyring keyring, boolean acceptsPlaintext) {
    this.keyring = keyring;
    this.acceptsPlaintext = acceptsPlaintext;
  }

  /** A codec whose decode refuses every payload that is not encrypted with a {@link PlaintextPayloadException}. */
  public static AesGcmPayloadCodec refusingPlaintext(Keyring keyring) {
    return new AesGcmPayloadCodec(keyring, false);
  }

  /** The same keys, passing payloads that are not encrypted through decode unchanged. */
  public AesGcmPayloadCodec acceptingPlaintext() {
    return acceptsPlaintext ? this : new AesGcmPayloadCodec(keyring, true);
  }

  /** False when decode refuses payloads that are not encrypted. */
  public boolean acceptsPlaintext() {
    return acceptsPlaintext;
  }

  /** The id of the key new payloads are encrypted with. */
  public String keyId() {
    return keyring.primaryId();
  }

  @Override
  public List<Payload> encode(List<Payload> payloads) {
    return payloads.stream().map(this::encrypt).toList();
  }

  @Override
  public List<Payload> decode(List<Payload> payloads) {
    return payloads.stream().map(this::decrypt).toList();
  }

  private Payload encrypt(Payload payload) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    String keyId = keyring.primaryId();
    byte[] ciphertext;
    try {
      ciphertext = cipher(Cipher.ENCRYPT_MODE, keyring.primaryKey(), nonce, keyId).doFinal(payload.toByteArray());
    } catch (GeneralSecurityException e) {
      throw new PayloadCodecException("cannot encrypt a payload with key '" + keyId + "': " + e.getMessage());
    }
    return Payload.newBuilder()
        .putMetadata(ENCODING_KEY, ENCODING_BYTES)
        .putMetadata(KEY_ID, ByteString.copyFromUtf8(keyId))
        .setData(ByteString.copyFrom(ByteBuffer.allocate(nonce.length + ciphertext.length).put(nonce).put(ciphertext).array()))
        .build();
  }

  private Payload decrypt(Payload payload) {
    ByteString encoding = payload.getMetadataOrDefault(ENCODING_KEY, ByteString.EMPTY);
    if (!ENCODING_BYTES.equals(encoding)) {
      if (acceptsPlaintext) {
        return payload;
      }
      throw new PlaintextPayloadException(encoding.toString(StandardCharsets.UTF_8));
    }
    String keyId = payload.getMetadataOrDefault(KEY_ID, ByteString.EMPTY).toString(StandardCharsets.UTF_8);
    SecretKey key = keyring.key(keyId).orElseThrow(() -> new PayloadCodecException(
        "payload is encrypted with key id '" + keyId + "', which is not in " + Keyring.KEYS_VARIABLE + " or "
            + Keyring.KEY_FILE_VARIABLE + ": add that key (after the current one) to read it"));
    byte[] data = payload.getData().toByteArray();
    if (data.length < NONCE_BYTES) {
      throw new PayloadCodecException("encrypted payload (key id '" + keyId + "') is too short to hold a nonce");
    }
    try {
      byte[] plain = cipher(Cipher.DECRYPT_MODE, key, java.util.Arrays.copyOf(data, NONCE_BYTES), keyId)
          .doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
      return Payload.parseFrom(plain);
    } catch (AEADBadTagException e) {
      throw new PayloadCodecException("encrypted payload (key id '" + keyId
          + "') fails authentication: it was altered, or the key with that id is not the one it was encrypted with");
    } catch (GeneralSecurityException | InvalidProtocolBufferException e) {
      throw new PayloadCodecException("cannot decrypt a payload with key id '" + keyId + "': " + e.getMessage());
    }
  }

  private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String keyId) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }
}
