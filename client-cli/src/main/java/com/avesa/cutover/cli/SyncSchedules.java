package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.TaskQueues;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.run.RunKind;
import com.avesa.cutover.workflows.sync.FinalSyncInput;
import com.avesa.cutover.workflows.sync.FinalSyncWorkflow;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.api.filter.v1.StartTimeFilter;
import io.temporal.api.filter.v1.WorkflowTypeFilter;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleAlreadyRunningException;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleIntervalSpec;
import io.temporal.client.schedules.ScheduleListDescription;
import io.temporal.client.schedules.ScheduleOptions;
import io.temporal.client.schedules.SchedulePolicy;
import io.temporal.client.schedules.ScheduleSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The periodic final syncs of one namespace: Temporal Schedules (overlap SKIP, catch-up window
 * 1 h) starting {@link FinalSyncWorkflow}, or, where the server answers UNIMPLEMENTED (the
 * embedded dev server), cron workflows with the same id. A cron workflow cannot be paused.
 */
final class SyncSchedules {
  static final String WORKFLOW_TYPE = RunKind.SYNC.workflowType();
  static final Duration CATCHUP_WINDOW = Duration.ofHours(1);

  /** One periodic sync: kind is {@code schedule} or {@code cron}; spec the interval or cron. */
  record Entry(String name, String kind, String spec, String state) {}

  /** When the sync runs: exactly one of {@code every} and {@code cron} is set. */
  record When(Duration every, String cron) {
    String describe() {
      return every != null ? "every " + Durations.format(every) : "cron " + cron;
    }
  }

  private final ScheduleClient schedules;
  private final WorkflowClient workflows;

  SyncSchedules(ScheduleClient schedules, WorkflowClient workflows) {
    this.schedules = schedules;
    this.workflows = workflows;
  }

  static SyncSchedules of(TemporalConnection connection) {
    return new SyncSchedules(ScheduleClient.newInstance(connection.stubs(),
        io.temporal.client.schedules.ScheduleClientOptions.newBuilder()
            .setNamespace(connection.namespace()).setIdentity(connection.identity()).build()),
        connection.client());
  }

  /**
   * Creates the schedule {@code name}; where the server has no Schedules starts a cron workflow
   * instead and tells {@code notice} so in one line.
   *
   * @return "schedule" or "cron"
   */
  String create(String name, MigrationConfig config, When when, Consumer<String> notice) {
    try {
      schedules.createSchedule(name, schedule(name, config, when), ScheduleOptions.newBuilder().build());
      return "schedule";
    } catch (ScheduleAlreadyRunningException e) {
      throw exists(name);
    } catch (RuntimeException e) {
      if (!unimplemented(e)) {
        throw e;
      }
    }
    String cron = cronOf(when);
    notice.accept("this server has no Schedules: running " + name + " as a cron workflow (" + cron
        + "); pause/resume are not available for it");
    try {
      workflows.newUntypedWorkflowStub(WORKFLOW_TYPE, startOptions(name).toBuilder().setCronSchedule(cron).build())
          .start(new FinalSyncInput(config, name));
    } catch (WorkflowExecutionAlreadyStarted e) {
      throw exists(name);
    }
    return "cron";
  }

  /** The schedule {@link #create} builds: the request a server with Schedules receives. */
  static Schedule schedule(String name, MigrationConfig config, When when) {
    ScheduleSpec.Builder spec = ScheduleSpec.newBuilder();
    if (when.every() != null) {
      spec.setIntervals(List.of(new ScheduleIntervalSpec(when.every())));
    } else {
      spec.setCronExpressions(List.of(when.cron()));
    }
    return Schedule.newBuilder()
        .setAction(ScheduleActionStartWorkflow.newBuilder()
            .setWorkflowType(FinalSyncWorkflow.class)
            .setArguments(new FinalSyncInput(config, name))
            .setOptions(startOptions(name))
            .build())
        .setSpec(spec.build())
        .setPolicy(SchedulePolicy.newBuilder()
            .setOverlap(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP)
            .setCatchupWindow(CATCHUP_WINDOW)
            .build())
        .build();
  }

  private static WorkflowOptions startOptions(String name) {
    return WorkflowOptions.newBuilder().setWorkflowId(name).setTaskQueue(TaskQueues.AVESA_CUTOVER).build();
  }

  /**
   * The cron form of {@code when}: intervals that divide an hour or a day become {@code *}{@code /N}
   * expressions (the embedded server does not parse {@code @every}).
   *
   * @throws CliException exit 2 for an interval no cron expression can express
   */
  static String cronOf(When when) {
    if (when.cron() != null) {
      return when.cron();
    }
    long minutes = when.every().toMinutes();
    if (when.every().toSeconds() % 60 == 0 && minutes >= 1) {
      if (minutes < 60 && 60 % minutes == 0) {
        return minutes == 1 ? "* * * * *" : "*/" + minutes + " * * * *";
      }
      long hours = minutes / 60;
      if (minutes % 60 == 0 && hours < 24 && 24 % hours == 0) {
        return hours == 1 ? "0 * * * *" : "0 */" + hours + " * * *";
      }
      if (minutes == 24 * 60) {
        return "0 0 * * *";
      }
    }
    throw new CliException(ExitCodes.USAGE, "--every " + Durations.format(when.every())
        + ": this server has no Schedules and a cron workflow can only run every N minutes or hours"
        + " that divide an hour or a day; pass --cron instead");
  }

