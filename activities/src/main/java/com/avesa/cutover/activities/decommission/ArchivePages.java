package com.avesa.cutover.activities.decommission;

import com.avesa.cutover.activities.aws.Failures;
import com.avesa.cutover.activities.aws.Heartbeats;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.decommission.ArchivePage;
import com.avesa.cutover.workflows.decommission.ArchivePageRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.TaggingDirective;

/**
 * One page of a source bucket into the archive: copy what is not archived yet, then verify every
 * object of the page. An archived object is never read back (a GLACIER object cannot be without a
 * restore): its HEAD gives the size, the ETag and the SHA-256 checksum the copy asked S3 to store.
 * Equal single-part ETags are MD5s of equal content; otherwise (a multipart source) the archive's
 * SHA-256 must equal the source's, streamed.
 */
final class ArchivePages {
  private static final Logger log = LoggerFactory.getLogger(ArchivePages.class);
  /** CopyObject's limit; larger objects would need UploadPartCopy, which the archive does not do. */
  static final long MAX_COPY_SIZE = 5L << 30;
  private static final int MAX_PAGE = 1_000;

  private final S3Client s3;

  ArchivePages(S3Client s3) {
    this.s3 = s3;
  }

  ArchivePage archive(ArchivePageRequest request) {
    ListObjectsV2Response listing = list(request);
    long copied = 0;
    long bytes = 0;
    long verified = 0;
    List<String> problems = new ArrayList<>();
    for (S3Object object : listing.contents()) {
      Heartbeats.beat(object.key());
      bytes += object.size();
      String archiveKey = request.sourceBucket() + "/" + object.key();
      Optional<HeadObjectResponse> archived = head(request.archiveBucket(), archiveKey);
      String problem = null;
      if (archived.isEmpty() || !archived.get().contentLength().equals(object.size())) {
        problem = copy(request, object, archiveKey);
        if (problem == null) {
          copied++;
          archived = head(request.archiveBucket(), archiveKey);
        }
      }
      if (problem == null) {
        problem = verify(request, object, archiveKey, archived);
      }
      if (problem == null) {
        verified++;
      } else if (problems.size() < ArchivePage.MAX_PROBLEMS) {
        problems.add(problem);
      }
    }
    log.info("archived page of s3://{} into s3://{}/{}/: {} object(s), {} copied as {}, {} verified",
        request.sourceBucket(), request.archiveBucket(), request.sourceBucket(), listing.contents().size(), copied,
        request.storageClass(), verified);
    return new ArchivePage(listing.nextContinuationToken(), listing.contents().size(), copied, bytes, verified,
        problems);
  }

  private ListObjectsV2Response list(ArchivePageRequest request) {
    try {
      return s3.listObjectsV2(b -> b.bucket(request.sourceBucket()).continuationToken(request.continuationToken())
          .maxKeys(Math.min(request.pageSize(), MAX_PAGE)));
    } catch (NoSuchBucketException e) {
      throw Failures.nonRetryable(FailureType.NOT_FOUND, "source bucket " + request.sourceBucket()
          + " does not exist in the source account; check data.buckets");
    } catch (SdkException e) {
      throw DecommissionErrors.classify("list s3://" + request.sourceBucket(), e);
    }
  }

  /** Null when copied, else the problem line (the object is then not archived). */
  private String copy(ArchivePageRequest request, S3Object object, String archiveKey) {
    String what = "s3://" + request.sourceBucket() + "/" + object.key();
    if (object.size() > MAX_COPY_SIZE) {
      return what + ": " + object.size() + " bytes is above CopyObject's 5 GiB; archive it by hand";
    }
    try {
      s3.copyObject(b -> b.sourceBucket(request.sourceBucket()).sourceKey(object.key())
          .destinationBucket(request.archiveBucket()).destinationKey(archiveKey)
          .storageClass(request.storageClass())
          .checksumAlgorithm(ChecksumAlgorithm.SHA256)
          .metadataDirective(MetadataDirective.COPY)
          .taggingDirective(TaggingDirective.COPY));
      return null;
    } catch (S3Exception e) {
      if ("InvalidObjectState".equals(Failures.errorCode(e))) {
        return what + ": the source object is itself archived (" + object.storageClassAsString()
            + "); restore it before the decommission";
      }
      throw DecommissionErrors.classify("archive " + what, e);
    }
  }

  /** Null when the archive copy matches its source, else the problem line. */
  private String verify(ArchivePageRequest request, S3Object object, String archiveKey,
      Optional<HeadObjectResponse> archived) {
    String where = "s3://" + request.archiveBucket() + "/" + archiveKey;
    if (archived.isEmpty()) {
      return where + ": missing from the archive";
    }
    HeadObjectResponse copy = archived.get();
    if (!copy.contentLength().equals(object.size())) {
      return where + ": " + copy.contentLength() + " bytes, the source has " + object.size();
    }
    if (unquoted(copy.eTag()).equals(unquoted(object.eTag()))) {
      return null;
    }
    if (copy.checksumSHA256() == null) {
      return where + ": content differs from the source (ETag " + copy.eTag() + " vs " + object.eTag()
          + ", and no SHA-256 checksum to compare)";
    }
    String sourceSha256 = sha256(request.sourceBucket(), object.key());
    return copy.checksumSHA256().equals(sourceSha256) ? null
        : where + ": content differs from the source (SHA-256 " + copy.checksumSHA256() + " vs " + sourceSha256 + ")";
  }

  private Optional<HeadObjectResponse> head(String bucket, String key) {
    try {
      return Optional.of(s3.headObject(b -> b.bucket(bucket).key(key).checksumMode(ChecksumMode.ENABLED)));
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw DecommissionErrors.classify("head s3://" + bucket + "/" + key, e);
    }
  }

  /** The base64 SHA-256 of the source object's content, streamed, as S3 states checksums. */
  private String sha256(String bucket, String key) {
    try (InputStream body = s3.getObject(b -> b.bucket(bucket).key(key));
        DigestInputStream digesting = new DigestInputStream(body, MessageDigest.getInstance("SHA-256"))) {
      digesting.transferTo(OutputStream.nullOutputStream());
      return Base64.getEncoder().encodeToString(digesting.getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException("reading s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    } catch (SdkException e) {
      throw DecommissionErrors.classify("read s3://" + bucket + "/" + key, e);
    }
  }

  private static String unquoted(String etag) {
    return etag == null ? "" : etag.replace("\"", "");
  }
}
