package com.avesa.cutover.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.activities.demo.DemoEstate;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * A worker SIGKILLed in the middle of a copy, replaced by a new one: the run finishes, verifies,
 * and the target's object versions show that at most the page in flight was copied twice.
 */
class WorkerKillEndToEndTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();
  private static final int BULK_OBJECTS = 2_000;
  private static final int PAGE_SIZE = 1_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aWorkerKilledMidCopyIsReplacedAndTheRunFinishesVerifiedWithNothingMissing() throws Exception {
    DemoEstate.seed(MOTO.endpoint(), MotoExtension.REGION, 4);
    try (EstateOracle oracle = new EstateOracle(MOTO.endpoint());
        TemporalStack stack = new TemporalStack(Map.of())) {
      putBulkObjects(oracle);
      Path config = dir.resolve("avesa.yaml");
      Files.writeString(config, DemoEstate.configYaml(MOTO.endpoint(), MotoExtension.REGION)
          .replace("concurrency: 32", "concurrency: 4"));

      Launched.Result started = Launched.run(stack.cliEnv(), Duration.ofMinutes(1),
          "migrate", "-c", config.toString(), "--json", "--id", "kill-test");
      assertThat(started.exitCode()).as(started.toString()).isZero();
      assertThat(JSON.readTree(started.stdout()).path("workflowId").asText()).isEqualTo("kill-test");

      long objects = oracle.objectCount(oracle.sourceS3, DemoEstate.SOURCE_BUCKET);
      long copiedBeforeKill = awaitCopyPastTheFirstPage(oracle, objects);
      stack.replaceWorkerAfterKill();

      Launched.Result result = Launched.run(stack.cliEnv(), Duration.ofMinutes(8), "result", "kill-test", "--json");

      assertThat(result.exitCode()).as(result.toString()).isZero();
      JsonNode report = JSON.readTree(result.stdout());
      assertThat(report.path("verified").asBoolean()).isTrue();
      JsonNode bucket = report.path("buckets").get(0);
      assertThat(bucket.path("objects").asLong()).isEqualTo(objects);
      assertThat(bucket.path("copied").asLong() + bucket.path("skipped").asLong()).isEqualTo(objects);
      assertThat(oracle.objects(oracle.targetS3, DemoEstate.TARGET_BUCKET))
          .isEqualTo(oracle.objects(oracle.sourceS3, DemoEstate.SOURCE_BUCKET));
      long versions = oracle.targetS3.listObjectVersionsPaginator(r -> r.bucket(DemoEstate.TARGET_BUCKET))
          .versions().stream().count();
      assertThat(versions - objects).as("objects copied more than once").isBetween(0L, (long) PAGE_SIZE);
    }
  }

  /**
   * Watches the target bucket (cheaply, in this JVM) until more than one page has arrived and
   * the copy is still going; returns how many objects were there.
   */
  private static long awaitCopyPastTheFirstPage(EstateOracle oracle, long total) {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
    while (Instant.now().isBefore(deadline)) {
      long copied = oracle.bucketExists(oracle.targetS3, DemoEstate.TARGET_BUCKET)
          ? oracle.objectCount(oracle.targetS3, DemoEstate.TARGET_BUCKET) : 0;
      if (copied > PAGE_SIZE) {
        assertThat(copied).as("the copy ended before the worker could be killed").isLessThan(total);
        return copied;
      }
      Launched.sleep(250);
    }
    throw new AssertionError("the copy did not get past its first page in 4 minutes");
  }

  private static void putBulkObjects(EstateOracle oracle) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<?>> puts = new ArrayList<>();
      for (int i = 0; i < BULK_OBJECTS; i++) {
        String key = String.format("raw/acme/bulk/2026/11/27/part-%05d.parquet", i);
        byte[] body = ("object " + i + " ").repeat(20).getBytes();
        puts.add(pool.submit(() -> oracle.sourceS3.putObject(
            r -> r.bucket(DemoEstate.SOURCE_BUCKET).key(key).contentType("application/octet-stream"),
            RequestBody.fromBytes(body))));
      }
      for (Future<?> put : puts) {
        put.get();
      }
    } finally {
      pool.shutdown();
    }
  }
}
