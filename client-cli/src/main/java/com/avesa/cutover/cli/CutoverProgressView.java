package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.cutover.CompensationRecord;
import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.cutover.Outcome;
import com.avesa.cutover.workflows.cutover.StepRecord;
import com.avesa.cutover.workflows.run.CutoverStep;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The progress of a cutover or rollback: where it is (named once: the phase while it runs, the
 * outcome once it ended), the step running and its time left (the alarm monitoring counts down
 * from the step's start and {@code cutover.monitorFor}), the pending gate, and the window with
 * the time until it opens or closes.
 */
final class CutoverProgressView implements ProgressView<CutoverReport> {
  /** The time left the workflow writes into the monitoring step's text: the view counts it down itself. */
  private static final String TIME_TO_GO = ";\\s*-?P[0-9DTHMS.,]+ to go\\s*$";

  @Override
  public void table(RunStatus<CutoverReport> status, Instant now, PrintWriter out) {
    CutoverPrinter.printStatus(status, out);
  }

  @Override
  public List<String> block(RunStatus<CutoverReport> status, Instant now) {
    List<String> lines = new ArrayList<>();
    CutoverReport report = status.progress();
    lines.add(status.workflowId() + "  " + where(status));
    if (report == null) {
      lines.add("  progress unavailable (no worker answered the query)");
      return lines;
    }
    runningStep(report).ifPresent(step -> lines.add("  step         " + step.name() + ", " + timeOf(report, step, now)));
    lines.add("  pending gate " + (report.pendingGate() == null ? "none" : CutoverPrinter.pendingGate(report)));
    lines.add("  window       " + window(report, now));
    lines.add(counts(report));
    return lines;
  }

  @Override
  public String milestone(RunStatus<CutoverReport> status) {
    CutoverReport r = status.progress();
    if (r == null) {
      return status.status();
    }
    return String.join("|", status.status(), String.valueOf(r.outcome()), String.valueOf(r.phase()),
        String.valueOf(r.pendingGate()), String.valueOf(r.approvalsNeeded()),
        runningStep(r).map(s -> String.valueOf(s.name())).orElse(""));
  }

  @Override
  public String line(RunStatus<CutoverReport> status, Instant now) {
    CutoverReport r = status.progress();
    if (r == null) {
      return status.status() + "  progress unavailable (no worker answered the query)";
    }
    if (r.outcome() != null && r.outcome() != Outcome.RUNNING) {
      return String.valueOf(r.outcome());
    }
    String what = r.pendingGate() != null ? "gate " + CutoverPrinter.pendingGate(r)
        : runningStep(r).map(s -> String.valueOf(s.name())).orElse(step(r));
    String text = String.format("%-18s %s", r.phase(), what).stripTrailing();
    return RunStatus.RUNNING.equals(status.status()) ? text : text + "  (run " + status.status() + ")";
  }

  @Override
  public String summary(RunStatus<CutoverReport> status, Instant now) {
    CutoverReport r = status.progress();
    String head = "run " + status.workflowId() + " ended: " + status.status()
        + (r == null || !RunStatus.COMPLETED.equals(status.status()) ? "" : ", outcome " + r.outcome())
        + " after " + ProgressView.elapsed(status, now);
    return r == null ? head : head + " —" + counts(r).substring(1);
  }

  /** The phase and step while the run goes on; its outcome once it ended. */
  private static String where(RunStatus<CutoverReport> status) {
    CutoverReport r = status.progress();
    if (r == null) {
      return status.status();
    }
    String text;
    if (r.outcome() == null || r.outcome() == Outcome.RUNNING) {
      String step = step(r);
      text = r.phase() + (step.isEmpty() ? "" : ": " + step);
    } else {
      text = String.valueOf(r.outcome());
    }
    return RunStatus.RUNNING.equals(status.status()) || RunStatus.COMPLETED.equals(status.status())
        ? text : text + "  (run " + status.status() + ")";
  }

  /** The step's text without the time left the workflow wrote into it when it was last updated. */
  static String step(CutoverReport r) {
    return r.step() == null ? "" : r.step().replaceFirst(TIME_TO_GO, "").strip();
  }

  private static Optional<StepRecord> runningStep(CutoverReport r) {
    if (r.outcome() != null && r.outcome() != Outcome.RUNNING) {
      return Optional.empty();
    }
    StepRecord running = null;
    for (StepRecord step : r.steps()) {
      if (step.status() == StepRecord.Status.RUNNING) {
        running = step;
      }
    }
    return Optional.ofNullable(running);
  }

  /** {@code 1m59s left} of the alarm monitoring; {@code running for 12s} of any other step. */
  private static String timeOf(CutoverReport r, StepRecord step, Instant now) {
    if (step.startedAt() == null) {
      return "running";
    }
    if (step.name() == CutoverStep.MONITOR_ALARMS && r.config() != null && r.config().cutover() != null
        && r.config().cutover().monitorFor() != null) {
      Instant until = step.startedAt().plus(r.config().cutover().monitorFor());
      return Durations.format(Duration.between(now, until)) + " left";
    }
    return "running for " + Durations.format(Duration.between(step.startedAt(), now));
  }

  private static String window(CutoverReport r, Instant now) {
    if (r.windowStart() == null) {
      return "not approved yet";
    }
    String window = CutoverPrinter.time(r.windowStart()) + " → "
        + (r.windowEnd() == null ? "?" : CutoverPrinter.time(r.windowEnd()));
    if (r.outcome() != null && r.outcome() != Outcome.RUNNING) {
      return window;
    }
    if (now.isBefore(r.windowStart())) {
      return window + " (opens in " + Durations.format(Duration.between(now, r.windowStart())) + ")";
    }
    if (r.windowEnd() != null && now.isBefore(r.windowEnd())) {
      return window + " (closes in " + Durations.format(Duration.between(now, r.windowEnd())) + ")";
    }
    return window + (r.windowEnd() == null ? "" : " (closed)");
  }

  private static String counts(CutoverReport r) {
    return String.format(Locale.ROOT, "  steps %d done, %d failed; compensations %d of %d done; approvals %d",
        r.steps().stream().filter(s -> s.status() == StepRecord.Status.DONE).count(),
        r.steps().stream().filter(s -> s.status() == StepRecord.Status.FAILED).count(),
        r.compensations().stream().filter(c -> c.status() == CompensationRecord.Status.DONE).count(),
        r.compensations().size(), r.approvals().size());
  }
}
