package com.avesa.cutover.workflows.report;

import com.avesa.cutover.workflows.cutover.CompensationRecord;
import com.avesa.cutover.workflows.gate.ApprovalNotice;
import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One Markdown document for a change ticket, built section by section: the pieces every run
 * kind's report shares (facts, tables, approvals, compensations, changed and unchanged items,
 * problems). Renders only what it is given: the same report renders the same text.
 */
public final class Markdown {
  private final StringBuilder md = new StringBuilder();

  /** {@code # title — outcome} and a blank line. */
  public Markdown title(String title, Object outcome) {
    md.append("# ").append(title).append(" — ").append(outcome).append("\n\n");
    return this;
  }

  /** {@code - label: value}; nothing when {@code value} is null. */
  public Markdown fact(String label, Object value) {
    if (value != null) {
      md.append("- ").append(label).append(": ").append(value).append('\n');
    }
    return this;
  }

  /** Started, Ended and Duration ({@code —} for what is not known yet). */
  public Markdown times(Instant started, Instant ended) {
    fact("Started", orDash(started));
    fact("Ended", orDash(ended));
    return fact("Duration", duration(started, ended));
  }

  /** Ends a block of facts. */
  public Markdown blank() {
    md.append('\n');
    return this;
  }

  /** {@code ## title} and a blank line. */
  public Markdown section(String title) {
    md.append("## ").append(title).append("\n\n");
    return this;
  }

  /** {@code ### title} and a blank line. */
  public Markdown subsection(String title) {
    md.append("### ").append(title).append("\n\n");
    return this;
  }

  /** A paragraph. */
  public Markdown text(String text) {
    md.append(text).append("\n\n");
    return this;
  }

  /** A table with a header row; every cell is made safe ({@link #cell}). */
  public Markdown table(List<String> header, List<List<String>> rows) {
    md.append("| ").append(String.join(" | ", header)).append(" |\n|");
    header.forEach(h -> md.append("---|"));
    md.append('\n');
    for (List<String> row : rows) {
      md.append("| ").append(row.stream().map(Markdown::cell).collect(Collectors.joining(" | "))).append(" |\n");
    }
    md.append('\n');
    return this;
  }

  /** A section of bullets, or {@code None.} when there are none. */
  public Markdown bullets(String title, List<String> lines) {
    section(title);
    if (lines == null || lines.isEmpty()) {
      return text("None.");
    }
    lines.forEach(line -> md.append("- ").append(line).append('\n'));
    md.append('\n');
    return this;
  }

  /** Every decision: gate, who, decision, when, why (with the approvals notice when the run has one). */
  public Markdown approvals(List<ApprovalRecord> approvals) {
    section("Approvals");
    if (approvals == null || approvals.isEmpty()) {
      return text("None.");
    }
    String notice = ApprovalNotice.of(approvals);
    if (notice != null) {
      text("**" + notice + "**");
    }
    return table(List.of("Gate", "Who", "Decision", "When", "Why"), approvals.stream().map(a -> List.of(
        orDash(a.gate()), orDash(a.approver()), String.valueOf(a.decision()), orDash(a.at()),
        (a.reason() == null ? "" : a.reason()) + (a.note() == null ? "" : " (" + a.note() + ")")
            + (a.windowStart() == null ? "" : "; window from " + a.windowStart()))).toList());
  }

  /** Every compensation: what, what it undoes, status, when, detail. */
  public Markdown compensations(List<CompensationRecord> compensations) {
    section("Compensations");
    if (compensations == null || compensations.isEmpty()) {
      return text("None.");
    }
    return table(List.of("Compensation", "Undoes", "Status", "When", "Detail"), compensations.stream().map(c -> List.of(
        orDash(c.name()), orDash(c.undoes()), String.valueOf(c.status()), orDash(c.at()),
        c.detail() == null ? "" : c.detail())).toList());
  }

  /** {@code title:} and one bullet per item ({@code item — detail}); nothing when there are none. */
  public Markdown items(String title, List<PhaseItem> items) {
    if (items == null || items.isEmpty()) {
      return this;
    }
    md.append(title).append(":\n\n");
    items.forEach(i -> md.append("- ").append(i.item()).append(" — ").append(i.detail()).append('\n'));
    md.append('\n');
    return this;
  }

  /** The last section: {@code ## Problems}, a bullet each or {@code None.}, with no trailing blank line. */
  public String problems(List<String> problems) {
    md.append("## Problems\n\n");
    if (problems == null || problems.isEmpty()) {
      md.append("None.\n");
    } else {
      problems.forEach(p -> md.append("- ").append(p).append('\n'));
    }
    return md.toString();
  }

  /** {@code name 1,234, other 5}: a phase's or a run's counts. */
  public static String counts(Map<String, Long> counts) {
    return counts == null ? "" : counts.entrySet().stream()
        .map(e -> e.getKey() + " " + number(e.getValue()))
        .collect(Collectors.joining(", "));
  }

  /** A count with thousands separators, the same in every locale. */
  public static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** Whole days, hours, minutes and seconds; "—" while the thing has not ended. */
  public static String duration(Instant started, Instant ended) {
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
  public static String cell(String text) {
    return text == null ? "—" : text.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
  }

  public static String orDash(Object value) {
    return value == null ? "—" : value.toString();
  }
}
