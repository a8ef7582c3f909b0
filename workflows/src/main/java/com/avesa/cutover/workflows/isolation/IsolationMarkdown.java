package com.avesa.cutover.workflows.isolation;

import com.avesa.cutover.workflows.report.Markdown;
import java.util.List;

/**
 * An {@link IsolationReport} as a Markdown document to attach to a change ticket
 * ({@code avesa report ID --markdown}) and to show as the run's current details in the Temporal
 * UI: the run, a table of every phase, the validation's findings (when any), approvals,
 * compensations, what each phase changed and found in place, and problems. Uses only the report's
 * own times, so the same report renders the same.
 */
public final class IsolationMarkdown {
  private IsolationMarkdown() {}

  public static String render(IsolationReport report) {
    Markdown md = new Markdown().title("Production isolation " + report.configName(), report.outcome());
    md.fact("Run", "`" + report.workflowId() + "`").fact("Requested by", report.requestedBy())
        .times(report.started(), report.ended());
    if (report.ended() == null) {
      md.fact("Phase now", report.phase());
    }
    if (report.pendingGate() != null) {
      md.fact("Waiting for", "gate " + report.pendingGate() + ", " + report.approvalsNeeded()
          + " approval(s) needed, in run `" + report.gateWorkflowId() + "`");
    } else if (report.gateWorkflowId() != null) {
      md.fact("Gates now", "in `" + report.gateWorkflowId() + "`");
    }
    md.blank().section("Phases").table(List.of("Phase", "Status", "Started", "Duration", "Counts", "Summary"),
        list(report.phases()).stream().map(p -> List.of(p.phase(), String.valueOf(p.status()), Markdown.orDash(p.started()),
            p.started() == null ? "—" : Markdown.duration(p.started(), p.ended()), Markdown.counts(p.counts()),
            p.summary() == null ? "" : p.summary())).toList());
    if (!list(report.findings()).isEmpty()) {
      md.bullets("Validation findings", report.findings());
    }
    md.approvals(list(report.approvals())).compensations(list(report.compensations()));
    changes(md, list(report.phases()));
    return md.problems(list(report.problems()));
  }

  private static void changes(Markdown md, List<PhaseRecord> phases) {
    md.section("Changed and unchanged");
    boolean any = false;
    for (PhaseRecord p : phases) {
      if (list(p.changed()).isEmpty() && list(p.unchanged()).isEmpty()) {
        continue;
      }
      any = true;
      md.subsection(p.phase()).items("Changed", p.changed()).items("Unchanged", p.unchanged());
    }
    if (!any) {
      md.text("Nothing yet.");
    }
  }

  private static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : list;
  }
}
