package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.cli.CliHarness.Run;
import com.avesa.cutover.workflows.migration.MigrationInput;
import com.avesa.cutover.workflows.migration.Mode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InspectCommandsTest {
  @RegisterExtension static final CliHarness TEMPORAL = new CliHarness();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void statusJsonShowsStateProgressAndAHistoryLength() throws Exception {
    assertThat(TEMPORAL.avesa("migrate", "-c", TEMPORAL.config("slow-status").toString()).exitCode()).isZero();

    Run run = TEMPORAL.avesa("status", "slow-status-copy", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode status = JSON.readTree(run.out());
    assertThat(status.get("workflowId").asText()).isEqualTo("slow-status-copy");
    assertThat(status.get("status").asText()).isEqualTo("RUNNING");
    assertThat(status.get("startTime").asText()).isNotBlank();
    assertThat(status.get("historyLength").asLong()).isGreaterThan(0);
    assertThat(status.get("progress").get("phase").asText()).isEqualTo("COPY");
    assertThat(status.get("progress").get("step").asText()).isEqualTo("bucket src-bucket page 1");
  }

  @Test
  void statusAsTextShowsTheCurrentStep() {
    assertThat(TEMPORAL.avesa("plan", "-c", TEMPORAL.config("done-status").toString()).exitCode()).isZero();

    Run run = TEMPORAL.avesa("status", "done-status-plan");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("done-status-plan").contains("COMPLETED").contains("history")
        .contains("bucket src-bucket page 1");
  }

  @Test
  void statusWithoutAWorkerToAnswerTheQueryStillShowsTheState() throws Exception {
    WorkflowStub unpolled = TEMPORAL.client().newUntypedWorkflowStub("DataMigrationWorkflow",
        WorkflowOptions.newBuilder().setWorkflowId("unpolled").setTaskQueue("nobody-polls-this").build());
    unpolled.start(MigrationInput.of(null, Mode.PLAN));

    Run run = TEMPORAL.avesa("status", "unpolled", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode status = JSON.readTree(run.out());
    assertThat(status.get("status").asText()).isEqualTo("RUNNING");
    assertThat(status.get("progress").isNull()).isTrue();
    unpolled.terminate("test done");
  }

  @Test
  void statusOfAnUnknownIdSaysSoAndExitsOne() {
    Run run = TEMPORAL.avesa("status", "no-such-run");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(run.err()).contains("no run with id no-such-run");
  }

  @Test
  void resultPrintsTheReportOfAFinishedRun() throws Exception {
    assertThat(TEMPORAL.avesa("migrate", "-c", TEMPORAL.config("finished").toString(), "--wait").exitCode()).isZero();

    Run run = TEMPORAL.avesa("result", "finished-copy", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.get("workflowId").asText()).isEqualTo("finished-copy");
    assertThat(report.get("verified").asBoolean()).isTrue();
  }

  @Test
  void resultOfAFailedRunExitsOneWithItsProblems() {
    TEMPORAL.avesa("migrate", "-c", TEMPORAL.config("fail-result").toString());

    Run run = TEMPORAL.avesa("result", "fail-result-copy");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(run.out()).contains("size 10 in source, 9 in target").contains("NOT VERIFIED");
  }
}
