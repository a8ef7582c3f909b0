package com.avesa.cutover.activities.migration;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps writes to any one S3 prefix under S3's 3,500 PUT/COPY per second: one evenly spacing
 * limiter per (bucket, prefix), where the prefix is the key up to its second '/' — in AVESA's
 * lake {@code raw/{tenant}/} or {@code canonical/{tenant}/}, the prefixes S3 partitions by as the
 * load grows. One shaper per worker process; several workers share the budget only by staying
 * well below it each (the default concurrency does).
 */
final class PrefixShaper {
  static final int S3_WRITES_PER_PREFIX = 3_500;
  private static final int DEPTH = 2;

  private final int perSecond;
  private final Map<String, WriteRateLimiter> limiters = new ConcurrentHashMap<>();

  PrefixShaper(int perSecond) {
    this.perSecond = perSecond;
  }

  /** Waits, if needed, until one more write to {@code key}'s prefix in {@code bucket} fits the rate. */
  void acquire(String bucket, String key) {
    limiterFor(bucket, key).acquire();
  }

  WriteRateLimiter limiterFor(String bucket, String key) {
    return limiters.computeIfAbsent(bucket + "/" + prefixOf(key), k -> new WriteRateLimiter(perSecond));
  }

  /** The key up to and including its {@value #DEPTH}nd '/', or the whole key's parent when shallower. */
  static String prefixOf(String key) {
    int end = -1;
    for (int i = 0; i < DEPTH; i++) {
      int next = key.indexOf('/', end + 1);
      if (next < 0) {
        break;
      }
      end = next;
    }
    return key.substring(0, end + 1);
  }
}
