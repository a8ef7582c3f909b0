package com.avesa.cutover.activities.schedule;

import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.TaskQueues;
import com.avesa.cutover.workflows.run.RunKind;
import com.avesa.cutover.workflows.sync.FinalSyncInput;
import com.avesa.cutover.workflows.sync.FinalSyncWorkflow;
import com.avesa.cutover.workflows.sync.SyncHold;
import com.avesa.cutover.workflows.sync.SyncHoldRequest;
import com.avesa.cutover.workflows.sync.SyncScheduleActivities;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.WorkflowExecutionStartedEventAttributes;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc.WorkflowServiceBlockingStub;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.schedules.ScheduleActionExecution;
import io.temporal.client.schedules.ScheduleActionExecutionStartWorkflow;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleDescription;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link SyncScheduleActivities} on Temporal's own API: the Schedule {@code avesa sync schedule}
 * creates, or the cron workflow it starts where the server has no Schedules (it answers
 * UNIMPLEMENTED, as the embedded dev server does). Each change is made after a look at the current
 * state, or refused by the server when already made (a cron workflow running again), so a retried
 * or repeated call does nothing twice; a Schedule or cron workflow gone by then needs no holding.
 *
 * <p>Refused credentials and requests the server rejects become non-retryable failures (see
 * {@link TemporalFailures}); everything else (unavailable, deadline exceeded) propagates for
 * Temporal to retry.
 */
public final class SyncScheduleActivitiesImpl implements SyncScheduleActivities {
  static final String WORKFLOW_TYPE = RunKind.SYNC.workflowType();
  static final String DEFAULT_NOTE = "held for a cutover";

  private final WorkflowClient workflows;
  private final ScheduleClient schedules;

  /** Both clients on the worker's namespace, data converter and identity. */
  public SyncScheduleActivitiesImpl(WorkflowClient workflows, ScheduleClient schedules) {
    this.workflows = workflows;
    this.schedules = schedules;
  }

  @Override
  public SyncHold describeSync(SyncHoldRequest request) {
    String id = request.scheduleId();
    Optional<ScheduleDescription> schedule = describeSchedule(id);
    if (schedule.isPresent()) {
      boolean paused = schedule.get().getSchedule().getState().isPaused();
      return new SyncHold(id, SyncHold.Kind.SCHEDULE, paused, null, null, request.note());
    }
    return runningCron(id)
        .map(started -> new SyncHold(id, SyncHold.Kind.CRON, false, started.getCronSchedule(), inputOf(id, started),
            request.note()))
        .orElseGet(() -> SyncHold.none(id));
  }

  @Override
  public void holdSync(SyncHold hold) {
    byKind(hold, this::pauseSchedule, this::terminateCron);
  }

  @Override
  public List<String> runningSyncs(SyncHold hold) {
    if (hold.kind() != SyncHold.Kind.SCHEDULE) {
      return List.of();
    }
    Optional<ScheduleDescription> schedule = describeSchedule(hold.scheduleId());
    if (schedule.isEmpty() || schedule.get().getInfo() == null) {
      return List.of();
    }
    List<String> running = new ArrayList<>();
    for (ScheduleActionExecution action : schedule.get().getInfo().getRunningActions()) {
      if (action instanceof ScheduleActionExecutionStartWorkflow started && isRunning(started.getWorkflowId())) {
        running.add(started.getWorkflowId());
      }
    }
    return running;
  }

