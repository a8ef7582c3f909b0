package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.cli.CliHarness.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StatusWatchTest {
  @RegisterExtension static final CliHarness TEMPORAL = new CliHarness();

  @Test
  void watchFollowsARunUntilItCompletesAndExitsZero() {
    assertThat(TEMPORAL.avesa("migrate", "-c", TEMPORAL.config("brief-watch").toString()).exitCode()).isZero();

    Run run = TEMPORAL.avesa("status", "brief-watch-copy", "--watch", "--interval", "1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("brief-watch-copy: RUNNING").contains("COPY: bucket src-bucket page 1")
        .contains("[####################----------]  66%  2/3 copied")
        .contains("run brief-watch-copy ended: COMPLETED")
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
  void aBarNeedsAKnownTotal() {
    assertThat(StatusWatch.bar(0, 0)).isEqualTo("0 copied");
    assertThat(StatusWatch.bar(5, 10)).isEqualTo("[###############---------------]  50%  5/10 copied");
  }

  @Test
  void anIntervalBelowOneSecondIsAUsageError() {
    Run run = TEMPORAL.avesa("status", "anything", "--watch", "--interval", "0");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--interval");
  }
}
