package com.avesa.cutover.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.activities.demo.DemoEstate;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Two worker processes on one task queue share the partitions of one bucket: the history shows
 * copyPage activities of the same bucket started by both workers' identities, and the run verifies.
 */
class PartitionedWorkersEndToEndTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();
  private static final ObjectMapper JSON = new ObjectMapper();
  // more than one page (1,000 keys): a listing of one page is not split
  private static final int EXTRA_TENANTS = 11;
  private static final int OBJECTS_PER_TENANT = 100;

  @TempDir Path dir;

  @Test
  void twoWorkersCopyPagesOfTheSameBucket() throws Exception {
    DemoEstate.seed(MOTO.endpoint(), MotoExtension.REGION, 2);
    try (EstateOracle oracle = new EstateOracle(MOTO.endpoint());
        TemporalStack stack = new TemporalStack(Map.of())) {
      for (int t = 0; t < EXTRA_TENANTS; t++) {
        for (int i = 0; i < OBJECTS_PER_TENANT; i++) {
          String key = String.format("raw/tenant-%02d/2026/12/%03d.json", t, i);
          oracle.sourceS3.putObject(r -> r.bucket(DemoEstate.SOURCE_BUCKET).key(key),
              RequestBody.fromString("{\"n\":" + key.hashCode() + "}"));
        }
      }
      stack.addWorker();
      Path config = dir.resolve("avesa.yaml");
      Files.writeString(config, DemoEstate.configYaml(MOTO.endpoint(), MotoExtension.REGION));

      Launched.Result result = Launched.run(stack.cliEnv(), Duration.ofMinutes(3),
          "migrate", "-c", config.toString(), "--wait", "--json", "--id", "two-workers");

      assertThat(result.exitCode()).as(result.toString()).isZero();
      JsonNode report = JSON.readTree(result.stdout());
      assertThat(report.path("verified").asBoolean()).isTrue();
      assertThat(report.path("runs").asInt()).isEqualTo(1);
      assertThat(oracle.objects(oracle.targetS3, DemoEstate.TARGET_BUCKET))
          .isEqualTo(oracle.objects(oracle.sourceS3, DemoEstate.SOURCE_BUCKET));
      List<HistoryEvent> events = stack.events("two-workers");
      Map<Long, String> copyPages = new HashMap<>();
      Set<String> buckets = new HashSet<>();
      Set<String> identities = new HashSet<>();
      for (HistoryEvent event : events) {
        if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED
            && event.getActivityTaskScheduledEventAttributes().getActivityType().getName().equals("CopyPage")) {
          String input = event.getActivityTaskScheduledEventAttributes().getInput().getPayloads(0).getData()
              .toStringUtf8();
          buckets.add(JSON.readTree(input).path("fromBucket").asText());
          copyPages.put(event.getEventId(), input);
        }
        if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED
            && copyPages.containsKey(event.getActivityTaskStartedEventAttributes().getScheduledEventId())) {
          identities.add(event.getActivityTaskStartedEventAttributes().getIdentity());
        }
      }
      assertThat(events).anyMatch(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED
          && e.getActivityTaskScheduledEventAttributes().getActivityType().getName().equals("Partitions"));
      assertThat(buckets).containsExactly(DemoEstate.SOURCE_BUCKET);
      assertThat(copyPages).hasSizeGreaterThan(2);
      assertThat(identities).as("workers that started copyPage activities of " + DemoEstate.SOURCE_BUCKET)
          .hasSize(2);
    }
  }
}