  /** The schedules running {@link FinalSyncWorkflow} and, on a server without them, the cron workflows. */
  List<Entry> list() {
    List<Entry> entries = new ArrayList<>();
    try {
      schedules.listSchedules().forEach(s -> {
        if (startsFinalSync(s)) {
          entries.add(new Entry(s.getScheduleId(), "schedule", spec(s.getSchedule().getSpec()),
              s.getSchedule().getState().isPaused() ? "paused" : "running"));
        }
      });
      return entries;
    } catch (RuntimeException e) {
      if (!unimplemented(e)) {
        throw e;
      }
    }
    for (WorkflowExecutionInfo info : openCronWorkflows()) {
      String cron = cronScheduleOf(info.getExecution());
      if (!cron.isEmpty()) {
        entries.add(new Entry(info.getExecution().getWorkflowId(), "cron", "cron " + cron, "running"));
      }
    }
    return entries;
  }

  private static boolean startsFinalSync(ScheduleListDescription s) {
    return s.getSchedule().getAction() instanceof io.temporal.client.schedules.ScheduleListActionStartWorkflow a
        && WORKFLOW_TYPE.equals(a.getWorkflow());
  }

  private static String spec(ScheduleSpec spec) {
    List<String> parts = new ArrayList<>();
    Optional.ofNullable(spec.getIntervals()).orElse(List.of()).forEach(i -> parts.add("every " + Durations.format(i.getEvery())));
    Optional.ofNullable(spec.getCronExpressions()).orElse(List.of()).forEach(c -> parts.add("cron " + c));
    Optional.ofNullable(spec.getCalendars()).orElse(List.of()).forEach(c -> parts.add("calendar"));
    return String.join(", ", parts);
  }

  private List<WorkflowExecutionInfo> openCronWorkflows() {
    return workflows.getWorkflowServiceStubs().blockingStub().listOpenWorkflowExecutions(
        ListOpenWorkflowExecutionsRequest.newBuilder()
            .setNamespace(workflows.getOptions().getNamespace())
            .setTypeFilter(WorkflowTypeFilter.newBuilder().setName(WORKFLOW_TYPE))
            .setStartTimeFilter(StartTimeFilter.newBuilder())
            .setMaximumPageSize(1000)
            .build()).getExecutionsList();
  }

  private String cronScheduleOf(WorkflowExecution execution) {
    List<HistoryEvent> events = workflows.getWorkflowServiceStubs().blockingStub().getWorkflowExecutionHistory(
        GetWorkflowExecutionHistoryRequest.newBuilder()
            .setNamespace(workflows.getOptions().getNamespace())
            .setExecution(execution)
            .setMaximumPageSize(1)
            .build()).getHistory().getEventsList();
    return events.isEmpty() ? "" : events.get(0).getWorkflowExecutionStartedEventAttributes().getCronSchedule();
  }

  /** Deletes the schedule, or terminates the cron workflow, {@code name}. */
  void delete(String name) {
    try {
      schedules.getHandle(name).delete();
      return;
    } catch (RuntimeException e) {
      if (!unimplemented(e)) {
        throw notFound(e) ? missing(name) : e;
      }
    }
    try {
      workflows.newUntypedWorkflowStub(name).terminate("unscheduled with avesa sync unschedule");
    } catch (WorkflowNotFoundException e) {
      throw missing(name);
    }
  }

  /** Pauses or resumes the schedule {@code name}; a cron workflow cannot be paused (exit 2). */
  void setPaused(String name, boolean paused, String note) {
    try {
      if (paused) {
        schedules.getHandle(name).pause(note);
      } else {
        schedules.getHandle(name).unpause(note);
      }
    } catch (RuntimeException e) {
      if (unimplemented(e)) {
        throw new CliException(ExitCodes.USAGE, "this server has no Schedules and a cron workflow cannot be "
            + (paused ? "paused" : "resumed") + ": `avesa sync unschedule " + name
            + "` stops it, `avesa sync schedule` starts it again");
      }
      throw notFound(e) ? missing(name) : e;
    }
  }

  private static CliException exists(String name) {
    return new CliException(ExitCodes.USAGE, "a schedule " + name
        + " already exists: pass another --id or remove it with `avesa sync unschedule " + name + "`");
  }

  private static CliException missing(String name) {
    return new CliException(ExitCodes.USAGE, "no schedule " + name + " (see `avesa sync schedules`)");
  }

  static boolean unimplemented(Throwable e) {
    return hasStatus(e, Status.Code.UNIMPLEMENTED);
  }

  private static boolean notFound(Throwable e) {
    return hasStatus(e, Status.Code.NOT_FOUND);
  }

  private static boolean hasStatus(Throwable e, Status.Code code) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException s && s.getStatus().getCode() == code) {
        return true;
      }
    }
    return false;
  }
}
