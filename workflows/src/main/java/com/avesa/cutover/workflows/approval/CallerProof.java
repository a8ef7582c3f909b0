package com.avesa.cutover.workflows.approval;

/**
 * What {@link IdentityActivities#identifyCaller} replays.
 *
 * @param stsUrl where to send it, chosen by the run ({@link ApprovalProof#stsUrl}), never by the proof
 * @param proof the token ({@link ApprovalProof#encode()})
 */
public record CallerProof(String stsUrl, String proof) {}
