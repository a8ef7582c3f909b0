package com.avesa.cutover.activities.migration;

import com.avesa.cutover.activities.aws.Failures;
import com.avesa.cutover.activities.migration.ObjectCopier.Route;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;

/**
 * One object copied as a multipart upload that survives a retry. The upload's id, its part size
 * and the part numbers that arrived are kept in {@link Uploads}, which the page activity puts in
 * its heartbeat details; a retried attempt (or another worker) that finds them there asks S3
 * which parts it holds ({@code ListParts}) and sends only the others. A failure that a retry
 * cannot cure (access denied, the source changed, the upload gone) aborts the upload; any other
 * leaves it for the retry, and an upload whose run gives up for good is left to the bucket's
 * {@code AbortIncompleteMultipartUpload} lifecycle rule.
 *
 * <p>The target is written with a full-object {@link #CHECKSUM} (the SDK sends each part's CRC in
 * a trailer of the signed, chunked upload; S3 combines them into the whole object's), so a copy
 * whose ETag is not a content MD5 still has a stored checksum of its whole content. CRC32, not
 * CRC64NVME: the SDK computes CRC64NVME only with the native aws-crt library, and moto 5.2.1
 * without awscrt stores a CRC32 under the CRC64NVME name.
 */
final class MultipartCopy {
  static final int MAX_PARTS = 10_000;
  static final long MIN_PART_SIZE = 5L << 20;
  static final ChecksumAlgorithm CHECKSUM = ChecksumAlgorithm.CRC32;
  private static final int PARTS_IN_FLIGHT = 8;

  /** Writes one part of the upload and answers it as S3 acknowledged it (ETag, checksum). */
  interface PartWriter {
    CompletedPart write(String uploadId, Part part);
  }

  record Part(int number, long first, long last) {
    String range() {
      return "bytes=" + first + "-" + last;
    }

    long length() {
      return last - first + 1;
    }
  }

  /**
   * Heartbeat details of one unfinished upload: which upload, of which source version, in parts of
   * which size, and the part numbers that arrived as ranges ("1-6,9"), a few bytes for 10,000 parts.
   */
  record Upload(String key, String uploadId, String sourceETag, long partSize, String finished) {}

  private final ParallelRunner parts;
  private final Uploads uploads;

  MultipartCopy(ParallelRunner parts, Uploads uploads) {
    this.parts = parts;
    this.uploads = uploads;
  }

  /**
   * Copies {@code object} in parts of {@code partSize} (see {@link #partSize}), resuming the upload
   * recorded for it when there is one for the same source version and part size.
   */
  void copy(Route route, ObjectState object, long partSize, CreateMultipartUploadRequest create, PartWriter writer) {
    List<Part> plan = partsOf(object.size(), partSize);
    Tracked tracked = resumed(route, object, partSize)
        .orElseGet(() -> new Tracked(route.to().createMultipartUpload(create.toBuilder()
            .checksumAlgorithm(CHECKSUM)
            .checksumType(ChecksumType.FULL_OBJECT)
            .build()).uploadId(), object.eTag(), partSize, Map.of()));
    uploads.track(route.toBucket(), object.key(), tracked);
    try {
      List<Callable<CompletedPart>> tasks = new ArrayList<>();
      List<CompletedPart> completed = new ArrayList<>();
      for (Part part : plan) {
        CompletedPart held = tracked.held.get(part.number);
        if (held != null) {
          completed.add(held);
          continue;
        }
        tasks.add(() -> {
          CompletedPart written = writer.write(tracked.uploadId, part);
          tracked.arrived(part.number);
          return written;
        });
      }
      completed.addAll(parts.runAll(tasks, PARTS_IN_FLIGHT, () -> {}));
      completed.sort(Comparator.comparing(CompletedPart::partNumber));
      route.to().completeMultipartUpload(b -> b
          .bucket(route.toBucket())
          .key(object.key())
          .uploadId(tracked.uploadId)
          .multipartUpload(m -> m.parts(completed)));
      uploads.forget(route.toBucket(), object.key());
    } catch (RuntimeException e) {
      if (worthResuming(e)) {
        uploads.park(route.toBucket(), object.key(), tracked.snapshot(object.key()));
      } else {
        uploads.forget(route.toBucket(), object.key());
        abortQuietly(route, object, tracked.uploadId);
      }
      throw e;
    }
  }

  /**
   * The part size for {@code object}: at least {@code preferred} and large enough for 10,000 parts;
   * when the source itself is a multipart upload of {@code sourcePartSize}-byte parts, a whole
   * multiple of it, so each ranged read covers whole source parts.
   */
  static long partSize(long size, long preferred, long sourcePartSize) {
    long length = Math.max(Math.max(preferred, MIN_PART_SIZE), (size + MAX_PARTS - 1) / MAX_PARTS);
    if (sourcePartSize >= MIN_PART_SIZE && sourcePartSize < size) {
      long multiple = (length + sourcePartSize - 1) / sourcePartSize * sourcePartSize;
      if ((size + multiple - 1) / multiple <= MAX_PARTS) {
        return multiple;
      }
    }
    return length;
  }

  static List<Part> partsOf(long size, long partSize) {
    List<Part> result = new ArrayList<>();
    int number = 1;
    for (long first = 0; first < size; first += partSize) {
      result.add(new Part(number++, first, Math.min(size, first + partSize) - 1));
    }
    return result;
  }

