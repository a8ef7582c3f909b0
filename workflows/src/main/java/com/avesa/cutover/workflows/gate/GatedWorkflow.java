package com.avesa.cutover.workflows.gate;

import com.avesa.cutover.workflows.cutover.Approval;
import com.avesa.cutover.workflows.cutover.ApprovalRecord;

/**
 * The {@link GateControl} handlers of a run whose gates one {@link GateKeeper} keeps (the
 * decommission, the isolation): signals before the run has built its keeper are ignored, updates
 * are refused by their validators.
 */
public abstract class GatedWorkflow implements GateControl {
  private static final String NOT_STARTED = "the run has not started yet";

  /** The run's gate keeper; null until its workflow method has built it. */
  protected abstract GateKeeper gateKeeper();

  @Override
  public void approve(Approval approval) {
    if (gateKeeper() != null) {
      gateKeeper().approveSignal(approval);
    }
  }

  @Override
  public void reject(Approval rejection) {
    if (gateKeeper() != null) {
      gateKeeper().rejectSignal(rejection);
    }
  }

  @Override
  public ApprovalRecord approveGate(Approval approval) {
    return gateKeeper().approveGate(approval);
  }

  @Override
  public void validateApproval(Approval approval) {
    started().validateApproval(approval);
  }

  @Override
  public ApprovalRecord rejectGate(Approval rejection) {
    return gateKeeper().rejectGate(rejection);
  }

  @Override
  public void validateRejection(Approval rejection) {
    started().validateRejection(rejection);
  }

  private GateKeeper started() {
    GateKeeper keeper = gateKeeper();
    if (keeper == null) {
      throw new IllegalArgumentException(NOT_STARTED);
    }
    return keeper;
  }
}
