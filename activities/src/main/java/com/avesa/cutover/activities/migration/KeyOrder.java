package com.avesa.cutover.activities.migration;

import java.util.List;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/** S3's key order (UTF-8 bytes, which is code point order), and listings cut at a range's end. */
final class KeyOrder {
  private KeyOrder() {}

  static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /**
   * {@code listing} without the keys after {@code endAt} (inclusive end; null: unchanged); once
   * the range's end is reached the listing reports itself complete (no next token).
   */
  static ListObjectsV2Response endingAt(ListObjectsV2Response listing, String endAt) {
    if (endAt == null || listing.contents().isEmpty()) {
      return listing;
    }
    List<S3Object> kept = listing.contents().stream().filter(o -> compare(o.key(), endAt) <= 0).toList();
    boolean ended = kept.size() < listing.contents().size() || compare(kept.get(kept.size() - 1).key(), endAt) == 0;
    if (!ended) {
      return listing;
    }
    return listing.toBuilder().contents(kept).keyCount(kept.size()).isTruncated(false).nextContinuationToken(null)
        .build();
  }
}