  /**
   * The recorded upload of this object, with the parts S3 holds of it, if it is for the same
   * source version and part size and still exists; a stale one is aborted.
   */
  private Optional<Tracked> resumed(Route route, ObjectState object, long partSize) {
    Optional<Upload> recorded = uploads.recorded(route.toBucket(), object.key());
    if (recorded.isEmpty()) {
      return Optional.empty();
    }
    Upload upload = recorded.get();
    if (!object.eTag().equals(upload.sourceETag()) || upload.partSize() != partSize) {
      abortQuietly(route, object, upload.uploadId());
      return Optional.empty();
    }
    Map<Integer, Long> lengths = new HashMap<>();
    partsOf(object.size(), partSize).forEach(part -> lengths.put(part.number, part.length()));
    Map<Integer, CompletedPart> held = new HashMap<>();
    try {
      route.to().listPartsPaginator(b -> b.bucket(route.toBucket()).key(object.key()).uploadId(upload.uploadId()))
          .parts()
          .stream()
          .filter(part -> part.size() != null && part.size().equals(lengths.get(part.partNumber())))
          .forEach(part -> held.put(part.partNumber(), CompletedPart.builder()
              .partNumber(part.partNumber())
              .eTag(part.eTag())
              .checksumCRC32(part.checksumCRC32())
              .build()));
    } catch (NoSuchUploadException e) {
      return Optional.empty();
    }
    return Optional.of(new Tracked(upload.uploadId(), upload.sourceETag(), partSize, held));
  }

  /** False for failures a retry of the same upload cannot cure: access denied, source changed, upload gone. */
  private static boolean worthResuming(RuntimeException e) {
    if (e instanceof NoSuchUploadException) {
      return false;
    }
    if (e instanceof SdkException sdk && Failures.isAccessDenied(sdk)) {
      return false;
    }
    return !(e instanceof AwsServiceException aws && (aws.statusCode() == 412 || aws.statusCode() == 404));
  }

  private static void abortQuietly(Route route, ObjectState object, String uploadId) {
    try {
      route.to().abortMultipartUpload(b -> b.bucket(route.toBucket()).key(object.key()).uploadId(uploadId));
    } catch (SdkException ignored) {
      // The original failure matters more; the lifecycle rule cleans up abandoned uploads.
    }
  }

  /** An upload in progress: the parts it held when resumed, and the part numbers that have arrived. */
  private static final class Tracked {
    final String uploadId;
    final String sourceETag;
    final long partSize;
    final Map<Integer, CompletedPart> held;
    private final BitSet finished = new BitSet();

    Tracked(String uploadId, String sourceETag, long partSize, Map<Integer, CompletedPart> held) {
      this.uploadId = uploadId;
      this.sourceETag = sourceETag;
      this.partSize = partSize;
      this.held = held;
      held.keySet().forEach(finished::set);
    }

    synchronized void arrived(int number) {
      finished.set(number);
    }

    synchronized Upload snapshot(String key) {
      return new Upload(key, uploadId, sourceETag, partSize, ranges(finished));
    }
  }

  static String ranges(BitSet numbers) {
    StringBuilder out = new StringBuilder();
    for (int first = numbers.nextSetBit(0); first >= 0; ) {
      int end = numbers.nextClearBit(first);
      out.append(out.isEmpty() ? "" : ",").append(first).append(end - 1 > first ? "-" + (end - 1) : "");
      first = numbers.nextSetBit(end);
    }
    return out.toString();
  }

  /**
   * The unfinished uploads of one activities object, by target bucket and key: those recorded in a
   * previous attempt's heartbeat ({@link #offer}) until a copy takes them up, and those in progress.
   */
  static final class Uploads {
    private final ConcurrentMap<String, Upload> offered = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Tracked> inProgress = new ConcurrentHashMap<>();

    /** Uploads a previous attempt recorded (its heartbeat details) for keys of {@code toBucket}. */
    void offer(String toBucket, Collection<Upload> recorded) {
      recorded.forEach(upload -> offered.put(id(toBucket, upload.key()), upload));
    }

    /** What to put in the heartbeat for these keys: their uploads in progress, or still only offered. */
    List<Upload> of(String toBucket, Collection<String> keys) {
      List<Upload> result = new ArrayList<>();
      for (String key : keys) {
        Tracked tracked = inProgress.get(id(toBucket, key));
        Upload upload = tracked != null ? tracked.snapshot(key) : offered.get(id(toBucket, key));
        if (upload != null) {
          result.add(upload);
        }
      }
      return result;
    }

    private Optional<Upload> recorded(String toBucket, String key) {
      return Optional.ofNullable(offered.remove(id(toBucket, key)));
    }

    private void track(String toBucket, String key, Tracked tracked) {
      inProgress.put(id(toBucket, key), tracked);
    }

    /** A failed copy's upload, for the retry: in the heartbeat until a copy of the key takes it up. */
    private void park(String toBucket, String key, Upload upload) {
      offered.put(id(toBucket, key), upload);
      inProgress.remove(id(toBucket, key));
    }

    private void forget(String toBucket, String key) {
      inProgress.remove(id(toBucket, key));
      offered.remove(id(toBucket, key));
    }

    private static String id(String toBucket, String key) {
      return toBucket + "/" + key;
    }
  }
}
