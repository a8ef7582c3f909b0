package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.cli.CliHarness.Run;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StatusWatchTest {
  @RegisterExtension static final CliHarness TEMPORAL = new CliHarness();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void watchWithoutATerminalPrintsALinePerPhaseThenTheSummaryAndExitsZero() {
    assertThat(TEMPORAL.avesa("migrate", "-c", TEMPORAL.config("brief-watch").toString()).exitCode()).isZero();

    Run run = TEMPORAL.avesa("status", "brief-watch-copy", "--watch", "--interval", "1s");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().filter(line -> line.contains("COPY      bucket src-bucket page 1")))
        .as("one line for the phase, not one per sample").hasSize(1);
    assertThat(run.out()).containsPattern("(?m)^\\d+s +COPY +bucket src-bucket page 1$")
        .containsPattern("(?m)^run brief-watch-copy ended: COMPLETED after \\d+s — objects 3: 2 copied, 1 checked, 0 failed")
        .doesNotContain("\u001b[");
  }

  @Test
  void watchOfAFailedRunExitsOne() {
    TEMPORAL.avesa("migrate", "-c", TEMPORAL.config("fail-watch").toString(), "--wait");

    Run run = TEMPORAL.avesa("status", "fail-watch-copy", "--watch", "--interval", "1");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(run.out()).contains("run fail-watch-copy ended: FAILED");
  }

  @Test
  void watchAsJsonLinesPrintsOneObjectPerChange() throws Exception {
    assertThat(TEMPORAL.avesa("migrate", "-c", TEMPORAL.config("brief-jsonl").toString()).exitCode()).isZero();

    Run run = TEMPORAL.avesa("status", "brief-jsonl-copy", "--watch", "--interval", "1s", "-o", "jsonl");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).isNotEmpty();
    for (String line : lines) {
      JsonNode event = JSON.readTree(line);
      assertThat(event.path("event").asText()).isEqualTo("progress");
      assertThat(event.path("workflowId").asText()).isEqualTo("brief-jsonl-copy");
    }
    assertThat(JSON.readTree(lines.get(lines.size() - 1)).path("status").asText()).isEqualTo("COMPLETED");
  }

  @Test
  void anIntervalBelowOneSecondIsAUsageError() {
    Run run = TEMPORAL.avesa("status", "anything", "--watch", "--interval", "0");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines()).containsExactly("--interval must be at least 1s, not 0s");
  }
}
