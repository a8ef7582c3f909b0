package com.avesa.cutover.activities.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.avesa.cutover.runtime.codec.AesGcmPayloadCodec;
import com.avesa.cutover.runtime.codec.Keyring;
import com.avesa.cutover.runtime.codec.PayloadEncryption;
import com.avesa.cutover.workflows.TaskQueues;
import com.avesa.cutover.workflows.config.BucketMapping;
import com.avesa.cutover.workflows.config.CopyMode;
import com.avesa.cutover.workflows.config.DataConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.config.SecretFilter;
import com.avesa.cutover.workflows.config.TableMapping;
import com.avesa.cutover.workflows.estate.AccountConfig;
import com.avesa.cutover.workflows.sync.FinalSyncInput;
import com.avesa.cutover.workflows.sync.SyncHold;
import com.avesa.cutover.workflows.sync.SyncHoldRequest;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.history.v1.WorkflowExecutionStartedEventAttributes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cron fallback on Temporal's in-process test server, which answers the Schedule API with
 * UNIMPLEMENTED. Payloads are encrypted, so reading the input back proves the client's codec is
 * used. No worker polls: the cron runs stay pending (RUNNING), so run ids are stable.
 */
class SyncScheduleCronTest {
  private static final String ID = "warm-final-sync";
  private static final String CRON = "* * * * *";
  private static final String NOTE = "cutover avesa-prod-cutover";
  private static final FinalSyncInput INPUT = new FinalSyncInput(config(), ID);

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private SyncScheduleActivitiesImpl activities;

