package com.avesa.cutover.workflows.run;

import io.temporal.workflow.Workflow;
import java.time.Instant;

/**
 * The one clock of workflow code: Temporal's replay-safe time ({@link Workflow#currentTimeMillis()}),
 * as an {@link Instant}. Only valid on a workflow thread.
 */
public final class WorkflowClock {
  private WorkflowClock() {}

  /** The workflow's current time, the same on every replay. */
  public static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
