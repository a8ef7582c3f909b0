package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.cli.CliHarness.Run;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The runbook phase commands' plumbing: start, --wait, exit codes, printing, result, refusals before connecting. */
class PhaseCommandsTest {
  @RegisterExtension static final CliHarness TEMPORAL = new CliHarness();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void infraVerifyPrintsItsIdThenResultPrintsWhatChangedItemByItem() throws IOException {
    Run started = TEMPORAL.avesa("infra", "verify", "-c", TEMPORAL.config("infra-ok").toString());

    assertThat(started.exitCode()).as(started.err()).isZero();
    assertThat(started.out().strip()).isEqualTo("infra-ok-infrastructure");
    Run result = TEMPORAL.avesa("result", "infra-ok-infrastructure");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("OUTCOME         SUCCEEDED")
        .contains("CHANGED (1)\n  s3 bucket dst-bucket  created")
        .contains("UNCHANGED (1)\n  cloudformation stack AVESADataPipeline-prod  CREATE_COMPLETE");
    JsonNode json = JSON.readTree(TEMPORAL.avesa("result", "infra-ok-infrastructure", "--json").out());
    assertThat(json.path("changed").get(0).path("item").asText()).isEqualTo("s3 bucket dst-bucket");
  }

  @Test
  void aFailedPhaseWaitedForPrintsItsCarriedReportAndExitsOne() {
    Run run = TEMPORAL.avesa("infra", "verify", "-c", TEMPORAL.config("missing-fn").toString(), "--wait");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(run.out()).contains("OUTCOME         FAILED").contains("MISSING (1)")
        .contains("lambda function f not found in account 222222222222");
    assertThat(run.err()).isEqualTo("avesa: run missing-fn-infrastructure FAILED: "
        + "lambda function f not found in account 222222222222\n");
  }

  @Test
  void statusOfAPhaseRunShowsItsPhaseAndCounts() {
    assertThat(TEMPORAL.avesa("infra", "verify", "-c", TEMPORAL.config("infra-status").toString(), "--wait")
        .exitCode()).isZero();

    Run status = TEMPORAL.avesa("status", "infra-status-infrastructure");

    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(status.out()).contains("infra-status-infrastructure (InfrastructureWorkflow, run ")
        .contains("COMPLETED").contains("phase    DONE, outcome SUCCEEDED").contains("changed  1, unchanged 1");
  }

  @Test
  void phaseCommandsRefuseWhatTheyCannotRunBeforeConnecting() {
    String config = TEMPORAL.config("refused").toString();

    Run decommission = CliHarness.avesaWithoutAddress("decommission", "-c", config);
    Run validate = CliHarness.avesaWithoutAddress("validate", "-c", config, "--since", "yesterday");
    Run gate = CliHarness.avesaWithoutAddress("approve", "x", "--gate", "launch", "--reason", "r");

    assertThat(decommission.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(decommission.err()).isEqualTo("refused: no `decommission:` section: add one with at least "
        + "archiveBucket (and retention, remove)\n");
    assertThat(validate.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(validate.err()).isEqualTo("--since: 'yesterday' is not an ISO-8601 instant such as 2026-12-01T02:40:00Z\n");
    assertThat(gate.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(gate.err()).isEqualTo("--gate: 'launch' is not a gate (execute, cutover, signOff, validation, decommission)\n");
  }

  @Test
  void reportRendersAPhaseRunAsMarkdownOrJson() {
    assertThat(TEMPORAL.avesa("infra", "verify", "-c", TEMPORAL.config("not-iso").toString(), "--wait").exitCode())
        .isZero();

    Run markdown = TEMPORAL.avesa("report", "not-iso-infrastructure", "--markdown");
    Run json = TEMPORAL.avesa("report", "not-iso-infrastructure", "--json");

    assertThat(markdown.exitCode()).as(markdown.err()).isZero();
    assertThat(markdown.out()).startsWith("# Infrastructure not-iso-infrastructure — SUCCEEDED\n")
        .contains("- Run: `not-iso-infrastructure`", "- Deploy command: none configured", "## Missing\n\nNone.")
        .endsWith("## Problems\n\nNone.\n\n");
    assertThat(json.exitCode()).isZero();
    assertThat(json.out()).containsPattern("\"workflowId\"\\s*:\\s*\"not-iso-infrastructure\"")
        .containsPattern("\"outcome\"\\s*:\\s*\"SUCCEEDED\"");
  }

  @Test
  void reportOfARunWithoutAReportSaysSoInOneLine() {
    Run report = TEMPORAL.avesa("report", "no-such-run", "--markdown");

    assertThat(report.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(report.err()).isEqualTo("no run with id no-such-run in namespace default\n");
  }
}
