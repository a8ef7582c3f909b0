package com.avesa.cutover.activities.migration;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What the other bucket holds in the key range of a source page, from one or two listings instead
 * of a HEAD per object. Listings run in key order: the range from the page's first key to its last
 * is listed, starting after the first key without its last character (a prefix of it, so it sorts
 * just before it and only keys between the two are listed in addition).
 */
final class TargetListing {
  private static final int MAX_KEYS = 1_000;

  private TargetListing() {}

  /** The page's keys the other bucket has. */
  static Set<String> present(S3Client target, String bucket, String prefix, List<S3Object> page) {
    return listed(target, bucket, prefix, page).keySet();
  }

  /** The other bucket's listed objects from the page's first key to its last, by key. */
  static Map<String, S3Object> listed(S3Client target, String bucket, String prefix, List<S3Object> page) {
    Map<String, S3Object> listed = new HashMap<>();
    if (page.isEmpty()) {
      return listed;
    }
    String first = page.get(0).key();
    String last = page.get(page.size() - 1).key();
    String before = first.substring(0, first.offsetByCodePoints(first.length(), -1));
    String token = null;
    do {
      String continuation = token;
      ListObjectsV2Response listing = target.listObjectsV2(b -> b
          .bucket(bucket)
          .prefix(prefix == null || prefix.isEmpty() ? null : prefix)
          .startAfter(continuation == null && !before.isEmpty() ? before : null)
          .continuationToken(continuation)
          .maxKeys(MAX_KEYS));
      for (S3Object object : listing.contents()) {
        if (object.key().compareTo(last) > 0) {
          return listed;
        }
        listed.put(object.key(), object);
      }
      token = Boolean.TRUE.equals(listing.isTruncated()) ? listing.nextContinuationToken() : null;
    } while (token != null);
    return listed;
  }
}
