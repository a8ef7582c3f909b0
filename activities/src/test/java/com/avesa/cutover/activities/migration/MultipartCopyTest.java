package com.avesa.cutover.activities.migration;

import com.avesa.cutover.activities.migration.ObjectCopier.Route;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.activities.testing.S3Fixture;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Multipart copies against moto, through a client that counts (and on request fails) the part
 * uploads it sends: a copy that failed after some parts resumes from its heartbeat details on a
 * fresh copier (another worker) and sends only the missing parts.
 */
class MultipartCopyTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();
  private static final String SOURCE = "mp-source";
  private static final String TARGET = "mp-target";
  private static final String KEY = "raw/acme/halo/tickets/big.parquet";
  private static final int MIB = 1 << 20;

  private final PartCounter counter = new PartCounter();
  private S3Client s3;
  private ParallelRunner runner;
  private byte[] body;

  @BeforeEach
  void setUp() {
    s3 = S3Client.builder().region(Region.US_EAST_1).forcePathStyle(true)
        .endpointOverride(URI.create(MOTO.endpoint()))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .overrideConfiguration(o -> o.addExecutionInterceptor(counter))
        .build();
    runner = new ParallelRunner("test-part", 16);
    s3.createBucket(b -> b.bucket(TARGET));
    S3Fixture source = new S3Fixture(s3, SOURCE);
    source.createBucket();
    body = source.putMultipart(KEY, 6, 5 * MIB, 4096);
    counter.reset();
  }

  @AfterEach
  void tearDown() {
    runner.close();
    s3.close();
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aCopyThatFailedAfterSomePartsResumesOnAnotherCopierAndSendsOnlyTheRest(boolean streaming) throws Exception {
    MultipartCopy.Uploads first = new MultipartCopy.Uploads();
    counter.failAbove(3);

    assertThatThrownBy(() -> copy(new ObjectCopier(runner, first, 6 * MIB, 5 * MIB), streaming))
        .hasMessageContaining("worker lost");
    List<MultipartCopy.Upload> heartbeat = first.of(TARGET, List.of(KEY, "other/key"));
    assertThat(heartbeat).singleElement().satisfies(upload -> {
      assertThat(upload.finished()).isEqualTo("1-3");
      assertThat(upload.partSize()).as("the source's own 5 MiB parts").isEqualTo(5 * MIB);
    });
    assertThat(s3.listMultipartUploads(b -> b.bucket(TARGET)).uploads()).as("not aborted").hasSize(1);

    ObjectMapper json = new ObjectMapper();
    MultipartCopy.Upload[] recorded = json.readValue(json.writeValueAsString(heartbeat), MultipartCopy.Upload[].class);
    MultipartCopy.Uploads second = new MultipartCopy.Uploads();
    second.offer(TARGET, List.of(recorded));
    counter.reset();
    copy(new ObjectCopier(runner, second, 6 * MIB, 5 * MIB), streaming);

    assertThat(counter.parts).as("parts 4 to 7 only").containsExactlyInAnyOrder(4, 5, 6, 7);
    assertThat(s3.getObjectAsBytes(b -> b.bucket(TARGET).key(KEY)).asByteArray()).isEqualTo(body);
    assertThat(s3.headObject(b -> b.bucket(TARGET).key(KEY)).eTag()).endsWith("-7\"");
    assertThat(s3.listMultipartUploads(b -> b.bucket(TARGET)).uploads()).as("the recorded upload was completed").isEmpty();
    assertThat(second.of(TARGET, List.of(KEY))).isEmpty();
  }

  @Test
  void aRecordedUploadThatIsGoneIsStartedOver() {
    List<MultipartCopy.Upload> heartbeat = heartbeatOfACopyThatFailedAfter(2);
    s3.abortMultipartUpload(b -> b.bucket(TARGET).key(KEY).uploadId(heartbeat.get(0).uploadId()));
    MultipartCopy.Uploads second = new MultipartCopy.Uploads();
    second.offer(TARGET, heartbeat);
    counter.reset();

    copy(new ObjectCopier(runner, second, 6 * MIB, 5 * MIB), true);

    assertThat(counter.parts).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7);
    assertThat(s3.getObjectAsBytes(b -> b.bucket(TARGET).key(KEY)).asByteArray()).isEqualTo(body);
  }

  @Test
  void aChangedSourceAbortsTheRecordedUploadAndCopiesAnew() {
    List<MultipartCopy.Upload> heartbeat = heartbeatOfACopyThatFailedAfter(2);
    counter.reset();
    body = new S3Fixture(s3, SOURCE).putMultipart(KEY, 2, 5 * MIB, 7);
    MultipartCopy.Uploads second = new MultipartCopy.Uploads();
    second.offer(TARGET, heartbeat);
    counter.reset();

    copy(new ObjectCopier(runner, second, 6 * MIB, 5 * MIB), true);

    assertThat(counter.parts).containsExactlyInAnyOrder(1, 2, 3);
    assertThat(s3.getObjectAsBytes(b -> b.bucket(TARGET).key(KEY)).asByteArray()).isEqualTo(body);
    assertThat(s3.listMultipartUploads(b -> b.bucket(TARGET)).uploads()).as("the stale upload was aborted").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aMultipartCopyIsWrittenWithAFullObjectCrc32AndOneReadPerPart(boolean streaming) {
    copy(new ObjectCopier(runner, 6 * MIB, 5 * MIB), streaming);

    HeadObjectResponse head = s3.headObject(b -> b.bucket(TARGET).key(KEY).checksumMode(ChecksumMode.ENABLED));
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(body);
    assertThat(head.checksumCRC32()).as("CRC32 of the whole content")
        .isEqualTo(java.util.Base64.getEncoder().encodeToString(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array()));
    assertThat(head.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
    assertThat(counter.parts).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7);
    assertThat(counter.rangedGets.get()).as("one ranged GET per part").isEqualTo(streaming ? 7 : 0);
    assertThat(s3.getObjectAsBytes(b -> b.bucket(TARGET).key(KEY)).asByteArray()).isEqualTo(body);
  }

  @Test
  void partsAreWholeMultiplesOfTheSourcesPartsAndNeverMoreThan10000() {
    assertThat(MultipartCopy.partSize(1L << 30, 64L * MIB, 5L * MIB)).isEqualTo(65L * MIB);
    assertThat(MultipartCopy.partSize(1L << 30, 64L * MIB, 0)).isEqualTo(64L * MIB);
    assertThat(MultipartCopy.partSize(100L * MIB, 5L * MIB, 8L * MIB)).isEqualTo(8L * MIB);
    assertThat(MultipartCopy.partSize(1L << 30, 1, 0)).as("at least 5 MiB").isEqualTo(5L * MIB);
    long huge = 5L << 40;
    assertThat((huge + MultipartCopy.partSize(huge, 64L * MIB, 5L * MIB) - 1)
        / MultipartCopy.partSize(huge, 64L * MIB, 5L * MIB)).isLessThanOrEqualTo(10_000);
    BitSet numbers = new BitSet();
    List.of(1, 2, 3, 5, 7, 8, 10_000).forEach(numbers::set);
    assertThat(MultipartCopy.ranges(numbers)).isEqualTo("1-3,5,7-8,10000");
  }

  /** The heartbeat details a streamed copy left when it failed after {@code parts} parts. */
  private List<MultipartCopy.Upload> heartbeatOfACopyThatFailedAfter(int parts) {
    MultipartCopy.Uploads first = new MultipartCopy.Uploads();
    counter.failAbove(parts);
    assertThatThrownBy(() -> copy(new ObjectCopier(runner, first, 6 * MIB, 5 * MIB), true));
    return first.of(TARGET, List.of(KEY));
  }

  private void copy(ObjectCopier copier, boolean streaming) {
    ObjectState state = S3Objects.head(s3, SOURCE, KEY).orElseThrow();
    counter.rangedGets.set(0);
    Route route = new Route(s3, s3, SOURCE, TARGET, 0);
    if (streaming) {
      copier.copyStreaming(route, state);
    } else {
      copier.copyServerSide(route, state);
    }
  }

  /**
   * Counts the UploadPart(Copy) requests and ranged GETs sent; after {@link #failAbove}(k), a part
   * above k fails (as a lost worker would) once parts 1..k have arrived.
   */
  private static final class PartCounter implements ExecutionInterceptor {
    final List<Integer> parts = new java.util.concurrent.CopyOnWriteArrayList<>();
    final AtomicInteger rangedGets = new AtomicInteger();
    private volatile int failAbove = Integer.MAX_VALUE;
    private volatile CountDownLatch below = new CountDownLatch(0);

    void failAbove(int k) {
      failAbove = k;
      below = new CountDownLatch(k);
    }

    void reset() {
      failAbove = Integer.MAX_VALUE;
      parts.clear();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      Integer number = partNumber(context.request());
      if (number != null && number > failAbove) {
        try {
          below.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw SdkClientException.create("worker lost before part " + number);
      }
      if (number != null) {
        parts.add(number);
      }
      if (context.request() instanceof GetObjectRequest get && get.range() != null) {
        rangedGets.incrementAndGet();
      }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
      Integer number = partNumber(context.request());
      if (number != null && number <= failAbove) {
        below.countDown();
      }
    }

    private static Integer partNumber(SdkRequest request) {
      if (request instanceof UploadPartRequest part) {
        return part.partNumber();
      }
      return request instanceof UploadPartCopyRequest copy ? copy.partNumber() : null;
    }
  }
}
