package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.cli.CliHarness.Run;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code avesa sync --reverse [--dry-run]} against a dev server whose migration workflow echoes its input. */
class ReverseSyncCommandTest {
  @RegisterExtension static final CliHarness TEMPORAL = new CliHarness();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aDryRunStartsAReversePlanUnderTheReverseSyncId() throws Exception {
    Run run = TEMPORAL.avesa("sync", "--reverse", "--dry-run", "-c", TEMPORAL.config("rehearse").toString(),
        "--wait", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.get("workflowId").asText()).isEqualTo("rehearse-reverse-sync");
    assertThat(report.get("mode").asText()).isEqualTo("PLAN");
    assertThat(report.get("reverse").asBoolean()).isTrue();
  }

  @Test
  void withoutDryRunItStartsAReverseRunAndPrintsItsReport() {
    Run run = TEMPORAL.avesa("sync", "--reverse", "-c", TEMPORAL.config("reverse-now").toString(), "--wait");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("REVERSE reverse-now-reverse-sync: COMPLETED");
    assertThat(run.out().strip()).endsWith("VERIFIED");
  }

  @Test
  void aSecondReverseSyncIsRefusedWhileTheFirstIsOpen() {
    String config = TEMPORAL.config("slow-reverse").toString();
    Run first = TEMPORAL.avesa("sync", "--reverse", "-c", config);
    Run second = TEMPORAL.avesa("sync", "--reverse", "-c", config);

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out().strip()).isEqualTo("slow-reverse-reverse-sync");
    assertThat(second.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(second.err().strip()).isEqualTo("a run with id slow-reverse-reverse-sync is already running: "
        + "follow it with `avesa status slow-reverse-reverse-sync`, or pass --id");
  }

  @Test
  void dryRunWithoutReverseIsAUsageErrorAndStartsNothing() {
    Run run = TEMPORAL.avesa("sync", "--dry-run", "-c", TEMPORAL.config("dry-forward").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--dry-run: only with --reverse (a dry run of the forward direction is `avesa plan`)");
    assertThat(TEMPORAL.exists("dry-forward-sync")).isFalse();
    assertThat(TEMPORAL.exists("dry-forward-reverse-sync")).isFalse();
  }

  @Test
  void helpSaysItWritesIntoTheSourceAccount() {
    Run run = CliHarness.avesaWithoutAddress("sync", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("WRITES INTO THE SOURCE ACCOUNT").contains("--reverse").contains("--dry-run");
  }
}
