package com.avesa.cutover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code avesa status} of a runbook phase run or an isolation run: the run's state, then from its
 * progress query the phase, the time left of a wait (the decommission's retention), the pending
 * gate and how to approve it, the counts so far and, for an isolation, every phase and the
 * validation's findings.
 */
final class PhaseStatus {
  private final RunInspector inspector;

  PhaseStatus(TemporalConnection connection) {
    this.inspector = new RunInspector(connection);
  }

  RunStatus<JsonNode> sample(String workflowId) {
    return inspector.inspect(inspector.describe(workflowId), JsonNode.class);
  }

  /** The lines {@code status} prints (and {@code --watch} redraws) at {@code now}. */
  List<String> lines(RunStatus<JsonNode> status, Instant now) {
    List<String> lines = new ArrayList<>();
    lines.add(status.workflowId() + " (" + status.workflowType() + ", run " + status.runId() + "): " + status.status());
    lines.add("  started  " + status.startTime() + (status.closeTime() == null ? "" : ", closed " + status.closeTime()));
    JsonNode progress = status.progress();
    if (progress == null) {
      lines.add(RunStatus.RUNNING.equals(status.status()) ? "  progress unavailable (no worker answered the query)"
          : "  ended: `avesa result " + status.workflowId() + "` prints its report");
      return lines;
    }
    lines.add("  phase    " + progress.path("phase").asText() + ", outcome " + progress.path("outcome").asText());
    waiting("", progress, now, lines);
    // An isolation's cutover or decommission child holds its gate and its wait: asked once per sample.
    GateView view = GateView.of(status.workflowId(), progress);
    String child = view.gateWorkflowId() != null && !view.gateWorkflowId().equals(status.workflowId())
        ? view.gateWorkflowId() : null;
    Optional<JsonNode> childProgress = child == null ? Optional.empty() : inspector.progress(child, JsonNode.class);
    childProgress.ifPresent(answer -> {
      lines.add("  in       " + child + ": phase " + answer.path("phase").asText());
      waiting(child + " ", answer, now, lines);
    });
    for (JsonNode phase : progress.path("phases")) {
      lines.add(String.format("  %-14s %-10s %s", phase.path("phase").asText(), phase.path("status").asText(),
          phase.path("summary").asText("")));
    }
    findings(progress.path("findings"), lines);
    gate(status.workflowId(), childProgress.map(answer -> GateView.of(child, answer)).orElse(view), lines);
    if (progress.has("changed")) {
      lines.add("  changed  " + progress.path("changed").size() + ", unchanged " + progress.path("unchanged").size()
          + ", problems " + progress.path("problems").size());
    } else if (!progress.path("problems").isEmpty()) {
      lines.add("  problems " + progress.path("problems").size() + ": " + progress.path("problems").get(0).asText());
    }
    return lines;
  }

  static void waiting(String who, JsonNode progress, Instant now, List<String> lines) {
    JsonNode waitUntil = progress.path("waitUntil");
    if (waitUntil.isTextual()) {
      Instant until = Instant.parse(waitUntil.asText());
      lines.add("  waiting  " + who + "until " + until + " (" + Durations.format(Duration.between(now, until))
          + " left)");
    }
  }

  /** An isolation's validation findings, which its {@code validation} gate decides on. */
  private static void findings(JsonNode findings, List<String> lines) {
    if (findings.isArray() && !findings.isEmpty()) {
      lines.add("  findings " + findings.size() + " (validation):");
      findings.forEach(finding -> lines.add("    - " + finding.asText()));
    }
  }

  /** The pending gate of {@code view} (the run holding the gates) and how to approve it through {@code workflowId}. */
  private static void gate(String workflowId, GateView view, List<String> lines) {
    if (view.pendingGate() != null) {
      lines.add("  gate     " + view.pendingGate() + " pending in " + view.workflowId() + ": " + view.approvalsNeeded()
          + " approval(s) needed — avesa approve " + workflowId + " --gate " + view.pendingGate() + " --reason …");
    }
  }
}
