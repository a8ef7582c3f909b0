package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.gate.GateKeeper;

/**
 * What operators send a running cutover besides gate decisions (those go to its
 * {@link GateKeeper}): rollback requests. The rollback signal, the requestRollback update and its
 * validator of {@link CutoverWorkflowImpl} all come here, so a Signal from the UI and an Update
 * from the CLI are judged alike. Workflow-thread only.
 */
final class OperatorDesk {
  private final CutoverState state;
  private RollbackRequest rollbackRequest;
  private boolean signedOff;

  OperatorDesk(CutoverState state) {
    this.state = state;
  }

  /** The accepted rollback request, or null. */
  RollbackRequest rollbackRequest() {
    return rollbackRequest;
  }

  boolean rollbackRequested() {
    return rollbackRequest != null;
  }

  /** "rollback requested by bob: why", or null when none was. */
  String rollbackReason() {
    return rollbackRequest == null ? null
        : "rollback requested by " + rollbackRequest.operator() + ": " + rollbackRequest.reason();
  }

  /** Aborts the forward path when an operator asked for a rollback. */
  void checkRollback() {
    if (rollbackRequest != null) {
      throw new CutoverAbort(rollbackReason());
    }
  }

  /** The run is past its last gate: rollbacks now go through {@code RollbackWorkflow}. */
  void markSignedOff() {
    signedOff = true;
  }

  /** Why {@code request} cannot roll back now, or null; {@link GateKeeper#NOT_STARTED} before the run started. */
  String refuseRollback(RollbackRequest request) {
    if (!state.gates().started()) {
      return GateKeeper.NOT_STARTED;
    }
    if (request == null || request.operator() == null || request.operator().isBlank()) {
      return "operator is required: {\"operator\":\"bob\",\"reason\":\"…\"}";
    }
    if (request.reason() == null || request.reason().isBlank()) {
      return "a reason is required";
    }
    if (rollbackRequest != null || "ROLLING_BACK".equals(state.phase())) {
      return "already rolling back";
    }
    if (state.outcome() != Outcome.RUNNING || signedOff) {
      return "the run has ended (" + state.outcome() + "); roll a finished cutover back with avesa rollback --after";
    }
    if ("PREFLIGHT".equals(state.phase()) || "GATE".equals(state.phase())) {
      return "nothing to roll back: the cutover has not been approved yet (reject the gate instead)";
    }
    return null;
  }

  void acceptRollback(RollbackRequest request) {
    rollbackRequest = request;
  }
}
