package com.avesa.cutover.activities.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.TaskQueues;
import com.avesa.cutover.workflows.sync.SyncHold;
import com.avesa.cutover.workflows.sync.SyncHoldRequest;
import io.grpc.Status;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleDescription;
import io.temporal.client.schedules.ScheduleException;
import io.temporal.client.schedules.ScheduleHandle;
import io.temporal.client.schedules.ScheduleSpec;
import io.temporal.client.schedules.ScheduleState;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Schedule path, on a mocked Schedule API (Temporal's test server has none). */
class SyncScheduleActivitiesImplTest {
  private static final String ID = "warm-final-sync";
  private static final String NOTE = "cutover avesa-prod-cutover";

  private final ScheduleClient schedules = mock(ScheduleClient.class);
  private final ScheduleHandle handle = mock(ScheduleHandle.class);
  private final WorkflowClient workflows = mock(WorkflowClient.class);
  private final SyncScheduleActivitiesImpl activities = new SyncScheduleActivitiesImpl(workflows, schedules);

  private void scheduleIs(boolean paused) {
    Schedule schedule = Schedule.newBuilder()
        .setAction(ScheduleActionStartWorkflow.newBuilder().setWorkflowType("FinalSyncWorkflow")
            .setOptions(WorkflowOptions.newBuilder().setWorkflowId(ID).setTaskQueue(TaskQueues.AVESA_CUTOVER).build())
            .build())
        .setSpec(ScheduleSpec.newBuilder().setCronExpressions(List.of("0 * * * *")).build())
        .setState(ScheduleState.newBuilder().setPaused(paused).setNote(paused ? "by hand" : "").build())
        .build();
    when(schedules.getHandle(ID)).thenReturn(handle);
    when(handle.describe()).thenReturn(new ScheduleDescription(ID, null, schedule, Map.of(), null, Map.of(), null));
  }

  private void describingFailsWith(Status status) {
    when(schedules.getHandle(ID)).thenReturn(handle);
    when(handle.describe()).thenThrow(new ScheduleException(status.asRuntimeException()));
  }

  private static SyncHold scheduleHold(boolean pausedBefore) {
    return new SyncHold(ID, SyncHold.Kind.SCHEDULE, pausedBefore, null, null, NOTE);
  }

  @Test
  void describesARunningScheduleAsNotPausedBeforeWithoutLookingForACronWorkflow() {
    scheduleIs(false);

    assertThat(activities.describeSync(new SyncHoldRequest(ID, NOTE))).isEqualTo(scheduleHold(false));
    verifyNoInteractions(workflows);
  }

  @Test
  void describesAScheduleSomeonePausedAsPausedBefore() {
    scheduleIs(true);

    assertThat(activities.describeSync(new SyncHoldRequest(ID, NOTE)).pausedBefore()).isTrue();
  }

  @Test
  void holdingPausesTheScheduleWithTheNote() {
    scheduleIs(false);

    activities.holdSync(scheduleHold(false));

    verify(handle).pause(NOTE);
  }

  @Test
  void holdingAnAlreadyPausedScheduleDoesNotPauseItAgain() {
    scheduleIs(true);

    activities.holdSync(scheduleHold(false));

    verify(handle, never()).pause(any());
  }

  @Test
  void releasingUnpausesTheScheduleTheHoldPaused() {
    scheduleIs(true);

    activities.releaseSync(scheduleHold(false));

    verify(handle).unpause(NOTE);
  }

  @Test
  void releasingLeavesAScheduleThatWasPausedBeforePaused() {
    scheduleIs(true);

    activities.releaseSync(scheduleHold(true));

    verify(handle, never()).unpause(any());
  }

  @Test
  void releasingARunningScheduleDoesNotUnpauseIt() {
    scheduleIs(false);

    activities.releaseSync(scheduleHold(false));

    verify(handle, never()).unpause(any());
  }

  @Test
  void aNoneHoldTouchesNothing() {
    activities.holdSync(SyncHold.none(ID));
    activities.releaseSync(SyncHold.none(ID));

    verifyNoInteractions(schedules, workflows);
  }

  @Test
  void aRefusedIdentityIsANonRetryableAccessDenied() {
    describingFailsWith(Status.PERMISSION_DENIED.withDescription("no access to namespace"));

    Throwable thrown = catchThrowable(() -> activities.describeSync(new SyncHoldRequest(ID, NOTE)));

    assertThat(thrown).isInstanceOf(ApplicationFailure.class);
    ApplicationFailure failure = (ApplicationFailure) thrown;
    assertThat(failure.getType()).isEqualTo(FailureType.ACCESS_DENIED.type());
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage()).contains(ID).contains("no access to namespace");
  }

  @Test
  void anUnavailableServerIsLeftForTemporalToRetry() {
    describingFailsWith(Status.UNAVAILABLE);

    Throwable thrown = catchThrowable(() -> activities.holdSync(scheduleHold(false)));

    assertThat(thrown).isInstanceOf(ScheduleException.class);
    verify(handle, never()).pause(any());
  }
}
