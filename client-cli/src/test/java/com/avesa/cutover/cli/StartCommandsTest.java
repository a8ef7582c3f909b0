package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.cli.CliHarness.Run;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StartCommandsTest {
  @RegisterExtension static final CliHarness TEMPORAL = new CliHarness();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void planPrintsATableEndingInPlanOnlyAndExitsZero() {
    Run run = TEMPORAL.avesa("plan", "-c", TEMPORAL.config("plan-table").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("PLAN plan-table-plan: COMPLETED")
        .contains("src-bucket -> dst-bucket")
        .contains("tenant t1")
        .contains("2.9 KiB")
        .contains("TenantServices-prod -> TenantServices")
        .contains("tenant/t1/prod");
    assertThat(run.out().strip()).endsWith("PLAN ONLY: nothing was changed");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void planJsonHasEveryKeyOfTheReport() throws Exception {
    Run run = TEMPORAL.avesa("plan", "-c", TEMPORAL.config("plan-json").toString(), "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.get("workflowId").asText()).isEqualTo("plan-json-plan");
    assertThat(report.get("mode").asText()).isEqualTo("PLAN");
    assertThat(report.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(report.get("verified").isBoolean()).isTrue();
    JsonNode bucket = report.get("buckets").get(0);
    for (String key : new String[] {"source", "target", "objects", "bytes", "toCopy", "copied", "skipped", "failed"}) {
      assertThat(bucket.has(key)).as(key).isTrue();
    }
    assertThat(bucket.get("source").asText()).isEqualTo("src-bucket");
    assertThat(bucket.get("tenants").get("t1").get("objects").asLong()).isEqualTo(2);
    JsonNode table = report.get("tables").get(0);
    assertThat(table.get("source").asText()).isEqualTo("TenantServices-prod");
    assertThat(table.has("items") && table.has("copied")).isTrue();
    JsonNode secrets = report.get("secrets");
    assertThat(secrets.get("matched").asInt()).isEqualTo(1);
    assertThat(secrets.has("copied")).isTrue();
    assertThat(secrets.get("names").get(0).asText()).isEqualTo("tenant/t1/prod");
    assertThat(report.get("problems").isArray()).isTrue();
  }

  @Test
  void migrateWithWaitPrintsTheVerifiedReportAndExitsZero() {
    Run run = TEMPORAL.avesa("migrate", "-c", TEMPORAL.config("copy-ok").toString(), "--wait");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("COPY copy-ok-copy: COMPLETED");
    assertThat(run.out().strip()).endsWith("VERIFIED");
  }

  @Test
  void migrateWithoutWaitPrintsTheWorkflowIdAsJson() throws Exception {
    Run run = TEMPORAL.avesa("migrate", "-c", TEMPORAL.config("copy-nowait").toString(), "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(JSON.readTree(run.out()).get("workflowId").asText()).isEqualTo("copy-nowait-copy");
    assertThat(TEMPORAL.exists("copy-nowait-copy")).isTrue();
  }

  @Test
  void aMigrationIsStartedAsTheCallersIdentity() {
    Run run = TEMPORAL.avesaWithEnv(java.util.Map.of(Identity.ENV, "dave"), "migrate", "-c",
        TEMPORAL.config("copy-as-dave").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(TEMPORAL.client().fetchHistory("copy-as-dave-copy").getEvents().get(0)
        .getWorkflowExecutionStartedEventAttributes().getIdentity()).isEqualTo("dave");
  }

  @Test
  void syncUsesItsOwnDefaultIdAndTheGivenIdWhenPassed() {
    Run byDefault = TEMPORAL.avesa("sync", "-c", TEMPORAL.config("warm").toString());
    Run withId = TEMPORAL.avesa("sync", "-c", TEMPORAL.config("warm").toString(), "--id", "nightly-sync-1", "--wait");

    assertThat(byDefault.exitCode()).isZero();
    assertThat(byDefault.out().strip()).isEqualTo("warm-sync");
    assertThat(withId.exitCode()).as(withId.err()).isZero();
    assertThat(withId.out()).contains("SYNC nightly-sync-1: COMPLETED");
  }

  @Test
  void aFinishedRunsIdCanBeStartedAgain() {
    String config = TEMPORAL.config("again").toString();

    assertThat(TEMPORAL.avesa("plan", "-c", config).exitCode()).isZero();
    Run second = TEMPORAL.avesa("plan", "-c", config);

    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.out()).contains("PLAN again-plan: COMPLETED");
  }

  @Test
  void aFailedRunPrintsItsCarriedProblemsAndExitsOne() {
    Run run = TEMPORAL.avesa("migrate", "-c", TEMPORAL.config("fail-verify").toString(), "--wait");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(run.out())
        .contains("COPY fail-verify-copy: FAILED")
        .contains("src-bucket/raw/t1/a.json: size 10 in source, 9 in target");
    assertThat(run.out().strip()).endsWith("NOT VERIFIED");
  }

  @Test
  void aFailedRunWithoutAReportReportsTheFailureMessage() throws Exception {
    Run run = TEMPORAL.avesa("migrate", "-c", TEMPORAL.config("bare-fail-x").toString(), "--wait", "--json");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.get("status").asText()).isEqualTo("FAILED");
    assertThat(report.get("mode").asText()).isEqualTo("COPY");
    assertThat(report.get("problems").get(0).asText()).isEqualTo("source bucket src-bucket does not exist");
  }

  @Test
  void startingAnIdThatIsStillRunningSaysSoAndExitsOne() {
    String config = TEMPORAL.config("slow-dup").toString();
    Run first = TEMPORAL.avesa("migrate", "-c", config);
    Run second = TEMPORAL.avesa("migrate", "-c", config);

    assertThat(first.exitCode()).isZero();
    assertThat(second.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(second.err().strip()).isEqualTo("a run with id slow-dup-copy is already running: "
        + "follow it with `avesa status slow-dup-copy`, or pass --id");
  }
}
