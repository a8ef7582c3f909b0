package com.avesa.cutover.activities.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.activities.testing.MotoExtension;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Not a test (surefire skips the name): CPU per S3 request of the candidate HTTP clients against a
 * local moto_server, for BENCHMARKS.md. Each variant makes {@code bench.copies} (1,000) CopyObject
 * and {@code bench.lists} (200) ListObjectsV2 calls of a 100-key page from one thread after a
 * warm-up of the same size; CPU is this JVM's process CPU time (all threads, native CRT threads
 * included) and moto's, read around the timed part. Run it alone:
 *
 * <pre>./mvnw -B -o -pl activities -am test -Dtest=HttpClientCpuBench -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * {@code bench.variants} (comma-separated name prefixes) picks variants. The table goes to stdout (each variant's line to stderr as it is measured); the only assertions are that every call succeeded and the copies landed.
 */
class HttpClientCpuBench {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension(false);

  private static final int COPIES = Integer.getInteger("bench.copies", 1000);
  private static final int LISTS = Integer.getInteger("bench.lists", 200);
  private static final int PAGE = 100;
  private static final String SOURCE = "cpu-src";

  private interface Calls {
    void copy(String targetBucket, String key);

    int list();

    void close();
  }

  private record Variant(String name, Supplier<Calls> calls) {}

  @Test
  void measure() {
    try (S3Client setup = sync(ApacheHttpClient.builder().build(), false)) {
      setup.createBucket(b -> b.bucket(SOURCE));
      for (int i = 0; i < PAGE; i++) {
        String key = String.format("obj-%04d", i);
        setup.putObject(b -> b.bucket(SOURCE).key(key), RequestBody.fromBytes(new byte[1024]));
      }
    }
    List<Variant> variants = new ArrayList<>();
    variants.add(new Variant("apache (default checksums)", () -> syncCalls(sync(ApacheHttpClient.builder().build(), false))));
    variants.add(new Variant("apache and checksums WHEN_REQUIRED", () -> syncCalls(sync(ApacheHttpClient.builder().build(), true))));
    variants.add(new Variant("apache5, checksums WHEN_REQUIRED", () -> syncCalls(sync(Apache5HttpClient.builder().build(), true))));
    variants.add(new Variant("url-connection, WHEN_REQUIRED", () -> syncCalls(sync(UrlConnectionHttpClient.builder().build(), true))));
    variants.add(new Variant("crt sync, WHEN_REQUIRED", () -> syncCalls(sync(AwsCrtHttpClient.builder().build(), true))));
    variants.add(new Variant("netty async, WHEN_REQUIRED", () -> asyncCalls(async(NettyNioAsyncHttpClient.builder().build()))));
    variants.add(new Variant("crt async, WHEN_REQUIRED", () -> asyncCalls(async(AwsCrtAsyncHttpClient.builder().build()))));
    List<String> only = List.of(System.getProperty("bench.variants", "").split(","));

    StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
        "%nclient                               copy_cpu_ms/req  moto_ms/req  list_cpu_ms/req  moto_ms/req  wall_ms/copy%n"));
    int round = 0;
    for (Variant variant : variants) {
      if (!only.equals(List.of("")) && only.stream().noneMatch(variant.name::startsWith)) {
        continue;
      }
      round++;
      String target = "cpu-dst-" + round;
      Calls calls = variant.calls.get();
      try (S3Client setup = sync(ApacheHttpClient.builder().build(), false)) {
        setup.createBucket(b -> b.bucket(target));
      }
      for (int i = 0; i < COPIES; i++) {  // warm-up: same calls, other keys
        calls.copy(target, "warm-" + i);
      }
      for (int i = 0; i < LISTS; i++) {
        assertThat(calls.list()).isEqualTo(PAGE);
      }
      Sample copy = Sample.start();
      for (int i = 0; i < COPIES; i++) {
        calls.copy(target, "key-" + i);
      }
      Sample copied = copy.stop(COPIES);
      Sample list = Sample.start();
      for (int i = 0; i < LISTS; i++) {
        assertThat(calls.list()).isEqualTo(PAGE);
      }
      Sample listed = list.stop(LISTS);
      calls.close();
      String line = String.format(Locale.ROOT, "%-36s %15.3f %12.3f %16.3f %12.3f %13.3f%n", variant.name,
          copied.cpuMs, copied.motoMs, listed.cpuMs, listed.motoMs, copied.wallMs);
      table.append(line);
      System.err.print(line);
      try (S3Client check = sync(ApacheHttpClient.builder().build(), false)) {
        assertThat(check.listObjectsV2(b -> b.bucket(target).prefix("key-").maxKeys(1000)).keyCount())
            .isEqualTo(Math.min(COPIES, 1000));
      }
    }
    table.append(String.format(Locale.ROOT, "(%d copies, %d lists of %d keys per variant, one thread, after an equal warm-up; "
        + "load %s)%n", COPIES, LISTS, PAGE, loadAverage()));
    System.out.println(table);
  }

  private static Calls syncCalls(S3Client s3) {
    return new Calls() {
      @Override
      public void copy(String targetBucket, String key) {
        s3.copyObject(b -> b.sourceBucket(SOURCE).sourceKey("obj-0001").destinationBucket(targetBucket).destinationKey(key));
      }

      @Override
      public int list() {
        return s3.listObjectsV2(b -> b.bucket(SOURCE).maxKeys(1000)).contents().size();
      }

      @Override
      public void close() {
        s3.close();
      }
    };
  }

  private static Calls asyncCalls(S3AsyncClient s3) {
    return new Calls() {
      @Override
      public void copy(String targetBucket, String key) {
        s3.copyObject(b -> b.sourceBucket(SOURCE).sourceKey("obj-0001").destinationBucket(targetBucket).destinationKey(key)).join();
      }

      @Override
      public int list() {
        return s3.listObjectsV2(b -> b.bucket(SOURCE).maxKeys(1000)).join().contents().size();
      }

      @Override
      public void close() {
        s3.close();
      }
    };
  }

  private static S3Client sync(SdkHttpClient http, boolean whenRequired) {
    S3ClientBuilder builder = S3Client.builder().httpClient(http);
    common(builder, whenRequired);
    return builder.build();
  }

  private static S3AsyncClient async(SdkAsyncHttpClient http) {
    S3AsyncClientBuilder builder = S3AsyncClient.builder().httpClient(http);
    common(builder, true);
    return builder.build();
  }

  private static void common(software.amazon.awssdk.services.s3.S3BaseClientBuilder<?, ?> builder, boolean whenRequired) {
    builder.region(Region.of(MotoExtension.REGION)).endpointOverride(URI.create(MOTO.endpoint())).forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
    if (whenRequired) {
      builder.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    }
  }

  private static String loadAverage() {
    return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /** Process CPU of this JVM and of moto (this JVM's child), and wall time, per call. */
  private record Sample(long cpu, long moto, long wall, double cpuMs, double motoMs, double wallMs) {
    static Sample start() {
      return new Sample(processCpu(), motoCpu(), System.nanoTime(), 0, 0, 0);
    }

    Sample stop(int calls) {
      return new Sample(0, 0, 0, (processCpu() - cpu) / 1e6 / calls, (motoCpu() - moto) / 1e6 / calls,
          (System.nanoTime() - wall) / 1e6 / calls);
    }

    private static long processCpu() {
      return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long motoCpu() {
      return ProcessHandle.current().descendants()
          .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO).toNanos())
          .reduce(0L, Long::sum);
    }
  }
}
