package com.avesa.cutover.workflows.gate;

/**
 * The {@link GateControl} handlers of a run whose gates one {@link GateKeeper} keeps (the
 * cutover, the decommission, the isolation). The keeper is built with the run's state, so these
 * handlers always find it; before the run started it, signals are ignored and updates are refused
 * by their validators ({@link GateKeeper#NOT_STARTED}).
 */
public abstract class GatedWorkflow implements GateControl {

  /** The run's gate keeper, built with its state. */
  protected abstract GateKeeper gateKeeper();

  @Override
  public void approve(Approval approval) {
    gateKeeper().approveSignal(approval);
  }

  @Override
  public void reject(Approval rejection) {
    gateKeeper().rejectSignal(rejection);
  }

  @Override
  public ApprovalRecord approveGate(Approval approval) {
    return gateKeeper().approveGate(approval);
  }

  @Override
  public void validateApproval(Approval approval) {
    gateKeeper().validateApproval(approval);
  }

  @Override
  public ApprovalRecord rejectGate(Approval rejection) {
    return gateKeeper().rejectGate(rejection);
  }

  @Override
  public void validateRejection(Approval rejection) {
    gateKeeper().validateRejection(rejection);
  }
}
