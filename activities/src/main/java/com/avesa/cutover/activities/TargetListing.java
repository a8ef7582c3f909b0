package com.avesa.cutover.activities;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Which keys of a source page the target already has, from one or two target listings instead
 * of a HEAD per object. Listings run in key order: the range from just after the page's first key
 * to its last key is listed; the first key itself cannot be asked for that way (StartAfter
 * excludes it) and is reported as present, so it takes the careful path.
 */
final class TargetListing {
  private static final int MAX_KEYS = 1_000;

  private TargetListing() {}

  static Set<String> present(S3Client target, String bucket, String prefix, List<S3Object> page) {
    Set<String> present = new HashSet<>();
    if (page.isEmpty()) {
      return present;
    }
    String first = page.get(0).key();
    String last = page.get(page.size() - 1).key();
    present.add(first);
    String token = null;
    do {
      String continuation = token;
      ListObjectsV2Response listing = target.listObjectsV2(b -> b
          .bucket(bucket)
          .prefix(prefix == null || prefix.isEmpty() ? null : prefix)
          .startAfter(continuation == null ? first : null)
          .continuationToken(continuation)
          .maxKeys(MAX_KEYS));
      for (S3Object object : listing.contents()) {
        if (object.key().compareTo(last) > 0) {
          return present;
        }
        present.add(object.key());
      }
      token = Boolean.TRUE.equals(listing.isTruncated()) ? listing.nextContinuationToken() : null;
    } while (token != null);
    return present;
  }
}
