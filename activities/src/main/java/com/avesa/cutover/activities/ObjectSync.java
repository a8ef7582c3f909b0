package com.avesa.cutover.activities;

import com.avesa.cutover.activities.ObjectCopier.Route;
import com.avesa.cutover.workflows.config.CopyMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One listed object: compares it with its copy in the other bucket and, for a copy pass, copies
 * it when it is missing or different. Identical means same size, same content, same content
 * headers, user metadata and tags; equal plain-MD5 ETags count as same content, anything else
 * is settled by streaming both objects through SHA-256.
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
   * makes: its tags, then one server-side CopyObject (headers and metadata copied by S3). Objects
   * that need parts or streaming, and a refused server-side copy, take the general path.
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

  Result verify(Route route, String key) {
    Optional<ObjectState> source = S3Objects.head(route.from(), route.fromBucket(), key);
    if (source.isEmpty()) {
      return new Result(Outcome.VANISHED, 0, null);
    }
    List<String> differences = differences(route, source.get());
    if (differences.isEmpty()) {
      return new Result(Outcome.IDENTICAL, source.get().size(), null);
    }
    String problem = route.fromBucket() + "/" + key + " -> " + route.toBucket() + ": " + String.join(", ", differences);
    return new Result(Outcome.DIFFERENT, source.get().size(), problem);
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
