package com.avesa.cutover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * What every gated run's {@code progress} answer says about its gates — a cutover's
 * CutoverReport, a decommission's PhaseProgress and an isolation's IsolationReport share these
 * fields — read from the answer as JSON so one command serves them all.
 *
 * @param kind CUTOVER or ROLLBACK for a cutover's report, else null
 * @param gateWorkflowId an isolation run only: the run whose gate is pending (itself or a child)
 * @param windowStart a cutover only: the approved window start
 */
record GateView(String workflowId, String kind, String phase, String outcome, String pendingGate, int approvalsNeeded,
    String gateWorkflowId, Instant windowStart) {
  static final String RUNNING = "RUNNING";

  static GateView of(String workflowId, JsonNode progress) {
    String start = text(progress, "windowStart");
    return new GateView(workflowId, text(progress, "kind"), text(progress, "phase"), text(progress, "outcome"), text(progress, "pendingGate"),
        progress.path("approvalsNeeded").asInt(0), text(progress, "gateWorkflowId"),
        start == null ? null : Instant.parse(start));
  }

  boolean cutover() {
    return "CUTOVER".equals(kind);
  }

  boolean running() {
    return RUNNING.equals(outcome);
  }

  /** "phase GATE, gate cutover pending" for messages. */
  String describe() {
    return "phase " + phase + ", " + (pendingGate == null ? "no gate pending" : "gate " + pendingGate + " pending");
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? null : value.asText();
  }
}
