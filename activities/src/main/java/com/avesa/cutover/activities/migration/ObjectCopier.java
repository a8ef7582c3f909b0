package com.avesa.cutover.activities.migration;

import com.avesa.cutover.activities.migration.MultipartCopy.PartWriter;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Tagging;
import software.amazon.awssdk.services.s3.model.TaggingDirective;

/**
 * Copies one object's current version, with its content headers, user metadata and tags.
 * Server-side: {@code CopyObject} below the multipart threshold, parallel {@code UploadPartCopy}
 * above it (S3 requires it above 5 GiB). Streaming: GET with the source's credentials, PUT (or
 * multipart, one ranged GET per part) with the target's; nothing is buffered (a resent PUT reads
 * its GET again), so memory stays bounded whatever the object size. Multipart copies resume after
 * a retry ({@link MultipartCopy}).
 */
final class ObjectCopier {
  static final long DEFAULT_MULTIPART_THRESHOLD = 64L * 1024 * 1024;
  static final long DEFAULT_PART_SIZE = 64L * 1024 * 1024;
  private static final long MAX_SINGLE_COPY = 5L << 30;

  /**
   * Where an object travels: {@code from} reads {@code fromBucket}, {@code to} writes {@code toBucket};
   * objects of at least {@code multipartThreshold} bytes go in parts (0: the copier's default).
   */
  record Route(S3Client from, S3Client to, String fromBucket, String toBucket, long multipartThreshold) {}

  private final MultipartCopy multipart;
  private final long multipartThreshold;
  private final long partSize;

  ObjectCopier(ParallelRunner parts, long multipartThreshold, long partSize) {
    this(parts, new MultipartCopy.Uploads(), multipartThreshold, partSize);
  }

  /** {@code uploads}: the multipart uploads to resume and those in progress (the page's heartbeat). */
  ObjectCopier(ParallelRunner parts, MultipartCopy.Uploads uploads, long multipartThreshold, long partSize) {
    this.multipart = new MultipartCopy(parts, uploads);
    this.multipartThreshold = multipartThreshold;
    this.partSize = partSize;
  }

  /** Server-side copy with the destination's credentials, which must be able to read the source. */
  void copyServerSide(Route route, ObjectState object) {
    if (object.size() < threshold(route)) {
      route.to().copyObject(b -> b
          .sourceBucket(route.fromBucket())
          .sourceKey(object.key())
          .destinationBucket(route.toBucket())
          .destinationKey(object.key())
          .metadataDirective(MetadataDirective.COPY)
          .taggingDirective(TaggingDirective.REPLACE)
          .tagging(tagging(object)));
      return;
    }
    multipart(route, object, route.to(), (uploadId, part) -> {
      var copied = route.to().uploadPartCopy(b -> b
          .sourceBucket(route.fromBucket())
          .sourceKey(object.key())
          .copySourceIfMatch(object.eTag())
          .destinationBucket(route.toBucket())
          .destinationKey(object.key())
          .uploadId(uploadId)
          .partNumber(part.number())
          .copySourceRange(part.range()))
          .copyPartResult();
      return CompletedPart.builder().partNumber(part.number()).eTag(copied.eTag())
          .checksumCRC32(copied.checksumCRC32()).build();
    });
  }

  /**
   * One {@code CopyObject}: S3 copies the content headers, user metadata and tags itself (both
   * directives COPY; the destination's credentials need s3:GetObjectTagging on the source too).
   * {@code ifMatch} (the listed ETag, or null) pins the copied version: a source changed since
   * fails with 412. Unless {@code contentMd5ETag}, the copy gets a full-object CRC64NVME checksum,
   * so verification can compare stored checksums instead of streaming both bodies.
   */
  CopyObjectResponse copyObject(Route route, String key, String ifMatch, boolean contentMd5ETag) {
    return route.to().copyObject(b -> b
        .sourceBucket(route.fromBucket())
        .sourceKey(key)
        .destinationBucket(route.toBucket())
        .destinationKey(key)
        .copySourceIfMatch(ifMatch)
        .metadataDirective(MetadataDirective.COPY)
        .taggingDirective(TaggingDirective.COPY)
        .checksumAlgorithm(contentMd5ETag ? null : ChecksumAlgorithm.CRC64_NVME));
  }

