package com.avesa.cutover.workflows.codec;

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
 * in the keyring and passes payloads with any other encoding through unchanged, so runs started
 * before encryption was switched on still read.
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
  private final SecureRandom random = new SecureRandom();

  public AesGcmPayloadCodec(Keyring keyring) {
    this.keyring = keyring;
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
    if (!ENCODING_BYTES.equals(payload.getMetadataOrDefault(ENCODING_KEY, ByteString.EMPTY))) {
      return payload;
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
