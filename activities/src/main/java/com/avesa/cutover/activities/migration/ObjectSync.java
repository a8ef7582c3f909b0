package com.avesa.cutover.activities.migration;

import com.avesa.cutover.activities.aws.Failures;
import com.avesa.cutover.activities.migration.ObjectCopier.Route;
import com.avesa.cutover.workflows.config.CopyMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One listed object: compares it with its copy in the other bucket and, for a copy pass, copies
 * it when it is missing or different. Identical means same size, same content, same content
 * headers, user metadata and tags; equal plain-MD5 ETags count as same content, anything else
 * is settled by streaming both objects through SHA-256. In LISTING mode ({@code data.verify})
 * the two listings decide instead, with stored checksums where an ETag is not a content MD5.
 */
final class ObjectSync {
  enum Outcome {
    IDENTICAL,
    DIFFERENT,
    COPIED,
    VANISHED
  }

  /** What happened to one object; {@code problem} is set for differences found by verification. */
  record Result(Outcome outcome, long bytes, String problem) {}

  private final ObjectCopier copier;
  private final PrefixShaper writes;

  ObjectSync(ObjectCopier copier, PrefixShaper writes) {
    this.copier = copier;
    this.writes = writes;
  }

  Result plan(Route route, String key) {
    Optional<ObjectState> source = S3Objects.head(route.from(), route.fromBucket(), key);
    if (source.isEmpty()) {
      return new Result(Outcome.VANISHED, 0, null);
    }
    List<String> differences = differences(route, source.get());
    return new Result(differences.isEmpty() ? Outcome.IDENTICAL : Outcome.DIFFERENT, source.get().size(), null);
  }

  /**
   * Copies the object unless its copy is identical. In AUTO mode a refused server-side copy
   * switches this object, and the rest of the page ({@code serverCopyRefused}), to streaming.
   */
  Result copy(Route route, String key, CopyMode mode, AtomicBoolean serverCopyRefused) {
    Optional<ObjectState> found = S3Objects.head(route.from(), route.fromBucket(), key);
    if (found.isEmpty()) {
      return new Result(Outcome.VANISHED, 0, null);
    }
    ObjectState source = found.get();
    if (differences(route, source).isEmpty()) {
      return new Result(Outcome.IDENTICAL, source.size(), null);
    }
    writes.acquire(route.toBucket(), key);
    if (mode == CopyMode.STREAM || (mode == CopyMode.AUTO && serverCopyRefused.get())) {
      copier.copyStreaming(route, source);
    } else {
      try {
        copier.copyServerSide(route, source);
      } catch (SdkException e) {
        if (mode != CopyMode.AUTO || !Failures.isAccessDenied(e)) {
          throw e;
        }
        serverCopyRefused.set(true);
        copier.copyStreaming(route, source);
      }
    }
    return new Result(Outcome.COPIED, source.size(), null);
  }

  /**
   * Copies an object the target's listing does not have, without the HEADs the general path
   * makes: its tags, then one server-side CopyObject (headers and metadata copied by S3; FULL
   * mode, as before LISTING existed). Objects that need parts or streaming, and a refused
   * server-side copy, take the general path.
   */
  Result copyMissing(Route route, S3Object listed, CopyMode mode, AtomicBoolean serverCopyRefused) {
    if (mode == CopyMode.STREAM || serverCopyRefused.get() || listed.size() >= copier.threshold(route)) {
      return copy(route, listed.key(), mode, serverCopyRefused);
    }
    Optional<ObjectState> source = S3Objects.listed(route.from(), route.fromBucket(), listed);
    if (source.isEmpty()) {
      return new Result(Outcome.VANISHED, 0, null);
    }
    writes.acquire(route.toBucket(), listed.key());
    try {
      copier.copyServerSide(route, source.get());
    } catch (SdkException e) {
      if (mode != CopyMode.AUTO || !Failures.isAccessDenied(e)) {
        throw e;
      }
      serverCopyRefused.set(true);
      return copy(route, listed.key(), mode, serverCopyRefused);
    }
    return new Result(Outcome.COPIED, listed.size(), null);
  }

