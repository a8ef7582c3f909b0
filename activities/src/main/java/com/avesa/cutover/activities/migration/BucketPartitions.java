package com.avesa.cutover.activities.migration;

import com.avesa.cutover.activities.aws.Failures;
import com.avesa.cutover.activities.aws.Heartbeats;
import com.avesa.cutover.workflows.migration.KeyRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Splits one listing (bucket, prefix) into contiguous key ranges without listing it: the groups
 * are its "/" prefixes one level down, two levels when the first is few (AVESA's raw/ →
 * raw/{tenant}/); when the groups are still fewer than a quarter of the ranges wanted (the
 * partitions run at once, as the workflow asks), each group is split where its keys
 * branch on a character (found with LISTs of one key: StartAfter just past each character seen).
 * The ranges run from one group's first possible key to the next's, so they hold every key under
 * the prefix exactly once whatever the groups are; a probe that gives up leaves a group whole.
 */
final class BucketPartitions {
  /** Pages of a delimiter listing read per level; prefixes past them stay inside the last range. */
  static final int DELIMITER_PAGES = 2;
  /** One-key LISTs a split may send in all. */
  static final int MAX_PROBES = 200;
  /** How deep a single-character chain is followed before a group is left whole. */
  static final int MAX_DEPTH = 256;
  /** Beyond every character: after a key's character c, StartAfter c + this skips all keys continuing c. */
  private static final String AFTER_ALL = new String(Character.toChars(Character.MAX_CODE_POINT)).repeat(4);

  private final S3Client s3;
  private final String bucket;
  private final int unsplitUpTo;
  private int probes;

  /** Splits whatever the listing's size (tests of the splitting itself). */
  BucketPartitions(S3Client s3, String bucket) {
    this(s3, bucket, 0);
  }

  /** A listing of at most {@code unsplitUpTo} keys stays one range (one LIST of that many keys tells). */
  BucketPartitions(S3Client s3, String bucket, int unsplitUpTo) {
    this.s3 = s3;
    this.bucket = bucket;
    this.unsplitUpTo = unsplitUpTo;
  }

  /**
   * At most {@code max} (at least 1) contiguous ranges covering every key under {@code prefix};
   * a missing bucket is one range (its page activities report it).
   */
  List<KeyRange> split(String prefix, int max) {
    if (max <= 1) {
      return List.of(KeyRange.ALL);
    }
    try {
      String p = prefix == null ? "" : prefix;
      if (unsplitUpTo > 0 && !Boolean.TRUE.equals(list(b -> b.bucket(bucket).prefix(p.isEmpty() ? null : p)
          .maxKeys(unsplitUpTo)).isTruncated())) {
        return List.of(KeyRange.ALL);
      }
      return ranges(groups(p, max), max);
    } catch (MissingBucket e) {
      return List.of(KeyRange.ALL);
    }
  }

  /** Groups enough to fill a quarter of {@code max} are kept; fewer are split further. */
  private List<String> groups(String p, int max) {
    int enough = Math.max(2, max / 4);
    List<String> groups = commonPrefixes(p);
    if (groups.size() < enough) {
      List<String> deeper = new ArrayList<>();
      for (String group : groups) {
        List<String> below = commonPrefixes(group);
        deeper.addAll(below.isEmpty() ? List.of(group) : below);
      }
      if (deeper.size() <= max) {
        groups = deeper;
      }
    }
    if (groups.isEmpty()) {
      groups = List.of(p);
    }
    for (int round = 0; round < 4 && groups.size() < enough && probes < MAX_PROBES; round++) {
      int want = Math.max(2, (max + groups.size() - 1) / groups.size());
      List<String> branched = new ArrayList<>();
      for (String group : groups) {
        branched.addAll(branches(group, want));
      }
      if (branched.size() == groups.size()) {
        break; // no group branches any more
      }
      groups = branched;
    }
    return groups;
  }

