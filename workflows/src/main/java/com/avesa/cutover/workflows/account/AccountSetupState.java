package com.avesa.cutover.workflows.account;

import com.avesa.cutover.workflows.run.PhaseOutcome;
import static com.avesa.cutover.workflows.run.WorkflowClock.now;

import com.avesa.cutover.workflows.runbook.PhaseItem;
import com.avesa.cutover.workflows.runbook.PhaseProgress;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What an account setup run has done so far: its phase, items and problems; the query and the report read it. */
final class AccountSetupState {
  static final String CREATE_ACCOUNT = "CREATE_ACCOUNT";
  static final String ADMIN_ACCESS = "ADMIN_ACCESS";
  static final String ROLE = "ROLE";
  static final String VERIFY = "VERIFY";
  static final String BASELINE = "BASELINE";
  static final String DONE = "DONE";

  private final String workflowId;
  private final String configName;
  private final Instant started;
  private final List<PhaseItem> changed = new ArrayList<>();
  private final List<PhaseItem> unchanged = new ArrayList<>();
  private final List<PhaseItem> compensated = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private String phase = CREATE_ACCOUNT;
  private String step = "";
  private PhaseOutcome outcome = PhaseOutcome.RUNNING;
  private Instant waitUntil;
  private Instant ended;
  private String accountId;
  private boolean accountCreated;
  private String roleArn;
  private String callerArn;

  AccountSetupState(String workflowId, String configName) {
    this.workflowId = workflowId;
    this.configName = configName;
    this.started = now();
  }

  void at(String phase, String step) {
    this.phase = phase;
    this.step = step;
    this.waitUntil = null;
    publish();
  }

  void waitingUntil(Instant until, String step) {
    this.step = step;
    this.waitUntil = until;
    publish();
  }

  void account(String accountId, boolean created) {
    this.accountId = accountId;
    this.accountCreated = created;
  }

  boolean accountCreated() {
    return accountCreated;
  }

  void role(String roleArn) {
    this.roleArn = roleArn;
  }

  void caller(String callerArn) {
    this.callerArn = callerArn;
  }

  /**
   * Keeps what a step changed and found. A thing two steps share (the trail bucket serves AWS
   * Config and CloudTrail) is listed once: what the first step reported stands.
   */
  void record(List<PhaseItem> changedItems, List<PhaseItem> unchangedItems) {
    changed.addAll(changedItems);
    for (PhaseItem item : unchangedItems) {
      boolean listed = Stream.concat(changed.stream(), unchanged.stream()).anyMatch(i -> i.item().equals(item.item()));
      if (!listed) {
        unchanged.add(item);
      }
    }
    publish();
  }

  void changed(PhaseItem item) {
    record(List.of(item), List.of());
  }

  void unchanged(PhaseItem item) {
    record(List.of(), List.of(item));
  }

  void compensated(PhaseItem item) {
    compensated.add(item);
  }

  void problem(String problem) {
    problems.add(problem);
  }

  void end(PhaseOutcome outcome) {
    this.outcome = outcome;
    this.ended = now();
    this.waitUntil = null;
    if (outcome == PhaseOutcome.SUCCEEDED) {
      this.phase = DONE;
      this.step = "account " + accountId + " ready";
    }
    publish();
  }

  PhaseProgress progress() {
    return new PhaseProgress(workflowId, phase, outcome, null, 0, waitUntil, List.of(), List.copyOf(changed),
        List.copyOf(unchanged), List.copyOf(problems));
  }

  AccountSetupReport report() {
    return new AccountSetupReport(workflowId, outcome, accountId, accountCreated, roleArn, callerArn,
        List.copyOf(changed), List.copyOf(unchanged), List.copyOf(compensated), List.copyOf(problems), started,
        ended);
  }

  private void publish() {
    StringBuilder details = new StringBuilder(String.format("**Account setup %s** — %s, %s%n%n%s%n%n"
        + "account %s; changed %d, already in place %d, compensated %d, problems %d",
        configName, phase, outcome, step, accountId == null ? "(not known yet)" : accountId, changed.size(),
        unchanged.size(), compensated.size(), problems.size()));
    problems.forEach(p -> details.append(String.format("%n- %s", p)));
    Workflow.setCurrentDetails(details.toString());
  }
}
