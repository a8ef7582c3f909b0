package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.cli.CliHarness.Run;
import com.avesa.cutover.workflows.run.MigrationStatus;
import com.avesa.cutover.workflows.sync.FinalSyncResult;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.common.converter.DefaultDataConverter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The cron fallback on the embedded server, which has no Schedules. */
class SyncScheduleCommandsTest {
  @RegisterExtension static final CliHarness TEMPORAL = new CliHarness();

  @Test
  void onTheDevServerASyncScheduleRunsAsACronWorkflowWhoseSyncsReportTheirLag() throws Exception {
    Run scheduled = TEMPORAL.avesa("sync", "schedule", "-c", TEMPORAL.config("warm").toString(), "--every", "PT1M");

    assertThat(scheduled.exitCode()).as(scheduled.err()).isZero();
    assertThat(scheduled.out().lines().filter(l -> l.contains("cron workflow"))).hasSize(1);
    assertThat(scheduled.out()).contains("warm-final-sync (cron, every 1m)");
    WorkflowClient client = TEMPORAL.client();

    Run listed = TEMPORAL.avesa("sync", "schedules", "--json");
    assertThat(listed.out()).contains("\"name\" : \"warm-final-sync\"").contains("\"kind\" : \"cron\"");

    FinalSyncResult result = awaitResult(client, Duration.ofSeconds(150));
    assertThat(result.status()).isEqualTo(MigrationStatus.COMPLETED);
    assertThat(result.lagObjects()).isEqualTo(3);
    assertThat(result.lagBytes()).isEqualTo(3_000);
    assertThat(result.childWorkflowId()).startsWith("warm-final-sync-");
    assertThat(TEMPORAL.exists(result.childWorkflowId())).isTrue();

    Run paused = TEMPORAL.avesa("sync", "pause", "warm-final-sync");
    assertThat(paused.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(paused.err()).contains("cannot be paused");

    Run removed = TEMPORAL.avesa("sync", "unschedule", "warm-final-sync");
    assertThat(removed.exitCode()).as(removed.err()).isZero();
    assertThat(TEMPORAL.avesa("sync", "schedules", "--json").out()).doesNotContain("warm-final-sync");
    assertThat(TEMPORAL.avesa("sync", "unschedule", "warm-final-sync").exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  /** The result of the first finished cron run, as the run after it carries it. */
  private static FinalSyncResult awaitResult(WorkflowClient client, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      for (HistoryEvent event : client.fetchHistory("warm-final-sync").getEvents()) {
        // A cron run does not close COMPLETED: it continues as new, and the next run starts
        // carrying the finished run's result as its last completion result.
        if (event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED
            && event.getWorkflowExecutionStartedEventAttributes().hasLastCompletionResult()) {
          return DefaultDataConverter.newDefaultInstance().fromPayloads(0,
              Optional.of(event.getWorkflowExecutionStartedEventAttributes().getLastCompletionResult()),
              FinalSyncResult.class, FinalSyncResult.class);
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no sync completed within " + timeout);
  }
}
