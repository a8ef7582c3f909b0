package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.FailureMessages;
import com.avesa.cutover.workflows.run.CutoverStep;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Saga;
import io.temporal.workflow.Workflow;

/**
 * A {@link Saga} whose compensations are recorded in the run's state: registered before the step
 * acts, then DONE or FAILED (with the last error) when the saga runs them, last first. One that
 * fails does not stop the others; retries happen inside each compensation (its activity's retry
 * policy), so FAILED means the retries ran out.
 */
final class Compensations {
  private final Saga saga = new Saga(new Saga.Options.Builder()
      .setParallelCompensation(false)
      .setContinueWithError(true)
      .build());
  private final CutoverState state;
  private int registered;

  Compensations(CutoverState state) {
    this.state = state;
  }

  /**
   * Registers {@code undo} (which returns a one-line account of what it did) for {@code step}, a
   * step of this run or the one a report recorded (a rollback of an earlier run).
   */
  void register(String name, CutoverStep step, Functions.Func<String> undo) {
    int index = state.registerCompensation(name, step);
    registered++;
    saga.addCompensation(() -> run(index, undo));
  }

  boolean any() {
    return registered > 0;
  }

  /** Runs every registered compensation, last registered first, in a scope a cancellation cannot stop. */
  void compensate() {
    Workflow.newDetachedCancellationScope(() -> {
      try {
        saga.compensate();
      } catch (Saga.CompensationException e) {
        Workflow.getLogger(Compensations.class).warn("rollback incomplete: {}", e.getMessage());
      }
    }).run();
  }

  private void run(int index, Functions.Func<String> undo) {
    try {
      state.compensated(index, CompensationRecord.Status.DONE, undo.apply());
    } catch (TemporalFailure failure) {
      state.compensated(index, CompensationRecord.Status.FAILED, describe(failure));
      throw failure;
    }
  }

  /** The innermost message of an activity or child failure, which is what a person can act on. */
  static String describe(TemporalFailure failure) {
    return FailureMessages.describe(failure);
  }
}
