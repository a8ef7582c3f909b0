package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.cli.CliHarness.Run;
import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.cutover.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One grammar across commands: -o table|json|jsonl, durations, one-line usage errors, help sections, the version. */
class CliGrammarTest {
  @RegisterExtension static final CliHarness TEMPORAL = new CliHarness();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aUsageErrorIsOneLineAndAPointerToTheCommandsHelp() {
    Run run = CliHarness.avesaWithoutAddress("migrate", "-c", "x.yaml", "--wiat");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines()).containsExactly("avesa migrate: Unknown option: '--wiat'", "see `avesa migrate --help`");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aMistypedCommandIsOneLineWithPicocliSuggestions() {
    Run run = CliHarness.avesaWithoutAddress("migrat", "-c", "x.yaml");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines()).hasSize(2);
    assertThat(run.err().lines().findFirst().orElseThrow()).startsWith("avesa: Unmatched arguments from index 0: 'migrat'")
        .contains("(did you mean migrate");
    assertThat(run.err().lines().skip(1).findFirst().orElseThrow()).isEqualTo("see `avesa --help`");
  }

  @Test
  void aBadDurationIsOneLineNamingTheOptionAndWhatToWrite() {
    Run run = CliHarness.avesaWithoutAddress("sync", "schedule", "-c", "x.yaml", "--every", "1x");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines()).containsExactly(
        "avesa sync schedule: Invalid value for option '--every': '1x' is not a duration: write 90s, 2m, 1h30m, 1d "
            + "or ISO-8601 such as PT2M",
        "see `avesa sync schedule --help`");
  }

  @Test
  void durationsInShortFormAreAcceptedWhereIsoWas() {
    Run schedule = TEMPORAL.avesa("sync", "schedule", "-c", TEMPORAL.config("short-every").toString(), "--every", "1h");

    assertThat(schedule.exitCode()).as(schedule.err()).isZero();
    assertThat(schedule.out()).contains("short-every-final-sync (cron, every 1h)");
    assertThat(TEMPORAL.avesa("sync", "unschedule", "short-every-final-sync").exitCode()).isZero();
  }

  @Test
  void connectionOptionsHaveTheirOwnHelpSection() {
    Run run = CliHarness.avesaWithoutAddress("status", "--help");

    assertThat(run.exitCode()).isZero();
    String help = run.out();
    String options = help.substring(0, help.indexOf("Connection:"));
    String connection = help.substring(help.indexOf("Connection:"));
    assertThat(options).contains("--watch").contains("-o, --output=FORMAT").doesNotContainPattern("(?m)^ +--address=");
    assertThat(connection).contains("--address=HOST:PORT").contains("--namespace").contains("--tls-cert")
        .contains("--api-key").contains("--identity");
  }

  @Test
  void theVersionIsTheBuildsVersion() {
    Run run = CliHarness.avesaWithoutAddress("-V");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().strip()).matches("avesa \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  @Test
  void everyStartCommandWithoutWaitPrintsTheBareIdOrJsonWithOutputJson() throws Exception {
    Run table = TEMPORAL.avesa("migrate", "-c", TEMPORAL.config("id-table").toString());
    Run json = TEMPORAL.avesa("migrate", "-c", TEMPORAL.config("id-json").toString(), "-o", "json");

    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(table.out()).isEqualTo("id-table-copy\n");
    assertThat(json.exitCode()).as(json.err()).isZero();
    assertThat(JSON.readTree(json.out()).path("workflowId").asText()).isEqualTo("id-json-copy");
  }

  @Test
  void migrateWaitAsJsonLinesPrintsProgressObjectsThenTheReport() throws Exception {
    Run run = TEMPORAL.avesa("migrate", "-c", TEMPORAL.config("brief-lines").toString(), "--wait", "-o", "jsonl");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSizeGreaterThan(1);
    for (String line : lines.subList(0, lines.size() - 1)) {
      assertThat(JSON.readTree(line).path("event").asText()).as(line).isEqualTo("progress");
    }
    JsonNode report = JSON.readTree(lines.get(lines.size() - 1));
    assertThat(report.path("workflowId").asText()).isEqualTo("brief-lines-copy");
    assertThat(report.path("status").asText()).isEqualTo("COMPLETED");
  }

  @Test
  void migrateWaitWithoutATerminalPrintsPhaseLinesTheSummaryThenTheReport() {
    Run run = TEMPORAL.avesa("migrate", "-c", TEMPORAL.config("brief-table").toString(), "--wait");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("(?m)^\\d+s +COPY +bucket src-bucket page 1$")
        .containsPattern("(?m)^run brief-table-copy ended: COMPLETED after \\d+s — objects 3: ")
        .contains("\n\nCOPY brief-table-copy: COMPLETED");
  }

  @Test
  void listAsJsonLinesPrintsOneRunPerLine() throws Exception {
    assertThat(TEMPORAL.avesa("plan", "-c", TEMPORAL.config("listed-a").toString()).exitCode()).isZero();
    assertThat(TEMPORAL.avesa("plan", "-c", TEMPORAL.config("listed-b").toString()).exitCode()).isZero();

    Run run = TEMPORAL.avesa("list", "-o", "jsonl");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
    for (String line : lines) {
      assertThat(JSON.readTree(line).path("workflowId").asText()).as(line).isNotEmpty();
    }
    assertThat(lines).anyMatch(line -> line.contains("\"listed-a-plan\"")).anyMatch(line -> line.contains("\"listed-b-plan\""));
  }

  @Test
  void approveWithOutputJsonPrintsTheAcceptedDecision() throws Exception {
    Run started = TEMPORAL.avesa("cutover", "-c", TEMPORAL.cutoverConfig(CutoverConfigs.config("json-approve",
        new ApprovalsConfig(List.of(), 2, true, false, null))).toString(), "--identity", "alice");
    assertThat(started.exitCode()).as(started.err()).isZero();
    Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
        .until(() -> TEMPORAL.progress("json-approve-cutover"),
            r -> "cutover".equals(r.pendingGate()) && r.outcome() == Outcome.RUNNING);

    Run run = TEMPORAL.avesa("approve", "json-approve-cutover", "--gate", "cutover", "--reason", "CAB-9",
        "--window-start", "2026-12-01T02:00:00Z", "--identity", "bob", "-o", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode decision = JSON.readTree(run.out());
    assertThat(decision.path("workflowId").asText()).isEqualTo("json-approve-cutover");
    assertThat(decision.path("gate").asText()).isEqualTo("cutover");
    assertThat(decision.path("decision").asText()).isEqualTo("APPROVED");
    assertThat(decision.path("by").asText()).isEqualTo("bob");
    assertThat(decision.path("reason").asText()).isEqualTo("CAB-9");
    assertThat(decision.path("approvalsNeeded").asInt()).isEqualTo(1);
    assertThat(decision.path("windowStart").asText()).isEqualTo("2026-12-01T02:00:00Z");
  }
}
