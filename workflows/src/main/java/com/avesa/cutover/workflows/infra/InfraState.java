package com.avesa.cutover.workflows.infra;

import com.avesa.cutover.workflows.FailureMessages;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import static com.avesa.cutover.workflows.run.WorkflowClock.now;

import com.avesa.cutover.workflows.runbook.PhaseItem;
import com.avesa.cutover.workflows.runbook.PhaseProgress;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An infrastructure run's state: step, deploy outcome, what changed, what was in place, what is
 * missing. Answers the progress query, writes the UI's details and builds the report.
 */
final class InfraState {
  private static final int DETAIL_LINES = 10;

  private final String workflowId;
  private final String configName;
  private final Instant started = now();
  private final List<PhaseItem> changed = new ArrayList<>();
  private final List<PhaseItem> unchanged = new ArrayList<>();
  private final List<String> missing = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private String phase = "STARTED";
  private String step = "";
  private PhaseOutcome outcome = PhaseOutcome.RUNNING;
  private Integer deployExitCode;
  private String deployOutputTail;

  InfraState(String workflowId, String configName) {
    this.workflowId = workflowId;
    this.configName = configName;
  }

  void at(String phase, String step) {
    this.phase = phase;
    this.step = step;
    publishDetails();
  }

  void deployed(DeployResult result) {
    deployExitCode = result.exitCode();
    deployOutputTail = result.outputTail();
  }

  void changed(PhaseItem item) {
    changed.add(item);
    publishDetails();
  }

  void unchanged(PhaseItem item) {
    unchanged.add(item);
    publishDetails();
  }

  void verified(DeployedResources resources) {
    unchanged.addAll(resources.found());
    missing.addAll(resources.missing());
    publishDetails();
  }

  boolean hasMissing() {
    return !missing.isEmpty();
  }

  int missingCount() {
    return missing.size();
  }

  /** Records an activity's failure as the run's problem, naming the step; returns its message. */
  String failed(ActivityFailure failure) {
    String message = FailureMessages.describe(failure);
    problems.add(phase.toLowerCase() + (step.isEmpty() ? "" : " (" + step + ")") + ": " + message);
    at("FAILED", message);
    return message;
  }

  /** The failure's type, for the run's own failure: the activity's FailureType when it has one. */
  static String typeOf(ActivityFailure failure) {
    return failure.getCause() instanceof ApplicationFailure app ? app.getType() : "ACTIVITY_FAILED";
  }

  InfrastructureReport report(PhaseOutcome finalOutcome) {
    outcome = finalOutcome;
    publishDetails();
    return new InfrastructureReport(workflowId, outcome, deployExitCode, deployOutputTail, List.copyOf(changed),
        List.copyOf(unchanged), List.copyOf(missing), List.copyOf(problems), started, now());
  }

  PhaseProgress progress() {
    List<String> all = new ArrayList<>(missing);
    all.addAll(problems);
    return new PhaseProgress(workflowId, phase, outcome, null, 0, null, List.of(), List.copyOf(changed),
        List.copyOf(unchanged), all);
  }

  private void publishDetails() {
    StringBuilder md = new StringBuilder();
    md.append("**Infrastructure ").append(configName).append("** — ").append(phase)
        .append(outcome == PhaseOutcome.RUNNING ? "" : " (" + outcome + ")").append("\n\n");
    if (!step.isEmpty()) {
      md.append(step).append("\n\n");
    }
    md.append("changed ").append(changed.size()).append(" · already in place ").append(unchanged.size())
        .append(" · missing ").append(missing.size());
    if (deployExitCode != null) {
      md.append(" · deploy exit ").append(deployExitCode);
    }
    md.append('\n');
    changed.stream().limit(DETAIL_LINES).forEach(i -> md.append("\n- ").append(i.item()).append(": ").append(i.detail()));
    missing.stream().limit(DETAIL_LINES).forEach(m -> md.append("\n- missing: ").append(m));
    problems.forEach(p -> md.append("\n- problem: ").append(p));
    Workflow.setCurrentDetails(md.toString());
  }
}
