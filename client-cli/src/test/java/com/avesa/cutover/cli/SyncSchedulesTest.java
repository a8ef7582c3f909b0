package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.avesa.cutover.runtime.config.ConfigLoader;
import com.avesa.cutover.workflows.TaskQueues;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.sync.FinalSyncInput;
import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleIntervalSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

class SyncSchedulesTest {
  @TempDir java.nio.file.Path dir;

  private MigrationConfig config() throws Exception {
    return ConfigLoader.load(java.nio.file.Files.writeString(dir.resolve("c.yaml"), """
        name: warm
        region: us-east-1
        source: { accountId: "111111111111" }
        target: { accountId: "222222222222", roleArn: "arn:aws:iam::222222222222:role/R", externalId: key }
        data:
          buckets: [ { source: src-bucket, target: dst-bucket } ]
        """));
  }

  private Schedule created(SyncSchedules.When when, List<String> notices) throws Exception {
    ScheduleClient schedules = mock(ScheduleClient.class);
    String kind = new SyncSchedules(schedules, mock(WorkflowClient.class))
        .create("warm-final-sync", config(), when, notices::add);
    assertThat(kind).isEqualTo("schedule");
    ArgumentCaptor<Schedule> schedule = ArgumentCaptor.forClass(Schedule.class);
    verify(schedules).createSchedule(eq("warm-final-sync"), schedule.capture(), any());
    return schedule.getValue();
  }

  @Test
  void anIntervalBecomesAScheduleThatSkipsOverlapsAndCatchesUpAnHour() throws Exception {
    List<String> notices = new ArrayList<>();
    Schedule schedule = created(new SyncSchedules.When(Duration.ofHours(1), null), notices);

    assertThat(schedule.getSpec().getIntervals()).extracting(ScheduleIntervalSpec::getEvery)
        .containsExactly(Duration.ofHours(1));
    assertThat(schedule.getPolicy().getOverlap()).isEqualTo(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP);
    assertThat(schedule.getPolicy().getCatchupWindow()).isEqualTo(Duration.ofHours(1));
    ScheduleActionStartWorkflow action = (ScheduleActionStartWorkflow) schedule.getAction();
    assertThat(action.getWorkflowType()).isEqualTo("FinalSyncWorkflow");
    assertThat(action.getOptions().getTaskQueue()).isEqualTo(TaskQueues.AVESA_CUTOVER);
    assertThat(action.getOptions().getWorkflowId()).isEqualTo("warm-final-sync");
    FinalSyncInput input = action.getArguments().get(0, FinalSyncInput.class, FinalSyncInput.class);
    assertThat(input.config().name()).isEqualTo("warm");
    assertThat(input.label()).isEqualTo("warm-final-sync");
    assertThat(notices).isEmpty();
  }

  @Test
  void aCronExpressionBecomesTheSchedulesCronSpec() throws Exception {
    Schedule schedule = created(new SyncSchedules.When(null, "0 * * * *"), new ArrayList<>());

    assertThat(schedule.getSpec().getCronExpressions()).containsExactly("0 * * * *");
    assertThat(schedule.getSpec().getIntervals()).isNullOrEmpty();
  }

  @Test
  void intervalsBecomeCronExpressionsForTheFallback() {
    assertThat(SyncSchedules.cronOf(new SyncSchedules.When(Duration.ofMinutes(1), null))).isEqualTo("* * * * *");
    assertThat(SyncSchedules.cronOf(new SyncSchedules.When(Duration.ofMinutes(15), null))).isEqualTo("*/15 * * * *");
    assertThat(SyncSchedules.cronOf(new SyncSchedules.When(Duration.ofHours(6), null))).isEqualTo("0 */6 * * *");
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> SyncSchedules.cronOf(new SyncSchedules.When(Duration.ofMinutes(7), null)))
        .isInstanceOf(CliException.class).hasMessageContaining("--cron");
  }
}
