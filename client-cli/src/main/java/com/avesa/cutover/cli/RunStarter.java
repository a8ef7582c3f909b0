package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.TaskQueues;
import com.avesa.cutover.workflows.run.RunKind;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;

/**
 * The one way the CLI starts a run, whatever its kind (a migration, sync or reverse plan, a
 * cutover or rollback, a runbook phase or an isolation): the start options every run shares, the
 * UI's summary (and details), the search attributes naming its config and kind, the start itself
 * by the kind's workflow type, and the one error for an id that is already running. What a command
 * does next is {@link RunFollower#launch}.
 */
final class RunStarter {
  /** What the CLI starts: a run of {@code kind} with {@code input}, under {@code workflowId}. */
  record RunStart(RunKind kind, String workflowId, String configName, String summary, String details, Object input) {
    /** A start without static details (every kind but a cutover). */
    RunStart(RunKind kind, String workflowId, String configName, String summary, Object input) {
      this(kind, workflowId, configName, summary, null, input);
    }
  }

  /** The search attributes a new run from config {@code configName} of kind word {@code kind} gets; null for none. */
  interface SearchAttributeSource {
    SearchAttributes atStart(String configName, String kind);
  }

  private final WorkflowClient client;
  private final SearchAttributeSource attributes;

  /** Starts through {@code connection}, with the search attributes its namespace has. */
  RunStarter(TemporalConnection connection) {
    this(connection.client(), connection::runSearchAttributes);
  }

  RunStarter(WorkflowClient client, SearchAttributeSource attributes) {
    this.client = client;
    this.attributes = attributes;
  }

  /**
   * Starts the run and returns its workflow id.
   *
   * @throws CliException (exit 1) when a run with that id is already running
   */
  String start(RunStart start) {
    try {
      client.newUntypedWorkflowStub(start.kind().workflowType(), options(start)).start(start.input());
    } catch (WorkflowExecutionAlreadyStarted e) {
      throw alreadyRunning(start.workflowId());
    }
    return start.workflowId();
  }

  /** The options {@link #start} starts with: {@link #startOptions}, summary, details, search attributes. */
  WorkflowOptions options(RunStart start) {
    WorkflowOptions.Builder options = startOptions(start.workflowId()).setStaticSummary(start.summary())
        .setTypedSearchAttributes(attributes.atStart(start.configName(), start.kind().word()));
    if (start.details() != null) {
      options.setStaticDetails(start.details());
    }
    return options.build();
  }

  /**
   * What every run the CLI starts shares: the task queue, the id, and its policies (a running id
   * is refused, a finished one may be started again).
   */
  static WorkflowOptions.Builder startOptions(String workflowId) {
    return WorkflowOptions.newBuilder()
        .setTaskQueue(TaskQueues.AVESA_CUTOVER)
        .setWorkflowId(workflowId)
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE);
  }

  /** Exit 1: a run with that id is still running. */
  static CliException alreadyRunning(String workflowId) {
    return new CliException(ExitCodes.RUN_FAILED, "a run with id " + workflowId
        + " is already running: follow it with `avesa status " + workflowId + "`, or pass --id");
  }
}