  /** GET with the source's credentials, PUT with the destination's. */
  void copyStreaming(Route route, ObjectState object) {
    if (object.size() < threshold(route)) {
      route.to().putObject(b -> b
              .bucket(route.toBucket())
              .key(object.key())
              .contentType(object.contentType())
              .cacheControl(object.cacheControl())
              .contentEncoding(object.contentEncoding())
              .contentDisposition(object.contentDisposition())
              .metadata(object.metadata())
              .tagging(tagging(object)),
          sourceContent(route, object, null, object.size()));
      return;
    }
    multipart(route, object, route.from(), (uploadId, part) -> {
      var uploaded = route.to().uploadPart(b -> b
              .bucket(route.toBucket())
              .key(object.key())
              .uploadId(uploadId)
              .partNumber(part.number())
              .contentLength(part.length())
              .checksumAlgorithm(MultipartCopy.CHECKSUM),
          sourceContent(route, object, part.range(), part.length()));
      return CompletedPart.builder().partNumber(part.number()).eTag(uploaded.eTag())
          .checksumCRC32(uploaded.checksumCRC32()).build();
    });
  }

  /**
   * The source's content (or {@code range} of it) as a PUT body that the SDK can resend: a network
   * stream cannot rewind, so each attempt of the PUT opens the GET anew, pinned to the version
   * that was compared ({@code If-Match}): a source changed in between fails the copy, never mixes.
   */
  private static RequestBody sourceContent(Route route, ObjectState object, String range, long length) {
    ContentStreamProvider reads = new ContentStreamProvider() {
      private ResponseInputStream<?> last;

      /** A new GET for each attempt; the previous attempt's GET is aborted, never left holding a connection. */
      @Override
      public synchronized InputStream newStream() {
        if (last != null) {
          last.abort();
        }
        last = route.from().getObject(b -> b
            .bucket(route.fromBucket())
            .key(object.key())
            .range(range)
            .ifMatch(object.eTag()));
        return last;
      }
    };
    return RequestBody.fromContentProvider(reads, length, "application/octet-stream");
  }

  /** The route's threshold, else the copier's; never above 5 GiB, where CopyObject refuses the source. */
  long threshold(Route route) {
    long threshold = route.multipartThreshold() > 0 ? route.multipartThreshold() : multipartThreshold;
    return Math.min(threshold, MAX_SINGLE_COPY);
  }

  /** Copies in parts (see {@link MultipartCopy}), parts aligned with the source's own parts. */
  private void multipart(Route route, ObjectState object, S3Client reader, PartWriter writer) {
    CreateMultipartUploadRequest create = CreateMultipartUploadRequest.builder()
        .bucket(route.toBucket())
        .key(object.key())
        .contentType(object.contentType())
        .cacheControl(object.cacheControl())
        .contentEncoding(object.contentEncoding())
        .contentDisposition(object.contentDisposition())
        .metadata(object.metadata())
        .tagging(tagging(object))
        .build();
    long size = MultipartCopy.partSize(object.size(), partSize, sourcePartSize(reader, route.fromBucket(), object));
    multipart.copy(route, object, size, create, writer);
  }

  /**
   * The size of the source's first part when it is a multipart upload (its ETag ends in -N), from
   * {@code HEAD ?partNumber=1} (only the plan depends on it: every part read is pinned to the
   * compared version); 0 for a single-part object.
   */
  private static long sourcePartSize(S3Client reader, String bucket, ObjectState object) {
    if (!object.eTag().matches("\"?[0-9a-fA-F]{32}-\\d+\"?")) {
      return 0;
    }
    Long first = reader.headObject(b -> b.bucket(bucket).key(object.key()).partNumber(1))
        .contentLength();
    return first == null ? 0 : first;
  }

  private static Tagging tagging(ObjectState object) {
    List<Tag> tags = new ArrayList<>();
    object.tags().forEach((key, value) -> tags.add(Tag.builder().key(key).value(value).build()));
    return Tagging.builder().tagSet(tags).build();
  }
}
