package com.avesa.cutover.activities.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.Tag;

/** Reads of one object: its state (HEAD + tags) and the SHA-256 of its content, streamed. */
public final class S3Objects {
  private static final int BUFFER = 64 * 1024;

  private S3Objects() {}

  /** The object's current state, or empty when the key (or the bucket) does not exist. */
  public static Optional<ObjectState> head(S3Client s3, String bucket, String key) {
    return unlessMissing(() -> {
      HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
      return new ObjectState(
          key,
          head.contentLength(),
          head.eTag(),
          head.contentType(),
          head.cacheControl(),
          head.contentEncoding(),
          head.contentDisposition(),
          head.metadata(),
          readTags(s3, bucket, key),
          head.sseCustomerAlgorithm() != null ? "SSE-C" : head.serverSideEncryptionAsString());
    });
  }

  /**
   * What a server-side copy of a listed object needs and the listing lacks: its tags (CopyObject
   * copies headers and metadata itself). Empty when the key vanished since it was listed.
   */
  static Optional<ObjectState> listed(S3Client s3, String bucket, S3Object listed) {
    return unlessMissing(() -> new ObjectState(listed.key(), listed.size(), listed.eTag(), null, null, null, null,
        Map.of(), readTags(s3, bucket, listed.key()), null));
  }

  /**
   * An object's state without tags (one HEAD with checksum mode on) and the full-object checksums
   * S3 stored for it, by algorithm: what settles equal content when an ETag is not a content MD5.
   */
  record Stored(ObjectState state, Map<String, String> checksums) {
    /** Same content by the stored checksums: empty when the two share no full-object checksum. */
    Optional<Boolean> sameChecksumAs(Stored copy) {
      for (Map.Entry<String, String> checksum : checksums.entrySet()) {
        String other = copy.checksums.get(checksum.getKey());
        if (other != null) {
          return Optional.of(other.equals(checksum.getValue()));
        }
      }
      return Optional.empty();
    }
  }

  /** The object's ETag, encryption and stored checksums; empty when the key (or the bucket) does not exist. */
  static Optional<Stored> stored(S3Client s3, String bucket, String key) {
    return unlessMissing(() -> {
      HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key).checksumMode(ChecksumMode.ENABLED));
      Map<String, String> checksums = new LinkedHashMap<>();
      if (head.checksumType() != ChecksumType.COMPOSITE) {
        putChecksum(checksums, "CRC64NVME", head.checksumCRC64NVME());
        putChecksum(checksums, "SHA256", head.checksumSHA256());
        putChecksum(checksums, "CRC32C", head.checksumCRC32C());
        putChecksum(checksums, "CRC32", head.checksumCRC32());
        putChecksum(checksums, "SHA1", head.checksumSHA1());
      }
      ObjectState state = new ObjectState(key, head.contentLength(), head.eTag(), head.contentType(),
          head.cacheControl(), head.contentEncoding(), head.contentDisposition(), head.metadata(), Map.of(),
          head.sseCustomerAlgorithm() != null ? "SSE-C" : head.serverSideEncryptionAsString());
      return new Stored(state, checksums);
    });
  }

  /** A part-wise ("value-N") checksum only compares with the same part layout: left out. */
  private static void putChecksum(Map<String, String> checksums, String algorithm, String value) {
    if (value != null && !value.isEmpty() && !value.contains("-")) {
      checksums.put(algorithm, value);
    }
  }

  /** The read's answer, or empty when the key (or its bucket) does not exist. */
  private static <T> Optional<T> unlessMissing(Supplier<T> read) {
    try {
      return Optional.of(read.get());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static Map<String, String> readTags(S3Client s3, String bucket, String key) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (Tag tag : s3.getObjectTagging(b -> b.bucket(bucket).key(key)).tagSet()) {
      tags.put(tag.key(), tag.value());
    }
    return tags;
  }

  /** SHA-256 (hex) of the object's content, read as a stream; empty when the key vanished. */
  static Optional<String> sha256(S3Client s3, String bucket, String key) {
    try (ResponseInputStream<GetObjectResponse> body = s3.getObject(b -> b.bucket(bucket).key(key))) {
      return Optional.of(sha256(body));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + bucket + "/" + key + ": " + e.getMessage(), e);
    }
  }

  static String sha256(InputStream in) throws IOException {
    MessageDigest digest = Digests.sha256();
    byte[] buffer = new byte[BUFFER];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      digest.update(buffer, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
