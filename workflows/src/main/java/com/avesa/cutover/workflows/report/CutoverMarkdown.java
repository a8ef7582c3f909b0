package com.avesa.cutover.workflows.report;

import com.avesa.cutover.workflows.cutover.CutoverChanges;
import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.cutover.Outcome;
import com.avesa.cutover.workflows.cutover.StepRecord;
import com.avesa.cutover.workflows.run.RunKind;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link CutoverReport} — of a cutover or of a rollback — as a change-ticket document: the run,
 * its window and outcome, approvals, every step with its time, what it changed, compensations, and
 * what is still to undo.
 */
public final class CutoverMarkdown {
  private CutoverMarkdown() {}

  public static String render(RunFacts run, CutoverReport r) {
    boolean rollback = RunKind.ROLLBACK.equals(r.kind());
    Markdown md = new Markdown().title((rollback ? "Rollback " : "Cutover ") + r.name(), r.outcome());
    md.fact("Run", "`" + r.workflowId() + "`").fact("Requested by", r.requestedBy()).times(run.started(), run.ended());
    if (r.outcome() == Outcome.RUNNING) {
      md.fact("Phase now", r.phase() + (r.step() == null ? "" : " — " + r.step()));
    }
    if (r.pendingGate() != null) {
      md.fact("Waiting for", "gate " + r.pendingGate() + ", " + r.approvalsNeeded() + " approval(s) needed");
    }
    if (r.windowStart() != null || r.windowEnd() != null) {
      md.fact("Window", Markdown.orDash(r.windowStart()) + " → " + Markdown.orDash(r.windowEnd()));
    }
    md.fact(rollback ? "Why" : "Reason", r.reason());
    md.fact("Final sync run", r.finalSyncId() == null ? null : "`" + r.finalSyncId() + "`");
    md.fact("Reverse sync run", r.reverseSyncId() == null ? null : "`" + r.reverseSyncId() + "`");
    md.fact("Counts", "steps " + r.steps().size() + ", compensations " + r.compensations().size() + ", approvals "
        + r.approvals().size());
    md.blank().approvals(r.approvals()).section("Steps");
    if (r.steps().isEmpty()) {
      md.text("None.");
    } else {
      md.table(List.of("Step", "Status", "Started", "Duration", "Detail"), r.steps().stream().map(s -> List.of(
          String.valueOf(s.name()), String.valueOf(s.status()), Markdown.orDash(s.startedAt()),
          s.startedAt() == null ? "—" : Markdown.duration(s.startedAt(), s.endedAt()),
          s.detail() == null ? "" : s.detail())).toList());
    }
    List<PhaseItem> changes = changeItems(r.changes());
    md.section("Changes");
    if (changes.isEmpty()) {
      md.text("None.");
    }
    md.items("Changed", changes).compensations(r.compensations());
    return md.problems(problems(r, rollback));
  }

  /** A run that did not end as it should names why, then everything still to undo. */
  private static List<String> problems(CutoverReport r, boolean rollback) {
    List<String> problems = new ArrayList<>();
    Outcome good = rollback ? Outcome.ROLLED_BACK : Outcome.CUT_OVER;
    if (r.outcome() != good && r.outcome() != Outcome.RUNNING && r.reason() != null) {
      problems.add(r.reason());
    }
    r.steps().stream().filter(s -> s.status() == StepRecord.Status.FAILED)
        .forEach(s -> problems.add("step " + s.name() + " failed" + (s.detail() == null ? "" : ": " + s.detail())));
    r.remaining().forEach(left -> problems.add("still to undo: " + left));
    return problems;
  }

  /** What a cutover changed, one item each: source rules disabled, the DNS record written, target rules enabled. */
  public static List<PhaseItem> changeItems(CutoverChanges c) {
    if (c == null) {
      return List.of();
    }
    List<PhaseItem> items = new ArrayList<>();
    c.sourceRulesDisabled().forEach(rule -> items.add(new PhaseItem("source rule " + rule, "disabled")));
    if (c.appliedDns() != null) {
      items.add(new PhaseItem("dns record " + c.appliedDns().name() + " " + c.appliedDns().type(),
          c.appliedDns().values().isEmpty() ? "now alias " + c.appliedDns().aliasDnsName()
              : "now " + String.join(", ", c.appliedDns().values())));
    }
    c.targetRulesEnabled().forEach(rule -> items.add(new PhaseItem("target rule " + rule, "enabled")));
    return items;
  }
}
