package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.cli.CliHarness.Run;
import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code avesa status} and {@code result} of cutovers and rollbacks: views, snapshots, exit codes. */
class CutoverStatusTest {
  @RegisterExtension static final CliHarness TEMPORAL = new CliHarness();
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * snap-cutover went live and snap-undo rolled it back; gated-cutover waits at its gate;
   * refused-cutover was rejected.
   */
  @BeforeAll
  static void runCutovers() {
    start(CutoverConfigs.config("snap"));
    start(CutoverConfigs.config("gated"));
    start(CutoverConfigs.config("refused"));
    TEMPORAL.awaitGate("snap-cutover", "cutover");
    TEMPORAL.awaitGate("refused-cutover", "cutover");
    assertThat(TEMPORAL.avesa("approve", "snap-cutover", "--gate", "cutover", "--reason", "CAB-123",
        "--window-start", "now", "--identity", "bob").exitCode()).isZero();
    assertThat(TEMPORAL.avesa("reject", "refused-cutover", "--gate", "cutover", "--reason", "not tonight",
        "--identity", "bob").exitCode()).isZero();
    assertThat(TEMPORAL.avesa("result", "snap-cutover").exitCode()).isZero();
    assertThat(TEMPORAL.avesa("rollback", "--after", "snap-cutover", "--reason", "drill", "--id", "snap-undo",
        "--wait", "--identity", "carol").exitCode()).isZero();
    TEMPORAL.awaitGate("gated-cutover", "cutover");
  }

  @Test
  void statusTableOfAFinishedCutover() {
    assertMatches("cutover-status.txt", TEMPORAL.avesa("status", "snap-cutover"));
  }

  @Test
  void resultTableOfACutoverThatWentLive() {
    assertMatches("cutover-result.txt", TEMPORAL.avesa("result", "snap-cutover"));
  }

  @Test
  void resultJsonOfACutoverThatWentLive() {
    assertMatches("cutover-result.json", TEMPORAL.avesa("result", "snap-cutover", "--json"));
  }

  @Test
  void resultTableOfARollback() {
    assertMatches("rollback-result.txt", TEMPORAL.avesa("result", "snap-undo"));
  }

  @Test
  void statusJsonOfARunningCutoverShowsItsPendingGate() throws Exception {
    Run run = TEMPORAL.avesa("status", "gated-cutover", "--output", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode status = JSON.readTree(run.out());
    assertThat(status.get("workflowType").asText()).isEqualTo("CutoverWorkflow");
    assertThat(status.get("status").asText()).isEqualTo("RUNNING");
    JsonNode report = status.get("progress");
    for (String key : new String[] {"outcome", "phase", "pendingGate", "approvals", "steps", "compensations"}) {
      assertThat(report.has(key)).as(key).isTrue();
    }
    assertThat(report.get("outcome").asText()).isEqualTo("RUNNING");
    assertThat(report.get("pendingGate").asText()).isEqualTo("cutover");
    assertThat(report.get("approvalsNeeded").asInt()).isEqualTo(1);
    assertThat(report.get("config").get("cutover").get("window").asText()).isEqualTo("PT4H");
  }

  @Test
  void statusTableOfARunningCutoverShowsThePendingGateAndTheWindowNotYetApproved() {
    Run run = TEMPORAL.avesa("status", "gated-cutover");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("gated-cutover (run ").contains("): RUNNING")
        .contains("CUTOVER gated-cutover: RUNNING")
        .contains("  pending gate  cutover (1 more approval needed)")
        .contains("  window        not approved yet")
        .endsWith("RUNNING: not finished yet\n");
  }

  @Test
  void resultExitsOneForARejectedCutoverAndZeroForACompletedRollback() {
    Run rejected = TEMPORAL.avesa("result", "refused-cutover");
    assertThat(rejected.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(rejected.out()).contains("bob  REJECTED").endsWith("REJECTED: nothing was changed\n");

    Run rollback = TEMPORAL.avesa("result", "snap-undo");
    assertThat(rollback.exitCode()).as(rollback.err()).isZero();
    assertThat(rollback.out()).startsWith("ROLLBACK snap-undo: ROLLED_BACK");
    Run rollbackStatus = TEMPORAL.avesa("status", "snap-undo", "--json");
    assertThat(rollbackStatus.out()).contains("\"workflowType\" : \"RollbackWorkflow\"")
        .contains("\"kind\" : \"ROLLBACK\"");
  }

  @Test
  void watchShowsThePendingGateUntilTheCutoverEndsAndExitsAsResult() {
    start(CutoverConfigs.config("brief-gate", new ApprovalsConfig(List.of(), 1, true, false, Duration.ofSeconds(4))));

    Run run = TEMPORAL.avesa("status", "brief-gate-cutover", "--watch", "--interval", "1");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    // Without a terminal: one line while the gate is pending (not one per sample), one for the outcome.
    assertThat(run.out().lines().filter(line -> line.contains("GATE"))).hasSize(1);
    assertThat(run.out()).containsPattern("(?m)^\\d+s +GATE +gate cutover \\(1 more approval needed\\)$")
        .containsPattern("(?m)^\\d+s +EXPIRED$")
        .containsPattern("(?m)^run brief-gate-cutover ended: COMPLETED, outcome EXPIRED after \\d+s")
        .doesNotContain("RUNNING RUNNING")
        .doesNotContain("\u001b[");
  }

  private static void start(MigrationConfig config) {
    Run run = TEMPORAL.avesa("cutover", "-c", TEMPORAL.cutoverConfig(config).toString(), "--identity", "alice");
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  private static void assertMatches(String snapshot, Run run) {
    assertThat(run.exitCode()).as(run.err()).isZero();
    Snapshots.assertMatches(snapshot, run.out());
  }
}
