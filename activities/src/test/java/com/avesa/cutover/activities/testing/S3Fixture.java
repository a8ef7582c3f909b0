package com.avesa.cutover.activities.testing;

import com.avesa.cutover.activities.migration.ObjectState;
import com.avesa.cutover.activities.migration.S3Objects;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Tagging;

/** Puts and reads objects of one bucket in tests. */
public final class S3Fixture {
  private final S3Client s3;
  private final String bucket;

  public S3Fixture(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  public static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  public void createBucket() {
    s3.createBucket(b -> b.bucket(bucket));
  }

  public boolean exists() {
    try {
      s3.headBucket(b -> b.bucket(bucket));
      return true;
    } catch (S3Exception e) {
      return false;
    }
  }

  public void putRandom(String key, int size) {
    put(key, randomBytes(size, key.hashCode()), Map.of(), Map.of());
  }

  public void put(String key, byte[] body, Map<String, String> metadata, Map<String, String> tags) {
    s3.putObject(b -> b.bucket(bucket).key(key)
            .contentType(key.endsWith(".parquet") ? "application/vnd.apache.parquet" : "application/json")
            .cacheControl("max-age=60")
            .contentDisposition("attachment")
            .metadata(metadata)
            .tagging(Tagging.builder().tagSet(tags(tags)).build()),
        RequestBody.fromBytes(body));
  }

  /** Uploads {@code parts} parts of {@code partSize} bytes plus a last part of {@code tail} bytes. */
  public byte[] putMultipart(String key, int parts, int partSize, int tail) {
    byte[] body = randomBytes(parts * partSize + tail, 11);
    String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType("application/vnd.apache.parquet")
        .metadata(Map.of("upload", "multipart"))).uploadId();
    List<CompletedPart> completed = new ArrayList<>();
    for (int part = 0; part <= parts; part++) {
      int from = part * partSize;
      int to = Math.min(body.length, from + partSize);
      if (from >= to) {
        break;
      }
      int number = part + 1;
      String eTag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
          RequestBody.fromBytes(Arrays.copyOfRange(body, from, to))).eTag();
      completed.add(CompletedPart.builder().partNumber(number).eTag(eTag).build());
    }
    s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(completed)));
    return body;
  }

  public void tag(String key, Map<String, String> tags) {
    s3.putObjectTagging(b -> b.bucket(bucket).key(key).tagging(t -> t.tagSet(tags(tags))));
  }

  public void delete(String key) {
    s3.deleteObject(b -> b.bucket(bucket).key(key));
  }

  public byte[] body(String key) {
    return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
  }

  public ObjectState state(String key) {
    return S3Objects.head(s3, bucket, key).orElseThrow(() -> new AssertionError("no object " + bucket + "/" + key));
  }

  private static List<Tag> tags(Map<String, String> tags) {
    return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
  }
}
