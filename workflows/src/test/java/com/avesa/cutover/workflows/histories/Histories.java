package com.avesa.cutover.workflows.histories;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Fetching a run's history once its worker has nothing left to do. */
public final class Histories {
  private static final Set<EventType> CLOSED = Set.of(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED,
      EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED,
      EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT,
      EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
  private static final Set<EventType> TASK_PENDING = Set.of(EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED,
      EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED);

  private Histories() {}

  /**
   * The current run's history once no workflow task is pending and two reads a little apart agree
   * (the run waits on a timer, a gate, an activity or a child, or it has closed).
   */
  public static WorkflowExecutionHistory settled(TestWorkflowEnvironment env, String workflowId)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    WorkflowExecutionHistory last = env.getWorkflowClient().fetchHistory(workflowId);
    while (System.nanoTime() < deadline) {
      Thread.sleep(200);
      WorkflowExecutionHistory now = env.getWorkflowClient().fetchHistory(workflowId);
      if (now.getEvents().size() == last.getEvents().size() && !TASK_PENDING.contains(lastType(now))) {
        return now;
      }
      last = now;
    }
    throw new IllegalStateException("run " + workflowId + " did not settle within 20 s: last event " + lastType(last));
  }

  public static boolean isClosed(WorkflowExecutionHistory history) {
    return CLOSED.contains(lastType(history));
  }

  public static boolean hasFailedTask(WorkflowExecutionHistory history) {
    return history.getEvents().stream().anyMatch(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED
        || e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT);
  }

  private static EventType lastType(WorkflowExecutionHistory history) {
    List<HistoryEvent> events = history.getEvents();
    return events.get(events.size() - 1).getEventType();
  }
}