  /** Whether the latest run of {@code workflowId} is still running (the Schedule's list may lag). */
  private boolean isRunning(String workflowId) {
    try {
      return service().describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
          .setNamespace(workflows.getOptions().getNamespace())
          .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
          .build()).getWorkflowExecutionInfo().getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return false;
      }
      throw TemporalFailures.classify("describe workflow " + workflowId, e);
    }
  }

  @Override
  public void releaseSync(SyncHold hold) {
    byKind(hold, this::unpauseSchedule, this::restartCron);
  }

  private static void byKind(SyncHold hold, Consumer<SyncHold> schedule, Consumer<SyncHold> cron) {
    if (hold.kind() == null) {
      throw ApplicationFailure.newNonRetryableFailure("sync hold " + hold.scheduleId() + " has kind "
          + hold.kind() + "; expected SCHEDULE, CRON or NONE", FailureType.BAD_CONFIG.type());
    }
    switch (hold.kind()) {
      case SCHEDULE -> schedule.accept(hold);
      case CRON -> cron.accept(hold);
      case NONE -> { }
    }
  }

  private void pauseSchedule(SyncHold hold) {
    boolean running = describeSchedule(hold.scheduleId()).filter(d -> !d.getSchedule().getState().isPaused())
        .isPresent();
    if (running) {
      run("pause schedule " + hold.scheduleId(), () -> schedules.getHandle(hold.scheduleId()).pause(noteOf(hold)));
    }
  }

  private void unpauseSchedule(SyncHold hold) {
    if (hold.pausedBefore()) {
      return;
    }
    boolean paused = describeSchedule(hold.scheduleId()).filter(d -> d.getSchedule().getState().isPaused())
        .isPresent();
    if (paused) {
      run("unpause schedule " + hold.scheduleId(),
          () -> schedules.getHandle(hold.scheduleId()).unpause(noteOf(hold)));
    }
  }

  private void terminateCron(SyncHold hold) {
    if (runningCron(hold.scheduleId()).isEmpty()) {
      return;
    }
    try {
      run("terminate cron workflow " + hold.scheduleId(),
          () -> workflows.newUntypedWorkflowStub(hold.scheduleId()).terminate(noteOf(hold)));
    } catch (WorkflowNotFoundException e) {
      // closed between the look and the terminate: held all the same
    }
  }

  private void restartCron(SyncHold hold) {
    if (hold.cronSchedule() == null || hold.input() == null) {
      throw ApplicationFailure.newNonRetryableFailure("cannot start the cron workflow " + hold.scheduleId()
          + " again: the hold has no cron expression or input", FailureType.BAD_CONFIG.type());
    }
    WorkflowOptions options = WorkflowOptions.newBuilder()
        .setWorkflowId(hold.scheduleId())
        .setTaskQueue(TaskQueues.AVESA_CUTOVER)
        .setCronSchedule(hold.cronSchedule())
        .build();
    try {
      run("start cron workflow " + hold.scheduleId(),
          () -> workflows.newUntypedWorkflowStub(WORKFLOW_TYPE, options).start(hold.input()));
    } catch (WorkflowExecutionAlreadyStarted e) {
      // running already: released
    }
  }

  /** The Schedule {@code id}, or empty when there is none or the server has no Schedules. */
  private Optional<ScheduleDescription> describeSchedule(String id) {
    try {
      return Optional.of(schedules.getHandle(id).describe());
    } catch (RuntimeException e) {
      Status.Code code = TemporalFailures.statusCode(e);
      if (code == Status.Code.NOT_FOUND || code == Status.Code.UNIMPLEMENTED) {
        return Optional.empty();
      }
      throw TemporalFailures.classify("describe schedule " + id, e);
    }
  }

  /** The start of the running {@link FinalSyncWorkflow} {@code id} when it runs on a cron schedule. */
  private Optional<WorkflowExecutionStartedEventAttributes> runningCron(String id) {
    WorkflowExecutionInfo info;
    try {
      info = service().describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
          .setNamespace(workflows.getOptions().getNamespace())
          .setExecution(WorkflowExecution.newBuilder().setWorkflowId(id))
          .build()).getWorkflowExecutionInfo();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw TemporalFailures.classify("describe workflow " + id, e);
    }
    if (info.getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING
        || !WORKFLOW_TYPE.equals(info.getType().getName())) {
      return Optional.empty();
    }
    WorkflowExecutionStartedEventAttributes started = call("read the history of workflow " + id,
        () -> service().getWorkflowExecutionHistory(GetWorkflowExecutionHistoryRequest.newBuilder()
            .setNamespace(workflows.getOptions().getNamespace())
            .setExecution(info.getExecution())
            .setMaximumPageSize(1)
            .build())).getHistory().getEvents(0).getWorkflowExecutionStartedEventAttributes();
    return started.getCronSchedule().isEmpty() ? Optional.empty() : Optional.of(started);
  }

  /** The run's input, decoded by the client's data converter (so an encrypting codec is honoured). */
  private FinalSyncInput inputOf(String id, WorkflowExecutionStartedEventAttributes started) {
    try {
      return workflows.getOptions().getDataConverter()
          .fromPayloads(0, Optional.of(started.getInput()), FinalSyncInput.class, FinalSyncInput.class);
    } catch (RuntimeException e) {
      throw ApplicationFailure.newNonRetryableFailureWithCause("cannot read the input of the cron workflow " + id
          + " (is the worker given the codec keys it was started with?): " + e.getMessage(),
          FailureType.BAD_CONFIG.type(), e);
    }
  }

  private WorkflowServiceBlockingStub service() {
    return workflows.getWorkflowServiceStubs().blockingStub();
  }

  private static String noteOf(SyncHold hold) {
    return Objects.requireNonNullElse(hold.note(), DEFAULT_NOTE);
  }

  private static void run(String what, Runnable call) {
    call(what, () -> {
      call.run();
      return null;
    });
  }

  private static <T> T call(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      throw TemporalFailures.classify(what, e);
    }
  }
}
