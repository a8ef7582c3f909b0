package com.avesa.cutover.workflows;

/** The one task queue every avesa-cutover worker polls. */
public final class TaskQueues {
  public static final String AVESA_CUTOVER = "avesa-cutover";

  private TaskQueues() {}
}