  @BeforeEach
  void startCronWorkflow() {
    byte[] key = new byte[32];
    key[0] = 7;
    env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
        .setUseTimeskipping(false)
        .setWorkflowClientOptions(WorkflowClientOptions.newBuilder()
            .setDataConverter(PayloadEncryption.dataConverter(
                new AesGcmPayloadCodec(Keyring.of("k1:" + Base64.getEncoder().encodeToString(key)))))
            .build())
        .build());
    client = env.getWorkflowClient();
    ScheduleClient schedules = ScheduleClient.newInstance(env.getWorkflowServiceStubs(),
        ScheduleClientOptions.newBuilder().setNamespace(client.getOptions().getNamespace())
            .setDataConverter(client.getOptions().getDataConverter()).build());
    activities = new SyncScheduleActivitiesImpl(client, schedules);
    client.newUntypedWorkflowStub("FinalSyncWorkflow", WorkflowOptions.newBuilder()
            .setWorkflowId(ID).setTaskQueue(TaskQueues.AVESA_CUTOVER).setCronSchedule(CRON).build())
        .start(INPUT);
  }

  @AfterEach
  void closeServer() {
    env.close();
  }

  @Test
  void describesARunningCronWorkflowByItsCronExpressionAndDecodedInput() {
    assertThat(started().getInput().getPayloads(0).getMetadataMap().get("encoding").toStringUtf8())
        .isEqualTo(AesGcmPayloadCodec.ENCODING);

    SyncHold hold = activities.describeSync(new SyncHoldRequest(ID, NOTE));

    assertThat(hold).isEqualTo(new SyncHold(ID, SyncHold.Kind.CRON, false, CRON, INPUT, NOTE));
  }

  @Test
  void holdingTerminatesTheCronWorkflowWithTheNoteAndHoldingAgainIsHarmless() {
    SyncHold hold = activities.describeSync(new SyncHoldRequest(ID, NOTE));
    String heldRun = currentRun().getRunId();

    activities.holdSync(hold);

    assertThat(client.newUntypedWorkflowStub(ID).describe().getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED);
    List<HistoryEvent> events = client.fetchHistory(ID, heldRun).getEvents();
    assertThat(events.get(events.size() - 1).getWorkflowExecutionTerminatedEventAttributes().getReason())
        .isEqualTo(NOTE);
    assertThatCode(() -> activities.holdSync(hold)).doesNotThrowAnyException();
    assertThat(activities.describeSync(new SyncHoldRequest(ID, NOTE))).isEqualTo(SyncHold.none(ID));
  }

  @Test
  void releasingStartsTheCronWorkflowAgainWithItsCronAndInputOnceOnly() {
    SyncHold hold = activities.describeSync(new SyncHoldRequest(ID, NOTE));
    String heldRun = currentRun().getRunId();
    activities.holdSync(hold);

    activities.releaseSync(hold);

    String releasedRun = currentRun().getRunId();
    assertThat(releasedRun).isNotEqualTo(heldRun);
    assertThat(client.newUntypedWorkflowStub(ID).describe().getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    assertThat(started().getWorkflowType().getName()).isEqualTo("FinalSyncWorkflow");
    assertThat(started().getTaskQueue().getName()).isEqualTo(TaskQueues.AVESA_CUTOVER);
    assertThat(started().getCronSchedule()).isEqualTo(CRON);
    assertThat(client.getOptions().getDataConverter().fromPayloads(0, Optional.of(started().getInput()),
        FinalSyncInput.class, FinalSyncInput.class)).isEqualTo(INPUT);

    assertThatCode(() -> activities.releaseSync(hold)).doesNotThrowAnyException();
    assertThat(currentRun().getRunId()).isEqualTo(releasedRun);
  }

  @Test
  void anIdWithNothingBehindItIsNone() {
    assertThat(activities.describeSync(new SyncHoldRequest("no-such-sync", NOTE)))
        .isEqualTo(SyncHold.none("no-such-sync"));
  }

  /**
   * The Schedule's running actions (the Schedule API mocked: the test server has none) checked
   * against the real workflow service: a run still going is listed, one that ended or is unknown is not.
   */
  @Test
  void runningSyncsListsTheSchedulesRunsThatAreStillRunning() {
    ScheduleClient schedules = org.mockito.Mockito.mock(ScheduleClient.class);
    io.temporal.client.schedules.ScheduleHandle handle = org.mockito.Mockito.mock(
        io.temporal.client.schedules.ScheduleHandle.class);
    org.mockito.Mockito.when(schedules.getHandle("hourly-sync")).thenReturn(handle);
    io.temporal.client.schedules.ScheduleInfo info = new io.temporal.client.schedules.ScheduleInfo(3, 0, 0,
        List.of(new io.temporal.client.schedules.ScheduleActionExecutionStartWorkflow(ID, "r1"),
            new io.temporal.client.schedules.ScheduleActionExecutionStartWorkflow("hourly-sync-gone", "r2")),
        List.of(), List.of(), null, null);
    org.mockito.Mockito.when(handle.describe()).thenReturn(new io.temporal.client.schedules.ScheduleDescription(
        "hourly-sync", info, null, java.util.Map.of(), null, java.util.Map.of(), null));
    SyncScheduleActivitiesImpl scheduled = new SyncScheduleActivitiesImpl(client, schedules);
    SyncHold hold = new SyncHold("hourly-sync", SyncHold.Kind.SCHEDULE, false, null, null, NOTE);

    assertThat(scheduled.runningSyncs(hold)).containsExactly(ID);

    client.newUntypedWorkflowStub(ID).terminate("ended");
    assertThat(scheduled.runningSyncs(hold)).isEmpty();
    assertThat(scheduled.runningSyncs(SyncHold.none("hourly-sync"))).isEmpty();
    assertThat(activities.runningSyncs(activities.describeSync(new SyncHoldRequest(ID, NOTE)))).isEmpty();
  }

  private WorkflowExecution currentRun() {
    return client.newUntypedWorkflowStub(ID).describe().getExecution();
  }

  private WorkflowExecutionStartedEventAttributes started() {
    return client.fetchHistory(ID).getEvents().get(0).getWorkflowExecutionStartedEventAttributes();
  }

  private static MigrationConfig config() {
    return new MigrationConfig("avesa-test", "us-east-1", "http://127.0.0.1:5000",
        new AccountConfig("123456789012", null, null, null),
        new AccountConfig("987654321098", null, "arn:aws:iam::987654321098:role/AVESADeploymentRole", "ext-id"),
        new DataConfig(List.of(new BucketMapping("data-storage-msp", "data-storage-msp-prod", List.of("raw/"))),
            List.of(new TableMapping("TenantServices-prod", "TenantServices")),
            new SecretFilter(List.of("tenant/*/prod")), 8, CopyMode.AUTO, 2));
  }
}
