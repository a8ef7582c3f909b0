package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.run.RunProgress;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse;
import io.temporal.client.WorkflowStub;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Reads the state of a run: DescribeWorkflowExecution, its history length and its progress, the
 * {@link RunProgress} its kind's query answers.
 */
final class RunInspector {
  private static final long QUERY_SECONDS = 3;
  private static final String PREFIX = "WORKFLOW_EXECUTION_STATUS_";

  private final TemporalConnection connection;

  RunInspector(TemporalConnection connection) {
    this.connection = connection;
  }

  /**
   * The state of the run {@code info} describes, with its progress as {@code kind} has it: the
   * answer of its typed progress query, or the result of a completed run that is shown by it.
   */
  <P extends RunProgress> RunStatus<P> inspect(WorkflowExecutionInfo info, ProgressKind<P> kind) {
    return inspect(info, kind, true);
  }

  /**
   * A sample to follow a run of {@code kind} by: like {@link #inspect(WorkflowExecutionInfo, ProgressKind)}, but
   * the history length is what the server reports (0 where it reports none), never counted page by page.
   */
  <P extends RunProgress> RunStatus<P> sample(String workflowId, ProgressKind<P> kind) {
    return inspect(describe(workflowId), kind, false);
  }

  private <P extends RunProgress> RunStatus<P> inspect(WorkflowExecutionInfo info, ProgressKind<P> kind,
      boolean count) {
    String workflowId = info.getExecution().getWorkflowId();
    boolean byResult = kind.shownByResult() && RunStatus.COMPLETED.equals(status(info));
    return inspect(info, () -> byResult ? Optional.of(kind.result(connection, workflowId))
        : progress(workflowId, kind.type()), count);
  }

  /**
   * The progress of the latest run of {@code workflowId}, typed as its kind answers it; empty when
   * there is no such run, or no worker answers in time.
   */
  Optional<RunProgress> progress(String workflowId) {
    WorkflowExecutionInfo info;
    try {
      info = describe(workflowId);
    } catch (CliException | StatusRuntimeException notDescribed) {
      return Optional.empty();
    }
    return progress(workflowId, ProgressKind.ofWorkflowType(info.getType().getName()).type()).map(RunProgress.class::cast);
  }

  private <P> RunStatus<P> inspect(WorkflowExecutionInfo info, Supplier<Optional<P>> progress, boolean count) {
    WorkflowExecution execution = info.getExecution();
    long historyLength = info.getHistoryLength() > 0 || !count ? info.getHistoryLength() : countEvents(execution);
    return new RunStatus<>(
        execution.getWorkflowId(),
        execution.getRunId(),
        info.getType().getName(),
        status(info),
        instant(info.hasStartTime() ? info.getStartTime() : null),
        instant(info.hasCloseTime() ? info.getCloseTime() : null),
        historyLength,
        progress.get().orElse(null));
  }

  /** The run's state without the prefix: RUNNING, COMPLETED, FAILED, TERMINATED... */
  static String status(WorkflowExecutionInfo info) {
    String status = info.getStatus().name();
    return status.startsWith(PREFIX) ? status.substring(PREFIX.length()) : status.toUpperCase(Locale.ROOT);
  }

  /** DescribeWorkflowExecution of the latest run of {@code workflowId}; exit 1 when there is none. */
  WorkflowExecutionInfo describe(String workflowId) {
    DescribeWorkflowExecutionRequest request = DescribeWorkflowExecutionRequest.newBuilder()
        .setNamespace(connection.namespace())
        .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
        .build();
    try {
      return connection.stubs().blockingStub().describeWorkflowExecution(request).getWorkflowExecutionInfo();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        throw RunInspector.noSuchRun(connection, workflowId);
      }
      throw e;
    }
  }

  /** Exit 1: there is no run with that id in the connection's namespace. */
  static CliException noSuchRun(TemporalConnection connection, String workflowId) {
    return new CliException(ExitCodes.RUN_FAILED, "no run with id " + workflowId + " in namespace " + connection.namespace());
  }

  /** Counts the events page by page: some servers (the SDK's test server) report no length. */
  private long countEvents(WorkflowExecution execution) {
    long events = 0;
    ByteString token = ByteString.EMPTY;
    do {
      GetWorkflowExecutionHistoryResponse page = connection.stubs().blockingStub().getWorkflowExecutionHistory(
          GetWorkflowExecutionHistoryRequest.newBuilder()
              .setNamespace(connection.namespace())
              .setExecution(execution)
              .setNextPageToken(token)
              .build());
      events += page.getHistory().getEventsCount();
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    return events;
  }

  /** The progress query's answer, or empty when it fails or no worker answers in time. */
  <P> Optional<P> progress(String workflowId, Class<P> progressType) {
    WorkflowStub stub =
        connection.client().newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty());
    CompletableFuture<P> query = CompletableFuture.supplyAsync(() -> stub.query("progress", progressType));
    try {
      return Optional.ofNullable(query.get(QUERY_SECONDS, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (Exception noAnswer) {
      query.cancel(true);
      return Optional.empty();
    }
  }

  static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }
}