  /**
   * Copies a listed object the target lacks (or has with another size or content): one
   * {@code CopyObject} pinned to the listed ETag, S3 copying headers, metadata and tags itself,
   * and the copy's ETag compared with the listed one. Objects that need parts or streaming, a
   * refused server-side copy and a source changed since it was listed take the general path.
   * {@code sampled}: the copy is then checked in full (headers, metadata, tags, content).
   */
  Result copyListed(Route route, S3Object listed, CopyMode mode, AtomicBoolean serverCopyRefused, boolean sampled) {
    String key = listed.key();
    if (mode == CopyMode.STREAM || serverCopyRefused.get() || listed.size() >= copier.threshold(route)) {
      return checked(route, key, copy(route, key, mode, serverCopyRefused), sampled);
    }
    ObjectState source = new ObjectState(key, listed.size(), listed.eTag(), null, null, null, null, null, null, null);
    writes.acquire(route.toBucket(), key);
    CopyObjectResponse response;
    try {
      response = copier.copyObject(route, key, listed.eTag(), source.eTagIsContentMd5());
    } catch (SdkException e) {
      boolean changed = e instanceof S3Exception s3 && s3.statusCode() == 412;
      if (!changed && Failures.hasErrorCode(e, Set.of("NoSuchKey"))) {
        return new Result(Outcome.VANISHED, 0, null);
      }
      if (!changed && (mode != CopyMode.AUTO || !Failures.isAccessDenied(e))) {
        throw e;
      }
      if (!changed) {
        serverCopyRefused.set(true);
      }
      return checked(route, key, copy(route, key, mode, serverCopyRefused), sampled);
    }
    String mismatch = eTagMismatch(route, source, response);
    if (mismatch != null) {
      return new Result(Outcome.COPIED, listed.size(), problem(route, key, List.of(mismatch)));
    }
    return checked(route, key, new Result(Outcome.COPIED, listed.size(), null), sampled);
  }

  /**
   * The key of the first object of a page whose target listing does not match (missing, another
   * size or another ETag): in LISTING mode it is always checked in full after its copy, besides
   * the sample, so a store that drops headers, metadata or tags on a directive-COPY copy is found
   * on the first page it copies to, not only where the sample falls. Null: nothing to copy.
   */
  static String firstToCopy(List<S3Object> page, Map<String, S3Object> inTarget) {
    for (S3Object listed : page) {
      S3Object copy = inTarget.get(listed.key());
      if (copy == null || !listed.size().equals(copy.size()) || !sameETag(listed, copy)) {
        return listed.key();
      }
    }
    return null;
  }

  /**
   * LISTING mode, copy pass: nothing to do when the target lists the key with the same size and
   * ETag, or (ETags that are not content MD5s) the same stored checksum; else one copy.
   */
  Result copyAgainstListing(Route route, S3Object listed, S3Object copy, CopyMode mode,
      AtomicBoolean serverCopyRefused, boolean sampled) {
    if (copy != null && listed.size().equals(copy.size())) {
      Optional<Boolean> same = sameETag(listed, copy) ? Optional.of(true) : sameStoredContent(route, listed.key(), false);
      if (same.isEmpty()) {
        return new Result(Outcome.VANISHED, 0, null);
      }
      if (same.get()) {
        return new Result(Outcome.IDENTICAL, listed.size(), null);
      }
    }
    return copyListed(route, listed, mode, serverCopyRefused, sampled);
  }

  /**
   * LISTING mode, verify pass: the key is listed in the target with the same size and the same
   * ETag; where the ETags differ and are not both content MD5s, the stored checksums (else both
   * bodies, streamed) must be equal.
   */
  Result verifyAgainstListing(Route route, S3Object listed, S3Object copy) {
    String key = listed.key();
    String difference;
    if (copy == null) {
      difference = "missing";
    } else if (!listed.size().equals(copy.size())) {
      difference = "size " + listed.size() + " vs " + copy.size();
    } else {
      Optional<Boolean> same = sameETag(listed, copy) ? Optional.of(true) : sameStoredContent(route, key, true);
      if (same.isEmpty()) {
        return new Result(Outcome.VANISHED, 0, null);
      }
      difference = same.get() ? null : "content differs (same size)";
    }
    return difference == null
        ? new Result(Outcome.IDENTICAL, listed.size(), null)
        : new Result(Outcome.DIFFERENT, listed.size(), problem(route, key, List.of(difference)));
  }

  /**
   * Whether {@code key} belongs to the share {@code sample} (0 to 1) of keys: the first 8 bytes of
   * the SHA-256 of its UTF-8 form, as a fraction of 2^64, below {@code sample}. Stable across runs,
   * workers and JVMs.
   */
  static boolean sampled(String key, double sample) {
    if (sample <= 0) {
      return false;
    }
    byte[] hash = Digests.sha256().digest(key.getBytes(StandardCharsets.UTF_8));
    long top = ByteBuffer.wrap(hash, 0, 8).getLong() >>> 11;
    return top < sample * (1L << 53);
  }

  /** A copied, sampled object checked in full; a difference is the result's problem. */
  private Result checked(Route route, String key, Result copied, boolean sampled) {
    if (!sampled || copied.outcome() != Outcome.COPIED || copied.problem() != null) {
      return copied;
    }
    Result full = verify(route, key);
    return full.outcome() == Outcome.DIFFERENT ? new Result(Outcome.COPIED, copied.bytes(), full.problem()) : copied;
  }

