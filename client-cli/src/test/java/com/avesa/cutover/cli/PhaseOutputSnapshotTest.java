package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.cli.CliHarness.Run;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code avesa status -o json|jsonl} of an isolation (held at its validation gate) and of a phase
 * run, compared with snapshots: the typed progress record, written as every CLI JSON is (record
 * components in order, map keys sorted, e.g. a phase's counts).
 */
class PhaseOutputSnapshotTest {
  @RegisterExtension static final CliHarness TEMPORAL = new CliHarness();
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void startRuns() {
    Run isolate = TEMPORAL.avesa("isolate", "-c", TEMPORAL.config("snap-iso").toString(), "--identity", "alice");
    assertThat(isolate.exitCode()).as(isolate.err()).isZero();
    // Its first workflow task has run (it answers the query) before status asks.
    Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> TEMPORAL.client()
        .newUntypedWorkflowStub("snap-iso-isolate").query("progress", JsonNode.class), answer -> !answer.isNull());
    Run infra = TEMPORAL.avesa("infra", "verify", "-c", TEMPORAL.config("snap-infra").toString(), "--wait");
    assertThat(infra.exitCode()).as(infra.err()).isZero();
  }

  @Test
  void statusJsonOfAnIsolation() {
    assertMatches("status-isolation.json", TEMPORAL.avesa("status", "snap-iso-isolate", "-o", "json"));
  }

  @Test
  void statusJsonLinesOfAnIsolation() {
    assertMatches("status-isolation.jsonl", TEMPORAL.avesa("status", "snap-iso-isolate", "-o", "jsonl"));
  }

  @Test
  void statusJsonOfAPhaseRun() {
    assertMatches("status-phase.json", TEMPORAL.avesa("status", "snap-infra-infrastructure", "-o", "json"));
  }

  @Test
  void theIsolationsProgressIsTheQueryAnswerWithItsMapKeysSorted() throws IOException {
    JsonNode answer = TEMPORAL.client().newUntypedWorkflowStub("snap-iso-isolate").query("progress", JsonNode.class);
    Run status = TEMPORAL.avesa("status", "snap-iso-isolate", "-o", "json");

    String counts = JSON.readTree(status.out()).path("progress").path("phases").get(0).path("counts").toString();
    // The worker sends the PLAN's counts in the order it recorded them; status sorts them.
    assertThat(answer.path("phases").get(0).path("counts").toString())
        .startsWith("{\"objects\":3,\"bytes\":2048,");
    assertThat(counts).isEqualTo("{\"bytes\":2048,\"items\":5,\"objects\":3,\"objectsToCopy\":2,\"secrets\":1,"
        + "\"secretsToCopy\":1}");
    // Nothing else differs: the same fields and values (object equality ignores key order).
    assertThat(JSON.readTree(status.out()).path("progress")).isEqualTo(answer);
  }

  private static void assertMatches(String snapshot, Run run) {
    assertThat(run.exitCode()).as(run.err()).isZero();
    Snapshots.assertMatches(snapshot, run.out());
  }
}
