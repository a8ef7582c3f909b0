package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.isolation.IsolationReport;
import com.avesa.cutover.workflows.isolation.PhaseRecord;
import com.avesa.cutover.workflows.run.RunCounts;
import com.avesa.cutover.workflows.run.RunProgress;
import com.avesa.cutover.workflows.runbook.PhaseProgress;
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

  PhaseStatus(RunInspector inspector) {
    this.inspector = inspector;
  }

  /** The lines {@code status} prints (and {@code --watch} redraws) at {@code now}. */
  List<String> lines(RunStatus<? extends RunProgress> status, Instant now) {
    List<String> lines = new ArrayList<>();
    lines.add(status.workflowId() + " (" + status.workflowType() + ", run " + status.runId() + "): " + status.status());
    lines.add("  started  " + status.startTime() + (status.closeTime() == null ? "" : ", closed " + status.closeTime()));
    RunProgress progress = status.progress();
    if (progress == null) {
      lines.add(RunStatus.RUNNING.equals(status.status()) ? "  progress unavailable (no worker answered the query)"
          : "  ended: `avesa result " + status.workflowId() + "` prints its report");
      return lines;
    }
    lines.add("  phase    " + progress.phase() + ", outcome " + GateView.outcome(progress));
    waiting("", progress, now, lines);
    // An isolation's cutover or decommission child holds its gate and its wait: asked once per sample.
    GateView view = GateView.of(status.workflowId(), progress);
    String child = view.gateWorkflowId() != null && !view.gateWorkflowId().equals(status.workflowId())
        ? view.gateWorkflowId() : null;
    Optional<RunProgress> childProgress = child == null ? Optional.empty() : inspector.progress(child);
    childProgress.ifPresent(answer -> {
      lines.add("  in       " + child + ": phase " + answer.phase());
      waiting(child + " ", answer, now, lines);
    });
    IsolationReport isolation = progress instanceof IsolationReport r ? r : null;
    if (isolation != null && isolation.phases() != null) {
      for (PhaseRecord phase : isolation.phases()) {
        lines.add(String.format("  %-14s %-10s %s", phase.phase(), phase.status(),
            phase.summary() == null ? "" : phase.summary()));
      }
    }
    findings(isolation == null ? null : isolation.findings(), lines);
    gate(status.workflowId(), childProgress.map(answer -> GateView.of(child, answer)).orElse(view), lines);
    RunCounts counts = progress.counts();
    if (progress instanceof PhaseProgress) {
      lines.add("  changed  " + counts.changed() + ", unchanged " + counts.unchanged() + ", problems " + counts.problems());
    } else if (isolation != null && isolation.problems() != null && !isolation.problems().isEmpty()) {
      lines.add("  problems " + counts.problems() + ": " + isolation.problems().get(0));
    }
    return lines;
  }

  /** The end of the wait {@code progress} is in (a phase run's retention), with the time left at {@code now}. */
  static void waiting(String who, RunProgress progress, Instant now, List<String> lines) {
    Instant until = progress instanceof PhaseProgress phase ? phase.waitUntil() : null;
    if (until != null) {
      lines.add("  waiting  " + who + "until " + until + " (" + Durations.format(Duration.between(now, until))
          + " left)");
    }
  }

  /** An isolation's validation findings, which its {@code validation} gate decides on. */
  private static void findings(List<String> findings, List<String> lines) {
    if (findings != null && !findings.isEmpty()) {
      lines.add("  findings " + findings.size() + " (validation):");
      findings.forEach(finding -> lines.add("    - " + finding));
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
