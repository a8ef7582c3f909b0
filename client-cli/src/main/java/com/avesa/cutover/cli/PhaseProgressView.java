package com.avesa.cutover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * The progress of a runbook phase run or an isolation: the block {@link PhaseStatus} prints, a
 * line whenever the phase, outcome or pending gate changes, and the outcome at the end.
 */
final class PhaseProgressView implements ProgressView<JsonNode> {
  private final PhaseStatus phases;

  PhaseProgressView(PhaseStatus phases) {
    this.phases = phases;
  }

  @Override
  public List<String> block(RunStatus<JsonNode> status, Instant now) {
    return phases.lines(status, now);
  }

  @Override
  public String milestone(RunStatus<JsonNode> status) {
    JsonNode p = status.progress();
    if (p == null) {
      return status.status();
    }
    GateView gate = GateView.of(status.workflowId(), p);
    return String.join("|", status.status(), p.path("phase").asText(), p.path("outcome").asText(),
        String.valueOf(gate.pendingGate()));
  }

  @Override
  public String line(RunStatus<JsonNode> status, Instant now) {
    JsonNode p = status.progress();
    if (p == null) {
      return status.status() + "  progress unavailable (no worker answered the query)";
    }
    GateView gate = GateView.of(status.workflowId(), p);
    String text = String.format("%-18s %s", p.path("phase").asText(),
        gate.pendingGate() == null ? "" : "gate " + gate.pendingGate() + " pending").stripTrailing();
    return RunStatus.RUNNING.equals(status.status()) ? text : text + "  (run " + status.status() + ")";
  }

  @Override
  public String summary(RunStatus<JsonNode> status, Instant now) {
    JsonNode p = status.progress();
    String outcome = p == null ? "" : p.path("outcome").asText("");
    return "run " + status.workflowId() + " ended: " + status.status()
        + (outcome.isEmpty() ? "" : ", outcome " + outcome) + " after " + ProgressView.elapsed(status, now);
  }
}
