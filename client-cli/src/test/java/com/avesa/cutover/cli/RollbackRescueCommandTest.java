package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.cli.CliHarness.Run;
import io.temporal.api.enums.v1.EventType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code avesa rollback --rescue}: what it refuses, how it stops an open run, and a completed
 * cutover handled as {@code --after}. (Undoing real changes read from a real cutover's history:
 * {@code CutoverHistoryTest} in workflows, {@code RescueEndToEndTest} in e2e.)
 */
class RollbackRescueCommandTest {
  @RegisterExtension static final CliHarness TEMPORAL = new CliHarness();

  @Test
  void rescueOfAnUnknownIdIsOneLineExitOneAndStartsNothing() {
    Run run = TEMPORAL.avesa("rollback", "--rescue", "no-such-cutover", "--reason", "stuck");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(run.err().lines()).singleElement().asString()
        .isEqualTo("no run with id no-such-cutover in namespace default");
    assertThat(run.out()).isEmpty();
    assertThat(TEMPORAL.exists("no-such-cutover-rescue")).isFalse();
  }

  @Test
  void rescueOfARunThatIsNotACutoverIsAUsageErrorAndStopsNothing() {
    Run started = TEMPORAL.avesa("migrate", "-c", TEMPORAL.config("a-copy").toString(), "--id", "a-copy-run");
    assertThat(started.exitCode()).as(started.err()).isZero();

    Run run = TEMPORAL.avesa("rollback", "--rescue", "a-copy-run", "--reason", "stuck");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines()).singleElement().asString()
        .isEqualTo("run a-copy-run is a DataMigrationWorkflow, not a cutover: nothing to rescue");
    assertThat(lastEvent("a-copy-run")).isNotEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED);
    assertThat(TEMPORAL.exists("a-copy-run-rescue")).isFalse();
  }

  @Test
  void rescueOfAnOpenCutoverTerminatesItFirstAndSaysSoInOneLine() {
    start("held");
    TEMPORAL.awaitGate("held-cutover", "cutover");

    Run run = TEMPORAL.avesa("rollback", "--rescue", "held-cutover", "--reason", "stuck after deploy",
        "--identity", "carol");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err().lines()).singleElement().asString()
        .startsWith("terminated the open run held-cutover (").endsWith(") so that it cannot act against the rescue");
    assertThat(lastEvent("held-cutover")).isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED);
    // The stand-in cutover calls no activities: its history shows no change, so no rollback starts.
    assertThat(run.out()).isEqualTo(
        "nothing to undo: cutover held-cutover (TERMINATED) changed nothing that is not undone already\n");
    assertThat(TEMPORAL.exists("held-cutover-rescue")).isFalse();
  }

  @Test
  void rescueOfACutoverThatCompletedRollsBackFromItsReportAsAfterDoes() {
    start("done");
    TEMPORAL.awaitGate("done-cutover", "cutover");
    assertThat(TEMPORAL.avesa("approve", "done-cutover", "--gate", "cutover", "--reason", "CAB-1", "--identity", "bob")
        .exitCode()).isZero();
    assertThat(TEMPORAL.avesa("result", "done-cutover").exitCode()).isZero();

    Run run = TEMPORAL.avesa("rollback", "--rescue", "done-cutover", "--reason", "late finding", "--identity", "carol");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err().lines()).singleElement().asString().contains("completed with a report").contains("--after");
    assertThat(run.out()).isEqualTo("done-cutover-rescue\n");
    Run result = TEMPORAL.avesa("result", "done-cutover-rescue");
    assertThat(result.exitCode()).as(result.err()).isZero();
  }

  @Test
  void afterOnATerminatedCutoverPointsToRescue() {
    start("cut-short");
    TEMPORAL.awaitGate("cut-short-cutover", "cutover");
    TEMPORAL.client().newUntypedWorkflowStub("cut-short-cutover").terminate("test");

    Run run = TEMPORAL.avesa("rollback", "--after", "cut-short-cutover", "--reason", "x");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(run.err().lines()).singleElement().asString()
        .isEqualTo("cutover cut-short-cutover ended TERMINATED without a report: undo what it changed with "
            + "`avesa rollback --rescue cut-short-cutover --reason TEXT`");
  }

  @Test
  void rescueWithAnotherCutoverNamedOrWithoutAReasonIsAUsageError() {
    Run both = TEMPORAL.avesa("rollback", "--rescue", "a-cutover", "--after", "b-cutover", "--reason", "x");
    Run withId = TEMPORAL.avesa("rollback", "a-cutover", "--rescue", "b-cutover", "--reason", "x");
    Run noReason = TEMPORAL.avesa("rollback", "--rescue", "a-cutover", "--reason", " ");

    for (Run run : List.of(both, withId, noReason)) {
      assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
      assertThat(run.err().lines()).hasSize(1);
    }
    assertThat(both.err()).contains("--rescue ID");
  }

  private static void start(String name) {
    Run run = TEMPORAL.avesa("cutover", "-c", TEMPORAL.cutoverConfig(CutoverConfigs.config(name)).toString(),
        "--identity", "alice");
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  private static EventType lastEvent(String workflowId) {
    return TEMPORAL.client().fetchHistory(workflowId).getLastEvent().getEventType();
  }
}
