package com.avesa.cutover.cli;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.filter.v1.StartTimeFilter;
import io.temporal.api.filter.v1.WorkflowTypeFilter;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsResponse;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsResponse;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Lists the open and most recent runs of one workflow type. Uses the visibility query
 * ({@code ListWorkflowExecutions}); on servers without it (the embedded dev server answers
 * UNIMPLEMENTED) the open and closed listings instead. Runs that continued as new are left out:
 * their successor is listed.
 */
final class RunLister {
  private static final String PREFIX = "WORKFLOW_EXECUTION_STATUS_";

  private final TemporalConnection connection;

  RunLister(TemporalConnection connection) {
    this.connection = connection;
  }

  /** At most {@code limit} runs of {@code workflowType}: open ones first, then by latest close, newest first. */
  List<RunSummary> list(String workflowType, int limit) {
    return list(RunQuery.of(workflowType), limit);
  }

  /**
   * The same for {@code query}; filtering by search attributes needs the visibility query.
   *
   * @throws CliException (exit 2) when the server cannot filter by the run search attributes
   */
  List<RunSummary> list(RunQuery query, int limit) {
    String workflowType = query.workflowType();
    List<WorkflowExecutionInfo> infos;
    try {
      infos = visibilityQuery(query.visibilityQuery(), limit);
    } catch (StatusRuntimeException e) {
      Status.Code code = e.getStatus().getCode();
      if (query.filtered() && (code == Status.Code.UNIMPLEMENTED || code == Status.Code.INVALID_ARGUMENT)) {
        throw new CliException(ExitCodes.USAGE, "this Temporal server cannot list runs by " + query.options() + " ("
            + code + (code == Status.Code.UNIMPLEMENTED ? ": it has no visibility queries, as the embedded dev server"
            : ": the namespace lacks the run search attributes, see README, Search attributes") + ")");
      }
      if (code != Status.Code.UNIMPLEMENTED) {
        throw e;
      }
      infos = openAndClosed(workflowType, limit).stream().map(this::withCloseTime).toList();
    }
    return infos.stream()
        .filter(info -> info.getType().getName().equals(workflowType))
        .filter(info -> info.getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW)
        .map(RunLister::summary)
        .sorted(Comparator.comparing(RunSummary::open).reversed()
            .thenComparing(RunLister::latest, Comparator.reverseOrder()))
        .limit(limit)
        .toList();
  }

  private List<WorkflowExecutionInfo> visibilityQuery(String query, int limit) {
    return pages(limit, token -> {
      ListWorkflowExecutionsResponse page = stubs().blockingStub().listWorkflowExecutions(
          ListWorkflowExecutionsRequest.newBuilder()
              .setNamespace(connection.namespace())
              .setQuery(query)
              .setPageSize(limit)
              .setNextPageToken(token)
              .build());
      return new Page(page.getExecutionsList(), page.getNextPageToken());
    });
  }

  private List<WorkflowExecutionInfo> openAndClosed(String workflowType, int limit) {
    WorkflowTypeFilter type = WorkflowTypeFilter.newBuilder().setName(workflowType).build();
    StartTimeFilter anyTime = StartTimeFilter.newBuilder()
        .setEarliestTime(Timestamp.getDefaultInstance())
        .setLatestTime(timestamp(Instant.now().plusSeconds(3600)))
        .build();
    List<WorkflowExecutionInfo> infos = new ArrayList<>(pages(limit, token -> {
      ListOpenWorkflowExecutionsResponse page = stubs().blockingStub().listOpenWorkflowExecutions(
          ListOpenWorkflowExecutionsRequest.newBuilder()
              .setNamespace(connection.namespace())
              .setTypeFilter(type)
              .setStartTimeFilter(anyTime)
              .setMaximumPageSize(limit)
              .setNextPageToken(token)
              .build());
      return new Page(page.getExecutionsList(), page.getNextPageToken());
    }));
    infos.addAll(pages(limit, token -> {
      ListClosedWorkflowExecutionsResponse page = stubs().blockingStub().listClosedWorkflowExecutions(
          ListClosedWorkflowExecutionsRequest.newBuilder()
              .setNamespace(connection.namespace())
              .setTypeFilter(type)
              .setStartTimeFilter(anyTime)
              .setMaximumPageSize(limit)
              .setNextPageToken(token)
              .build());
      return new Page(page.getExecutionsList(), page.getNextPageToken());
    }));
    return infos;
  }

  /** One page of a listing and the token of the next (empty at the end). */
  private record Page(List<WorkflowExecutionInfo> executions, ByteString next) {}

  /** Follows a paged listing until it ends or has at least {@code limit} runs. */
  private static List<WorkflowExecutionInfo> pages(int limit, Function<ByteString, Page> fetch) {
    List<WorkflowExecutionInfo> infos = new ArrayList<>();
    ByteString token = ByteString.EMPTY;
    do {
      Page page = fetch.apply(token);
      infos.addAll(page.executions());
      token = page.next();
    } while (!token.isEmpty() && infos.size() < limit);
    return infos;
  }

  /** The dev server's closed listing leaves out the close time; DescribeWorkflowExecution has it. */
  private WorkflowExecutionInfo withCloseTime(WorkflowExecutionInfo info) {
    if (info.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING || hasCloseTime(info)) {
      return info;
    }
    WorkflowExecutionInfo described = stubs().blockingStub().describeWorkflowExecution(
        DescribeWorkflowExecutionRequest.newBuilder()
            .setNamespace(connection.namespace())
            .setExecution(info.getExecution())
            .build())
        .getWorkflowExecutionInfo();
    return hasCloseTime(described) ? info.toBuilder().setCloseTime(described.getCloseTime()).build() : info;
  }

  private static boolean hasCloseTime(WorkflowExecutionInfo info) {
    return info.hasCloseTime() && info.getCloseTime().getSeconds() > 0;
  }

  private WorkflowServiceStubs stubs() {
    return connection.stubs();
  }

  private static RunSummary summary(WorkflowExecutionInfo info) {
    String status = info.getStatus().name();
    return new RunSummary(
        info.getExecution().getWorkflowId(),
        info.getExecution().getRunId(),
        info.getType().getName(),
        status.startsWith(PREFIX) ? status.substring(PREFIX.length()) : status.toUpperCase(Locale.ROOT),
        info.hasStartTime() ? instant(info.getStartTime()) : null,
        hasCloseTime(info) ? instant(info.getCloseTime()) : null);
  }

  private static Instant latest(RunSummary run) {
    Instant latest = run.closeTime() != null ? run.closeTime() : run.startTime();
    return latest == null ? Instant.EPOCH : latest;
  }

  private static Instant instant(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }
}
