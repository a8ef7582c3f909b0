package com.avesa.cutover.activities.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything about an object's current version that its copy must match, except the bytes:
 * size, the ETag (to shortcut content comparison when both are plain MD5s), content headers,
 * user metadata and tags. {@code encryption} (AES256, aws:kms, SSE-C or null) only decides whether
 * the ETag is the content's MD5; it is not compared (the target bucket encrypts its own way).
 */
public record ObjectState(
    String key,
    long size,
    String eTag,
    String contentType,
    String cacheControl,
    String contentEncoding,
    String contentDisposition,
    Map<String, String> metadata,
    Map<String, String> tags,
    String encryption) {

  public ObjectState {
    eTag = eTag == null ? null : eTag.replace("\"", "");
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    tags = tags == null ? Map.of() : Map.copyOf(tags);
  }

  /**
   * S3's ETag is the MD5 of the content for a single-part upload that is unencrypted or SSE-S3
   * encrypted; a multipart ETag ("md5-of-md5s-N") and the ETag of an SSE-KMS or SSE-C object are not.
   */
  boolean eTagIsContentMd5() {
    return eTag != null && !eTag.isEmpty() && !eTag.contains("-")
        && (encryption == null || "AES256".equals(encryption));
  }

  /** What differs from {@code copy} apart from the content, in words; empty when nothing does. */
  List<String> differencesFrom(ObjectState copy) {
    List<String> differences = new ArrayList<>();
    if (size != copy.size) {
      differences.add("size " + size + " vs " + copy.size);
    }
    addIfDifferent(differences, "content type", contentType, copy.contentType);
    addIfDifferent(differences, "cache control", cacheControl, copy.cacheControl);
    addIfDifferent(differences, "content encoding", contentEncoding, copy.contentEncoding);
    addIfDifferent(differences, "content disposition", contentDisposition, copy.contentDisposition);
    if (!metadata.equals(copy.metadata)) {
      differences.add("user metadata");
    }
    if (!tags.equals(copy.tags)) {
      differences.add("tags");
    }
    return differences;
  }

  private static void addIfDifferent(List<String> differences, String what, String a, String b) {
    if (!Objects.equals(emptyToNull(a), emptyToNull(b))) {
      differences.add(what);
    }
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
