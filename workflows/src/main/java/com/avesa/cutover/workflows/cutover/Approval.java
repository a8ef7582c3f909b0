package com.avesa.cutover.workflows.cutover;

/**
 * One approval or rejection of a gate, as the CLI sends it and as a person types it into the
 * Temporal UI: {@code {"gate":"cutover","approver":"alice","reason":"CAB-123","windowStart":"2026-12-01T02:00:00Z"}}.
 *
 * @param gate {@link Gates#CUTOVER} or {@link Gates#SIGN_OFF}
 * @param approver who decides (the CLI sends its identity)
 * @param reason why: a change ticket, a finding; required
 * @param windowStart cutover gate only: ISO-8601 instant or {@code now}; absent means now
 */
public record Approval(String gate, String approver, String reason, String windowStart) {}
