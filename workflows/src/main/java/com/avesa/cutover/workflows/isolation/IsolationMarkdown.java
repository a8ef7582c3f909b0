package com.avesa.cutover.workflows.isolation;

import com.avesa.cutover.workflows.approval.ApprovalNotice;
import com.avesa.cutover.workflows.cutover.ApprovalRecord;
import com.avesa.cutover.workflows.cutover.CompensationRecord;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An {@link IsolationReport} as a Markdown document to attach to a change ticket
 * ({@code avesa report ID --markdown}) and to show as the run's current details in the Temporal
 * UI: the run, a table of every phase, the validation's findings (when any), approvals,
 * compensations, what each phase changed and found in place, and problems. Uses only the report's own times, so the same report renders the same.
 */
public final class IsolationMarkdown {
  private IsolationMarkdown() {}

  public static String render(IsolationReport report) {
    StringBuilder md = new StringBuilder();
    md.append("# Production isolation ").append(report.configName()).append(" — ").append(report.outcome())
        .append("\n\n");
    header(md, report);
    phases(md, report);
    findings(md, list(report.findings()));
    approvals(md, list(report.approvals()));
    compensations(md, list(report.compensations()));
    changes(md, list(report.phases()));
    problems(md, list(report.problems()));
    return md.toString();
  }

  private static void header(StringBuilder md, IsolationReport report) {
    md.append("- Run: `").append(report.workflowId()).append("`\n");
    md.append("- Requested by: ").append(report.requestedBy()).append('\n');
    md.append("- Started: ").append(orDash(report.started())).append('\n');
    md.append("- Ended: ").append(orDash(report.ended())).append('\n');
    md.append("- Duration: ").append(duration(report.started(), report.ended())).append('\n');
    if (report.ended() == null) {
      md.append("- Phase now: ").append(report.phase()).append('\n');
    }
    if (report.pendingGate() != null) {
      md.append("- Waiting for: gate ").append(report.pendingGate()).append(", ").append(report.approvalsNeeded())
          .append(" approval(s) needed, in run `").append(report.gateWorkflowId()).append("`\n");
    } else if (report.gateWorkflowId() != null) {
      md.append("- Gates now: in `").append(report.gateWorkflowId()).append("`\n");
    }
    md.append('\n');
  }

  private static void phases(StringBuilder md, IsolationReport report) {
    md.append("## Phases\n\n| Phase | Status | Started | Duration | Counts | Summary |\n|---|---|---|---|---|---|\n");
    for (PhaseRecord p : list(report.phases())) {
      md.append("| ").append(p.phase())
          .append(" | ").append(p.status())
          .append(" | ").append(orDash(p.started()))
          .append(" | ").append(p.started() == null ? "—" : duration(p.started(), p.ended()))
          .append(" | ").append(cell(counts(p.counts())))
          .append(" | ").append(cell(p.summary() == null ? "" : p.summary()))
          .append(" |\n");
    }
    md.append('\n');
  }

  /** Only when the validation found something: what the {@code validation} gate decided on. */
  private static void findings(StringBuilder md, List<String> findings) {
    if (findings.isEmpty()) {
      return;
    }
    md.append("## Validation findings\n\n");
    findings.forEach(f -> md.append("- ").append(f).append('\n'));
    md.append('\n');
  }

  private static void approvals(StringBuilder md, List<ApprovalRecord> approvals) {
    md.append("## Approvals\n\n");
    if (approvals.isEmpty()) {
      md.append("None.\n\n");
      return;
    }
    String notice = ApprovalNotice.of(approvals);
    if (notice != null) {
      md.append("**").append(notice).append("**\n\n");
    }
    md.append("| Gate | Who | Decision | When | Why |\n|---|---|---|---|---|\n");
    for (ApprovalRecord a : approvals) {
      String why = (a.reason() == null ? "" : a.reason()) + (a.note() == null ? "" : " (" + a.note() + ")")
          + (a.windowStart() == null ? "" : "; window from " + a.windowStart());
      md.append("| ").append(cell(a.gate())).append(" | ").append(cell(a.approver())).append(" | ")
          .append(a.decision()).append(" | ").append(orDash(a.at())).append(" | ").append(cell(why)).append(" |\n");
    }
    md.append('\n');
  }

  private static void compensations(StringBuilder md, List<CompensationRecord> compensations) {
    md.append("## Compensations\n\n");
    if (compensations.isEmpty()) {
      md.append("None.\n\n");
      return;
    }
    md.append("| Compensation | Undoes | Status | When | Detail |\n|---|---|---|---|---|\n");
    for (CompensationRecord c : compensations) {
      md.append("| ").append(cell(c.name())).append(" | ").append(cell(c.undoes())).append(" | ").append(c.status())
          .append(" | ").append(orDash(c.at())).append(" | ").append(cell(c.detail() == null ? "" : c.detail()))
          .append(" |\n");
    }
    md.append('\n');
  }

  private static void changes(StringBuilder md, List<PhaseRecord> phases) {
    md.append("## Changed and unchanged\n\n");
    boolean any = false;
    for (PhaseRecord p : phases) {
      if (list(p.changed()).isEmpty() && list(p.unchanged()).isEmpty()) {
        continue;
      }
      any = true;
      md.append("### ").append(p.phase()).append("\n\n");
      items(md, "Changed", list(p.changed()));
      items(md, "Unchanged", list(p.unchanged()));
    }
    if (!any) {
      md.append("Nothing yet.\n\n");
    }
  }

  private static void items(StringBuilder md, String title, List<PhaseItem> items) {
    if (items.isEmpty()) {
      return;
    }
    md.append(title).append(":\n\n");
    items.forEach(i -> md.append("- ").append(i.item()).append(" — ").append(i.detail()).append('\n'));
    md.append('\n');
  }

  private static void problems(StringBuilder md, List<String> problems) {
    md.append("## Problems\n\n");
    if (problems.isEmpty()) {
      md.append("None.\n");
      return;
    }
    problems.forEach(p -> md.append("- ").append(p).append('\n'));
  }

  private static String counts(Map<String, Long> counts) {
    return counts == null ? "" : counts.entrySet().stream()
        .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%,d", e.getValue()))
        .collect(Collectors.joining(", "));
  }

  /** Whole days, hours, minutes and seconds; "—" while the thing has not ended. */
  static String duration(Instant started, Instant ended) {
    if (started == null || ended == null) {
      return "—";
    }
    Duration d = Duration.between(started, ended);
    StringBuilder s = new StringBuilder();
    if (d.toDays() > 0) {
      s.append(d.toDays()).append("d ");
    }
    if (d.toHoursPart() > 0 || s.length() > 0) {
      s.append(d.toHoursPart()).append("h ");
    }
    if (d.toMinutesPart() > 0 || s.length() > 0) {
      s.append(d.toMinutesPart()).append("m ");
    }
    return s.append(d.toSecondsPart()).append('s').toString();
  }

  /** Text safe inside a table cell: no pipes or line breaks. */
  private static String cell(String text) {
    return text == null ? "—" : text.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
  }

  private static String orDash(Instant at) {
    return at == null ? "—" : at.toString();
  }

  private static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : list;
  }
}
