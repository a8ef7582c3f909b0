package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.run.RunProgress;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

/**
 * The progress of a runbook phase run ({@code P} a PhaseProgress) or an isolation (an
 * IsolationReport): the block {@link PhaseStatus} prints, a line whenever the phase, outcome or
 * pending gate changes, and the outcome at the end.
 */
final class PhaseProgressView<P extends RunProgress> implements ProgressView<P> {
  private final PhaseStatus phases;

  PhaseProgressView(PhaseStatus phases) {
    this.phases = phases;
  }

  @Override
  public void table(RunStatus<P> status, Instant now, PrintWriter out) {
    phases.lines(status, now).forEach(out::println);
  }

  @Override
  public List<String> block(RunStatus<P> status, Instant now) {
    return phases.lines(status, now);
  }

  @Override
  public String milestone(RunStatus<P> status) {
    P p = status.progress();
    if (p == null) {
      return status.status();
    }
    return String.join("|", status.status(), String.valueOf(p.phase()), String.valueOf(GateView.outcome(p)),
        String.valueOf(p.pendingGate()));
  }

  @Override
  public String line(RunStatus<P> status, Instant now) {
    P p = status.progress();
    if (p == null) {
      return status.status() + "  progress unavailable (no worker answered the query)";
    }
    String text = String.format("%-18s %s", p.phase(),
        p.pendingGate() == null ? "" : "gate " + p.pendingGate() + " pending").stripTrailing();
    return RunStatus.RUNNING.equals(status.status()) ? text : text + "  (run " + status.status() + ")";
  }

  @Override
  public String summary(RunStatus<P> status, Instant now) {
    P p = status.progress();
    String outcome = p == null || GateView.outcome(p) == null ? "" : GateView.outcome(p);
    return "run " + status.workflowId() + " ended: " + status.status()
        + (outcome.isEmpty() ? "" : ", outcome " + outcome) + " after " + ProgressView.elapsed(status, now);
  }
}
