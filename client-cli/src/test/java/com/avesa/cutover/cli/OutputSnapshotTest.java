package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.cli.CliHarness.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The table, JSON and JSON-lines output of status, list and result, compared with snapshots. */
class OutputSnapshotTest {
  @RegisterExtension static final CliHarness TEMPORAL = new CliHarness();

  @BeforeAll
  static void runMigrations() {
    assertThat(TEMPORAL.avesa("plan", "-c", TEMPORAL.config("snap").toString()).exitCode()).isZero();
    assertThat(TEMPORAL.avesa("migrate", "-c", TEMPORAL.config("snap").toString(), "--wait").exitCode()).isZero();
  }

  @Test
  void statusTable() {
    assertMatches("status.txt", TEMPORAL.avesa("status", "snap-plan"));
  }

  @Test
  void statusJson() {
    assertMatches("status.json", TEMPORAL.avesa("status", "snap-plan", "--output", "json"));
  }

  @Test
  void listTable() {
    assertMatches("list.txt", TEMPORAL.avesa("list"));
  }

  @Test
  void listJson() {
    assertMatches("list.json", TEMPORAL.avesa("list", "--output", "json"));
  }

  @Test
  void listJsonLines() {
    assertMatches("list.jsonl", TEMPORAL.avesa("list", "-o", "jsonl"));
  }

  @Test
  void resultTable() {
    assertMatches("result.txt", TEMPORAL.avesa("result", "snap-copy", "--output", "table"));
  }

  @Test
  void resultJson() {
    assertMatches("result.json", TEMPORAL.avesa("result", "snap-copy", "--json"));
  }

  @Test
  void jsonAndOutputJsonPrintTheSame() {
    String json = Snapshots.normalise(TEMPORAL.avesa("result", "snap-copy", "--json").out());

    assertThat(Snapshots.normalise(TEMPORAL.avesa("result", "snap-copy", "--output", "json").out())).isEqualTo(json);
  }

  @Test
  void anUnknownOutputFormatIsAUsageError() {
    Run run = TEMPORAL.avesa("list", "--output", "yaml");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--output").contains("yaml");
  }

  private static void assertMatches(String snapshot, Run run) {
    assertThat(run.exitCode()).as(run.err()).isZero();
    Snapshots.assertMatches(snapshot, run.out());
  }
}
