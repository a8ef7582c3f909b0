package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.cli.CliHarness.Run;
import com.avesa.cutover.workflows.migration.MigrationProgress;
import com.avesa.cutover.workflows.migration.Mode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StatusWatchTest {
  @RegisterExtension static final CliHarness TEMPORAL = new CliHarness();
  private static final long GIB = 1L << 30;
  private static final long TEN_SECONDS = 10_000_000_000L;

  @Test
  void watchFollowsARunUntilItCompletesAndExitsZero() {
    assertThat(TEMPORAL.avesa("migrate", "-c", TEMPORAL.config("brief-watch").toString()).exitCode()).isZero();

    Run run = TEMPORAL.avesa("status", "brief-watch-copy", "--watch", "--interval", "1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("brief-watch-copy: RUNNING").contains("COPY: bucket src-bucket page 1")
        .contains("[####################----------]  66%  2/3 copied")
        .contains("bytes    [############------------------]  40%  120 B/300 B")
        .contains("rate     0.0 objects/s, 0 B/s")
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
  void aBytesBarShowsBinaryUnitsAndNeedsAKnownTotal() {
    assertThat(StatusWatch.bytesBar(1_536, 0)).isEqualTo("1.5 KiB copied");
    assertThat(StatusWatch.bytesBar(Math.round(1.2 * GIB), 3 * GIB))
        .isEqualTo("[############------------------]  40%  1.2 GiB/3.0 GiB");
  }

  @Test
  void viewShowsBytesCopiedAndTheByteRateAndTakesTheEtaFromBytesLeft() {
    StatusWatch.MigrationView view = new StatusWatch.MigrationView();
    long copiedAtTen = Math.round(1.2 * GIB);
    view.render(running(progress(3, copiedAtTen - 10 * (10L << 20))), 0);

    List<String> lines = view.render(running(progress(4, copiedAtTen)), TEN_SECONDS);

    // 10 MiB/s with 1.8 GiB left is 3m04s; the object rate (0.1/s, 6 left) would say 1m00s.
    assertThat(lines).contains(
        "  bytes    [############------------------]  40%  1.2 GiB/3.0 GiB",
        "  rate     0.1 objects/s, 10.0 MiB/s  ETA 3m04s");
  }

  @Test
  void withoutBytesCopiedTheEtaFallsBackToObjects() {
    StatusWatch.MigrationView view = new StatusWatch.MigrationView();
    view.render(running(progress(3, 0)), 0);

    List<String> lines = view.render(running(progress(4, 0)), TEN_SECONDS);

    assertThat(lines).contains(
        "  bytes    [------------------------------]   0%  0 B/3.0 GiB",
        "  rate     0.1 objects/s, 0 B/s  ETA 1m00s");
  }

  @Test
  void anIntervalBelowOneSecondIsAUsageError() {
    Run run = TEMPORAL.avesa("status", "anything", "--watch", "--interval", "0");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--interval");
  }

  /** 10 objects of 3 GiB in all listed, {@code objectsCopied} and {@code bytesCopied} of them copied. */
  private static MigrationProgress progress(long objectsCopied, long bytesCopied) {
    return new MigrationProgress(Mode.COPY, "COPY", "bucket src page 2", 10, 3 * GIB, objectsCopied, bytesCopied,
        0, 0, 0, 2, 0, 1);
  }

  private static RunStatus<MigrationProgress> running(MigrationProgress progress) {
    return new RunStatus<>("watch-copy", "run", "DataMigrationWorkflow", RunStatus.RUNNING, null, null, 10, progress);
  }
}
