package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.infra.InfrastructureReport;
import com.avesa.cutover.workflows.run.RunItem;
import com.avesa.cutover.workflows.run.RunReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Prints the report of a runbook phase run (account setup, infrastructure, smoke test,
 * validation, decommission, isolation): its facts, then what it changed and what it found in
 * place item by item, then its other lists, warnings and problems last. What every report has
 * (run, outcome, times, problems, warnings, whether it succeeded) is read through
 * {@link RunReport}; the kind's own details through its {@link PhaseLayout}, typed, each list's
 * rows through their {@link PhaseRow}. A field added to a report prints once it is added to its
 * layout ({@code PhaseLayoutTest} fails until then).
 */
final class PhasePrinter {
  private static final int LABEL = 16;

  private PhasePrinter() {}

  /** Prints {@code report} (as JSON with {@code json}) and returns 0 when it succeeded, else 1 with a line on err. */
  static int printOutcome(RunReport report, OutputOptions.Format format, PrintWriter out, PrintWriter err) {
    if (format.structured()) {
      out.println(format.render(report));
    } else {
      print(report, out);
    }
    out.flush();
    if (report.succeeded()) {
      return ExitCodes.OK;
    }
    String outcome = report.outcome() == null ? "" : report.outcome().name();
    List<String> problems = report.problems();
    String why = problems != null && !problems.isEmpty() ? problems.get(0) : missingOrOutcome(report, outcome);
    err.println("avesa: run " + report.workflowId() + " " + outcome + ": " + why);
    err.flush();
    return ExitCodes.RUN_FAILED;
  }

  static void print(RunReport run, PrintWriter out) {
    print(PhaseLayout.of(run), run, out);
  }

  static <R extends RunReport> void print(PhaseLayout<R> layout, RunReport run, PrintWriter out) {
    R report = layout.type().cast(run);
    line(out, "RUN", String.valueOf(run.workflowId()));
    line(out, "OUTCOME", String.valueOf(run.outcome()));
    for (PhaseLayout.Fact<R> fact : layout.facts()) {
      Object value = fact.value().apply(report);
      if (value != null) {
        line(out, label(fact.name()), PhaseRow.text(value));
      }
    }
    Instant started = run.started();
    Instant ended = run.ended();
    if (started != null) {
      line(out, "STARTED", started.toString());
    }
    if (ended != null) {
      line(out, "ENDED", ended + (started == null ? "" : " (" + Durations.format(Duration.between(started, ended)) + ")"));
    }
    for (PhaseLayout.Items<R> items : layout.items()) {
      List<? extends RunItem> list = items.items().apply(report);
      if (list != null) {
        items(out, items.name(), list);
      }
    }
    for (PhaseLayout.Rows<R> rows : layout.rows()) {
      rows(out, rows.name(), rows.lines().apply(report), rows.notice().apply(report));
    }
    rows(out, "warnings", texts(run.warnings()), null);
    rows(out, "problems", texts(run.problems()), null);
  }

  /** Every item and its detail, in two columns; the heading even when there are none. */
  private static void items(PrintWriter out, String name, List<? extends RunItem> items) {
    out.println();
    out.println(label(name) + " (" + items.size() + ")");
    int width = 0;
    for (RunItem item : items) {
      width = Math.max(width, item(item).length());
    }
    for (RunItem item : items) {
      String text = item(item);
      String detail = item == null || item.detail() == null ? "" : item.detail();
      out.println("  " + text + " ".repeat(width - text.length()) + "  " + detail);
    }
  }

  private static String item(RunItem item) {
    return item == null ? "" : String.valueOf(item.item());
  }

  /** A list's lines under its heading (and {@code notice}, when there is one); nothing when there are none. */
  private static void rows(PrintWriter out, String name, List<String> lines, String notice) {
    if (lines == null || lines.isEmpty()) {
      return;
    }
    out.println();
    out.println(label(name) + " (" + lines.size() + ")");
    if (notice != null) {
      out.println("  " + notice);
    }
    for (String line : lines) {
      out.println("  " + line);
    }
  }

  private static List<String> texts(List<String> values) {
    return values == null ? null : values.stream().map(PhaseRow::text).toList();
  }

  /** An infrastructure run names what it did not find; any other run how it ended. */
  private static String missingOrOutcome(RunReport report, String outcome) {
    List<String> missing = report instanceof InfrastructureReport infra ? infra.missing() : null;
    if (missing != null && !missing.isEmpty()) {
      return missing.get(0) + (missing.size() > 1 ? " (and " + (missing.size() - 1) + " more)" : "");
    }
    return "the run ended " + outcome;
  }

  private static void line(PrintWriter out, String label, String value) {
    out.println(pad(label, LABEL) + value);
  }

  /** {@code accountCreated} → {@code ACCOUNT CREATED}. */
  static String label(String field) {
    return field.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
  }
}
