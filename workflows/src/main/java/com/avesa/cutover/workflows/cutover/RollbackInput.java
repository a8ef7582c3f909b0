package com.avesa.cutover.workflows.cutover;

/**
 * Input of {@link RollbackWorkflow}.
 *
 * @param cutover the report of the finished cutover (its config and changes)
 * @param requestedBy who asked for the rollback
 * @param reason why, required
 */
public record RollbackInput(CutoverReport cutover, String requestedBy, String reason) {}
