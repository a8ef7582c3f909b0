package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.cli.CliHarness.Run;
import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.cutover.CompensationRecord;
import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.cutover.Outcome;
import com.avesa.cutover.workflows.cutover.RollbackWorkflow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code avesa rollback} of a running cutover (update) and of a finished one ({@code --after}). */
class RollbackCommandTest {
  @RegisterExtension static final CliHarness TEMPORAL = new CliHarness();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void rollbackOfARunningCutoverWithOutputJsonPrintsTheRequest() throws Exception {
    String id = awaitingSignOff("json-undo");

    Run run = TEMPORAL.avesa("rollback", id, "--reason", "errors in raw/", "--identity", "carol", "-o", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode request = JSON.readTree(run.out());
    assertThat(request.path("workflowId").asText()).isEqualTo("json-undo-cutover");
    assertThat(request.path("requestedBy").asText()).isEqualTo("carol");
    assertThat(request.path("answer").asText()).isEqualTo("rolling back 4 change(s)");
  }

  @Test
  void rollbackOfARunningCutoverAsksTheRunToRollBack() {
    String id = awaitingSignOff("live-undo");

    Run run = TEMPORAL.avesa("rollback", id, "--reason", "errors in canonical/", "--identity", "carol");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("carol requested the rollback of live-undo-cutover: rolling back 4 change(s)\n");
    Run result = TEMPORAL.avesa("result", id, "--json");
    assertThat(result.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(result.out()).contains("\"outcome\" : \"ROLLED_BACK\"").contains("\"reason\" : \"errors in canonical/\"");
  }

  @Test
  void aRollbackTheRunRefusesPrintsItsReasonAndExitsOne() {
    start(CutoverConfigs.config("nothing-yet"));
    TEMPORAL.awaitGate("nothing-yet-cutover", "cutover");

    Run run = TEMPORAL.avesa("rollback", "nothing-yet-cutover", "--reason", "cold feet", "--identity", "carol");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(run.err()).isEqualTo("avesa: rollback refused: nothing has changed yet: reject the cutover gate instead\n");
    assertThat(progress("nothing-yet-cutover").outcome()).isEqualTo(Outcome.RUNNING);
  }

  @Test
  void rollbackWithoutAfterOfAFinishedCutoverSaysToUseAfter() {
    String id = cutOver("ended");

    Run run = TEMPORAL.avesa("rollback", id, "--reason", "late finding");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(run.err().lines()).singleElement().asString()
        .isEqualTo("run ended-cutover has ended (COMPLETED): roll a finished cutover back with "
            + "`avesa rollback --after ended-cutover --reason TEXT`");
  }

  @Test
  void rollbackAfterAFinishedCutoverStartsARollbackRunWithItsReport() throws Exception {
    String id = cutOver("went-live");
    CutoverReport cutover = progress(id);

    Run run = TEMPORAL.avesa("rollback", "--after", id, "--reason", "tenant data missing", "--identity", "carol");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("went-live-cutover-rollback\n");
    Run result = TEMPORAL.avesa("result", "went-live-cutover-rollback", "--json");
    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode report = JSON.readTree(result.out());
    assertThat(report.get("kind").asText()).isEqualTo("ROLLBACK");
    assertThat(report.get("outcome").asText()).isEqualTo("ROLLED_BACK");
    assertThat(report.get("requestedBy").asText()).isEqualTo("carol");
    assertThat(report.get("reason").asText()).isEqualTo("tenant data missing");
    assertThat(report.get("step").asText()).isEqualTo("undid went-live-cutover");
    List<String> undone = TEMPORAL.client().newWorkflowStub(RollbackWorkflow.class, "went-live-cutover-rollback")
        .progress().compensations().stream().map(CompensationRecord::name).toList();
    assertThat(undone).isEqualTo(cutover.compensations().stream().map(CompensationRecord::name).toList())
        .isNotEmpty();
  }

  @Test
  void rollbackAfterWithWaitAndIdPrintsTheRollbacksReportAndExitsAsResult() {
    String id = cutOver("undo-waited");

    Run run = TEMPORAL.avesa("rollback", "--after", id, "--reason", "bad data", "--id", "undo-1", "--wait",
        "--identity", "carol");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("\n\nROLLBACK undo-1: ROLLED_BACK").contains("requested by  carol")
        .containsPattern("(?m)^run undo-1 ended: COMPLETED, outcome ROLLED_BACK after \\d+s")
        .contains("restoreDns").endsWith("ROLLED BACK: every change was undone\n");
  }

  @Test
  void rollbackAfterARejectedCutoverRefusesNamingTheOutcomeAndStartsNothing() {
    start(CutoverConfigs.config("turned-down"));
    TEMPORAL.awaitGate("turned-down-cutover", "cutover");
    TEMPORAL.avesa("reject", "turned-down-cutover", "--gate", "cutover", "--reason", "no", "--identity", "bob");
    TEMPORAL.avesa("result", "turned-down-cutover");

    Run run = TEMPORAL.avesa("rollback", "--after", "turned-down-cutover", "--reason", "just in case");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(run.err().lines()).singleElement().asString()
        .startsWith("nothing to undo: cutover turned-down-cutover ended REJECTED");
    assertThat(TEMPORAL.exists("turned-down-cutover-rollback")).isFalse();
  }

  @Test
  void rollbackAfterARunningCutoverSaysToRollItBackInPlace() {
    String id = awaitingSignOff("still-on");

    Run run = TEMPORAL.avesa("rollback", "--after", id, "--reason", "x");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(run.err().lines()).singleElement().asString()
        .contains("still running").contains("`avesa rollback still-on-cutover --reason TEXT`");
  }

  @Test
  void namingNoneOrBothCutoversOrWaitWithoutAfterIsAUsageError() {
    Run none = TEMPORAL.avesa("rollback", "--reason", "x");
    Run both = TEMPORAL.avesa("rollback", "a-cutover", "--after", "b-cutover", "--reason", "x");
    Run waitInPlace = TEMPORAL.avesa("rollback", "a-cutover", "--reason", "x", "--wait");

    for (Run run : List.of(none, both, waitInPlace)) {
      assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(run.err().lines()).hasSize(1);
    }
    assertThat(waitInPlace.err()).contains("--after");
  }

  private static void start(MigrationConfig config) {
    Run run = TEMPORAL.avesa("cutover", "-c", TEMPORAL.cutoverConfig(config).toString(), "--identity", "alice");
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  /** A cutover that changed everything and now waits for its sign-off. */
  private static String awaitingSignOff(String name) {
    start(CutoverConfigs.config(name, new ApprovalsConfig(List.of(), 1, true, true, null)));
    String id = name + "-cutover";
    TEMPORAL.awaitGate(id, "cutover");
    assertThat(TEMPORAL.avesa("approve", id, "--gate", "cutover", "--reason", "CAB-1", "--identity", "bob")
        .exitCode()).isZero();
    TEMPORAL.awaitGate(id, "signOff");
    return id;
  }

  /** A cutover that ended CUT_OVER. */
  private static String cutOver(String name) {
    start(CutoverConfigs.config(name));
    String id = name + "-cutover";
    TEMPORAL.awaitGate(id, "cutover");
    assertThat(TEMPORAL.avesa("approve", id, "--gate", "cutover", "--reason", "CAB-1", "--identity", "bob")
        .exitCode()).isZero();
    assertThat(TEMPORAL.avesa("result", id).exitCode()).isZero();
    return id;
  }

  private static CutoverReport progress(String workflowId) {
    return TEMPORAL.progress(workflowId);
  }
}