  /** Contiguous ranges whose boundaries are the groups' first possible keys, at most {@code max}, evenly picked. */
  static List<KeyRange> ranges(List<String> groups, int max) {
    TreeSet<String> sorted = new TreeSet<>(KeyOrder::compare);
    sorted.addAll(groups);
    List<String> starts = new ArrayList<>(sorted);
    // the first group begins the listing: ranges change hands at the second group's start and after
    List<String> boundaries = starts.size() <= 1 ? List.of() : starts.subList(1, starts.size());
    if (boundaries.size() > max - 1) {
      List<String> picked = new ArrayList<>();
      for (int i = 1; i < max; i++) {
        picked.add(boundaries.get((int) ((long) i * boundaries.size() / max)));
      }
      boundaries = picked.stream().distinct().toList();
    }
    List<KeyRange> ranges = new ArrayList<>();
    String from = null;
    for (String boundary : boundaries) {
      // a key equal to a group's start belongs to the range before it: (from, boundary]
      ranges.add(new KeyRange(from, boundary));
      from = boundary;
    }
    ranges.add(new KeyRange(from, null));
    return ranges;
  }

  /** The "/" prefixes directly under {@code prefix}, from at most {@link #DELIMITER_PAGES} pages. */
  private List<String> commonPrefixes(String prefix) {
    List<String> found = new ArrayList<>();
    String token = null;
    for (int page = 0; page < DELIMITER_PAGES; page++) {
      String continuation = token;
      ListObjectsV2Response listing = list(b -> b.bucket(bucket).prefix(prefix.isEmpty() ? null : prefix)
          .delimiter("/").continuationToken(continuation));
      listing.commonPrefixes().stream().map(CommonPrefix::prefix).forEach(found::add);
      token = Boolean.TRUE.equals(listing.isTruncated()) ? listing.nextContinuationToken() : null;
      if (token == null) {
        break;
      }
    }
    return found;
  }

  /**
   * {@code group} split where its keys first branch: follows a chain of single next characters,
   * then returns {@code chain + c} for each character c seen there (at most {@code want}); the
   * group itself when its keys do not branch or the probes run out.
   */
  private List<String> branches(String group, int want) {
    String chain = group;
    for (int depth = 0; depth < MAX_DEPTH && probes < MAX_PROBES; depth++) {
      List<String> next = new ArrayList<>();
      String after = chain;
      while (next.size() < Math.max(want, 2) && probes < MAX_PROBES) {
        Optional<String> key = firstAfter(chain, after);
        if (key.isEmpty() || key.get().length() <= chain.length()) {
          break;
        }
        String branch = chain + new String(Character.toChars(key.get().codePointAt(chain.length())));
        if (next.contains(branch)) {
          break; // a key beyond AFTER_ALL: the rest stays in the last branch's range
        }
        next.add(branch);
        after = branch + AFTER_ALL;
      }
      if (next.size() > 1) {
        return next;
      }
      if (next.isEmpty()) {
        return List.of(group);
      }
      chain = next.get(0);
    }
    return List.of(group);
  }

  private Optional<String> firstAfter(String prefix, String after) {
    probes++;
    ListObjectsV2Response listing = list(b -> b.bucket(bucket).prefix(prefix.isEmpty() ? null : prefix)
        .startAfter(after.isEmpty() ? null : after).maxKeys(1));
    return listing.contents().stream().map(S3Object::key).findFirst();
  }

  private ListObjectsV2Response list(
      java.util.function.Consumer<software.amazon.awssdk.services.s3.model.ListObjectsV2Request.Builder> request) {
    // every LIST heartbeats (the SDK throttles them): a few hundred small LISTs outlast a heartbeat timeout
    Heartbeats.beat(new BucketActivitiesImpl.PageProgress(bucket, null, probes, 0));
    try {
      return s3.listObjectsV2(request);
    } catch (SdkException e) {
      if (Failures.isNotFound(e)) {
        throw new MissingBucket();
      }
      throw Failures.classify("list " + bucket + " for its partitions", e);
    }
  }

  private static final class MissingBucket extends RuntimeException {
    MissingBucket() {
      super(null, null, false, false);
    }
  }
}