  /**
   * The copy's ETag against the listed one where both are content MD5s: null when they match or
   * cannot be compared. The listing does not say how the source is encrypted, so an unexpected
   * mismatch asks the source (one HEAD): an SSE-KMS or SSE-C source has no content-MD5 ETag.
   */
  private static String eTagMismatch(Route route, ObjectState source, CopyObjectResponse response) {
    String copied = response.copyObjectResult() == null ? null : response.copyObjectResult().eTag();
    String encryption = response.sseCustomerAlgorithm() != null ? "SSE-C" : response.serverSideEncryptionAsString();
    ObjectState copy = new ObjectState(source.key(), source.size(), copied, null, null, null, null, null, null, encryption);
    if (copy.eTag() == null || copy.eTag().equals(source.eTag()) || !source.eTagIsContentMd5() || !copy.eTagIsContentMd5()) {
      return null;
    }
    Optional<S3Objects.Stored> now = S3Objects.stored(route.from(), route.fromBucket(), source.key());
    if (now.isEmpty() || !now.get().state().eTagIsContentMd5() || !source.eTag().equals(now.get().state().eTag())) {
      return null;
    }
    return "the copy's ETag " + copy.eTag() + " is not the source's MD5 " + source.eTag();
  }

  private static boolean sameETag(S3Object listed, S3Object copy) {
    return listed.eTag() != null && listed.eTag().replace("\"", "").equals(copy.eTag() == null ? null : copy.eTag().replace("\"", ""));
  }

  /**
   * Equal content of two objects of equal size whose ETags differ: by the ETags where both are
   * content MD5s, else by a full-object checksum both stored, else ({@code stream}) by streaming
   * both through SHA-256; without {@code stream}, no shared checksum counts as different. Empty
   * when the source vanished.
   */
  private static Optional<Boolean> sameStoredContent(Route route, String key, boolean stream) {
    Optional<S3Objects.Stored> source = S3Objects.stored(route.from(), route.fromBucket(), key);
    if (source.isEmpty()) {
      return Optional.empty();
    }
    Optional<S3Objects.Stored> copy = S3Objects.stored(route.to(), route.toBucket(), key);
    if (copy.isEmpty()) {
      return Optional.of(false);
    }
    if (source.get().state().eTagIsContentMd5() && copy.get().state().eTagIsContentMd5()) {
      return Optional.of(source.get().state().eTag().equals(copy.get().state().eTag()));
    }
    Optional<Boolean> byChecksum = source.get().sameChecksumAs(copy.get());
    if (byChecksum.isPresent() || !stream) {
      return Optional.of(byChecksum.orElse(false));
    }
    Optional<String> sourceHash = S3Objects.sha256(route.from(), route.fromBucket(), key);
    return sourceHash.isEmpty() ? Optional.empty()
        : Optional.of(sourceHash.equals(S3Objects.sha256(route.to(), route.toBucket(), key)));
  }

  private static String problem(Route route, String key, List<String> differences) {
    return route.fromBucket() + "/" + key + " -> " + route.toBucket() + ": " + String.join(", ", differences);
  }

  Result verify(Route route, String key) {
    Optional<ObjectState> source = S3Objects.head(route.from(), route.fromBucket(), key);
    if (source.isEmpty()) {
      return new Result(Outcome.VANISHED, 0, null);
    }
    List<String> differences = differences(route, source.get());
    if (differences.isEmpty()) {
      return new Result(Outcome.IDENTICAL, source.get().size(), null);
    }
    return new Result(Outcome.DIFFERENT, source.get().size(), problem(route, key, differences));
  }

  /** Differences in words, content included (see {@link #sameContent}). */
  private static List<String> differences(Route route, ObjectState source) {
    Optional<ObjectState> copy = S3Objects.head(route.to(), route.toBucket(), source.key());
    if (copy.isEmpty()) {
      return List.of("missing");
    }
    List<String> differences = new ArrayList<>(source.differencesFrom(copy.get()));
    if (source.size() == copy.get().size() && !sameContent(route, source, copy.get())) {
      differences.add(0, "content differs (same size)");
    }
    return differences;
  }

  /**
   * Equal content: by the two MD5s S3 computed when both ETags are content MD5s (single-part,
   * unencrypted or SSE-S3), else by streaming both bodies through SHA-256.
   */
  private static boolean sameContent(Route route, ObjectState source, ObjectState copy) {
    if (source.eTagIsContentMd5() && copy.eTagIsContentMd5()) {
      return source.eTag().equals(copy.eTag());
    }
    Optional<String> sourceHash = S3Objects.sha256(route.from(), route.fromBucket(), source.key());
    Optional<String> copyHash = S3Objects.sha256(route.to(), route.toBucket(), source.key());
    return sourceHash.isEmpty() || sourceHash.equals(copyHash);
  }
}
