package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.cli.CliHarness.Run;
import com.avesa.cutover.workflows.migration.MigrationInput;
import com.avesa.cutover.workflows.migration.Mode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code avesa list} against the embedded dev server, which only has the open/closed listings. */
class ListCommandTest {
  @RegisterExtension static final CliHarness TEMPORAL = new CliHarness();
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void startRuns() {
    assertThat(TEMPORAL.avesa("migrate", "-c", TEMPORAL.config("slow-listed").toString()).exitCode()).isZero();
    assertThat(TEMPORAL.avesa("plan", "-c", TEMPORAL.config("done-listed").toString()).exitCode()).isZero();
    WorkflowStub other = TEMPORAL.client().newUntypedWorkflowStub("SomeOtherWorkflow",
        WorkflowOptions.newBuilder().setWorkflowId("not-a-migration").setTaskQueue("nobody-polls-this").build());
    other.start(MigrationInput.of(null, Mode.PLAN));
  }

  @Test
  void listJsonShowsARunningAndAFinishedRun() throws Exception {
    Run run = TEMPORAL.avesa("list", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    Map<String, JsonNode> byId = new HashMap<>();
    JSON.readTree(run.out()).forEach(node -> byId.put(node.get("workflowId").asText(), node));
    assertThat(byId).containsKeys("slow-listed-copy", "done-listed-plan").doesNotContainKey("not-a-migration");

    JsonNode running = byId.get("slow-listed-copy");
    assertThat(running.get("status").asText()).isEqualTo("RUNNING");
    assertThat(running.get("workflowType").asText()).isEqualTo("DataMigrationWorkflow");
    assertThat(running.get("runId").asText()).isNotBlank();
    assertThat(running.get("startTime").isTextual()).isTrue();
    assertThat(running.get("closeTime").isNull()).isTrue();

    JsonNode finished = byId.get("done-listed-plan");
    assertThat(finished.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(finished.get("closeTime").isTextual()).isTrue();
  }

  @Test
  void openRunsComeFirst() throws Exception {
    JsonNode runs = JSON.readTree(TEMPORAL.avesa("list", "--json").out());

    assertThat(runs.get(0).get("status").asText()).isEqualTo("RUNNING");
  }

  @Test
  void theTableHasAHeaderAndOneRowPerRun() {
    Run run = TEMPORAL.avesa("list");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().findFirst()).get().asString()
        .startsWith("WORKFLOW ID").contains("RUN ID").contains("STATUS").contains("STARTED").contains("CLOSED");
    assertThat(run.out()).containsPattern("slow-listed-copy +\\S+ +RUNNING +\\S+Z +-")
        .containsPattern("done-listed-plan +\\S+ +COMPLETED +\\S+Z +\\S+Z");
  }

  @Test
  void limitCapsTheNumberOfRuns() throws Exception {
    assertThat(JSON.readTree(TEMPORAL.avesa("list", "--json", "--limit", "1").out())).hasSize(1);
    Run zero = TEMPORAL.avesa("list", "--limit", "0");
    assertThat(zero.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(zero.err().lines()).singleElement().asString().contains("--limit");
  }

  @Test
  void kindCutoverListsCutoverRunsOnly() throws Exception {
    String config = TEMPORAL.cutoverConfig(CutoverConfigs.config("listed")).toString();
    assertThat(TEMPORAL.avesa("cutover", "-c", config, "--identity", "alice").exitCode()).isZero();

    JsonNode cutovers = JSON.readTree(TEMPORAL.avesa("list", "--kind", "cutover", "--json").out());
    assertThat(cutovers).extracting(run -> run.get("workflowId").asText()).contains("listed-cutover")
        .doesNotContain("slow-listed-copy");
    assertThat(TEMPORAL.avesa("list").out()).doesNotContain("listed-cutover");
    Run bad = TEMPORAL.avesa("list", "--kind", "everything");
    assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void kindInfraListsTheInfrastructurePhaseRuns() throws Exception {
    assertThat(TEMPORAL.avesa("infra", "verify", "-c", TEMPORAL.config("listed-infra").toString(), "--wait")
        .exitCode()).isZero();

    JsonNode infra = JSON.readTree(TEMPORAL.avesa("list", "--kind", "infra", "--json").out());

    assertThat(infra).extracting(run -> run.get("workflowId").asText()).contains("listed-infra-infrastructure")
        .allMatch(id -> id.endsWith("-infrastructure"));
    assertThat(TEMPORAL.avesa("list", "--kind", "isolate").out()).doesNotContain("listed-infra");
  }
}
