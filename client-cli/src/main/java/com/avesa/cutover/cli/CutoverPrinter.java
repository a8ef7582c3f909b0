package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.gate.ApprovalNotice;
import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.avesa.cutover.workflows.run.RunKind;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints a {@link CutoverReport} (of a cutover or of a rollback) as JSON or as a table a person
 * can read: outcome, phase, pending gate, window, then approvals, steps, compensations and what a
 * failed rollback left to do.
 */
final class CutoverPrinter {
  private CutoverPrinter() {}

  static void print(CutoverReport report, OutputOptions.Format format, PrintWriter out) {
    if (format.structured()) {
      out.println(format.render(report));
    } else {
      printTable(report, out);
    }
    out.flush();
  }

  /**
   * Prints the report and, when the run did not succeed, one line on {@code err} saying how it
   * ended. Returns the exit code.
   */
  static int printOutcome(CutoverReport report, OutputOptions.Format format, PrintWriter out, PrintWriter err) {
    print(report, format, out);
    int code = exitCode(report);
    if (code != ExitCodes.OK) {
      err.println("avesa: " + kind(report) + " " + report.workflowId() + " ended " + report.outcome()
          + (report.reason() == null ? "" : ": " + report.reason()));
      err.flush();
    }
    return code;
  }

  /** 0 when a cutover went live (a rollback: when it undid everything); 1 otherwise. */
  static int exitCode(CutoverReport report) {
    return report.succeeded() ? ExitCodes.OK : ExitCodes.RUN_FAILED;
  }

  /** {@code avesa status} of a cutover or rollback: the run's state, then its report. */
  static void printStatus(RunStatus<CutoverReport> status, PrintWriter out) {
    StatusCommand.printRunState(status, out);
    if (status.progress() == null) {
      out.println("  progress unavailable (no worker answered the query)");
      return;
    }
    out.println();
    printTable(status.progress(), out);
  }

  static void printTable(CutoverReport report, PrintWriter out) {
    out.printf("%s %s: %s%n", kind(report).toUpperCase(Locale.ROOT), report.workflowId(), report.outcome());
    field(out, "name", report.name());
    field(out, "requested by", report.requestedBy());
    String step = CutoverProgressView.step(report);
    field(out, "phase", report.phase() + (step.isEmpty() ? "" : ": " + step));
    if (report.pendingGate() != null) {
      field(out, "pending gate", pendingGate(report));
    }
    field(out, "window", window(report));
    field(out, "reason", report.reason());
    field(out, "final sync", report.finalSyncId());
    field(out, "reverse sync", report.reverseSyncId());
    field(out, "ingestion", report.ingestionPause() == null ? null : report.ingestionPause().describe());
    if (!report.approvals().isEmpty()) {
      out.println();
      out.println("APPROVALS");
      String notice = report.config() == null ? ApprovalNotice.of(report.approvals())
          : ApprovalNotice.of(report.config().approvals());
      if (notice != null) {
        out.println(notice);
      }
      List<List<String>> rows = new ArrayList<>();
      for (ApprovalRecord a : report.approvals()) {
        rows.add(List.of(dash(a.gate()), dash(a.approver()), String.valueOf(a.decision()), time(a.at()),
            dash(a.reason()) + (a.note() == null ? "" : " (" + a.note() + ")")));
      }
      table(out, List.of("GATE", "WHO", "DECISION", "WHEN", "WHY"), rows);
    }
    if (!report.steps().isEmpty()) {
      out.println();
      out.println("STEPS");
      table(out, List.of("NAME", "STATUS", "DETAIL"), report.steps().stream()
          .map(s -> List.of(String.valueOf(s.name()), String.valueOf(s.status()), dash(s.detail()))).toList());
    }
    if (!report.compensations().isEmpty()) {
      out.println();
      out.println("COMPENSATIONS");
      table(out, List.of("NAME", "UNDOES", "STATUS", "DETAIL"), report.compensations().stream()
          .map(c -> List.of(c.name(), c.undoes() == null ? "-" : c.undoes().wireName(), String.valueOf(c.status()),
              dash(c.detail()))).toList());
    }
    if (!report.remaining().isEmpty()) {
      out.println();
      out.println("REMAINING (still to undo)");
      report.remaining().forEach(r -> out.println("  - " + r));
    }
    out.println();
    out.println(verdict(report));
  }

  /** The last line of the table: what the outcome means. */
  static String verdict(CutoverReport report) {
    if (report.outcome() == null) {
      return "UNKNOWN: the run reported no outcome";
    }
    return switch (report.outcome()) {
      case RUNNING -> "RUNNING: not finished yet";
      case CUT_OVER -> "CUT OVER: the target is live";
      case ROLLED_BACK -> "ROLLED BACK: every change was undone";
      case ROLLBACK_INCOMPLETE -> "ROLLBACK INCOMPLETE: see REMAINING; finish it with `avesa rollback --after "
          + report.workflowId() + " --reason TEXT`";
      case REJECTED -> "REJECTED: nothing was changed";
      case EXPIRED -> "EXPIRED: no approval in time; nothing was changed";
      case PREFLIGHT_FAILED -> "PREFLIGHT FAILED: nothing was changed";
    };
  }

  /** {@code cutover (1 more approval needed)}. */
  static String pendingGate(CutoverReport report) {
    int needed = report.approvalsNeeded();
    return report.pendingGate() + " (" + needed + " more approval" + (needed == 1 ? "" : "s") + " needed)";
  }

  private static String window(CutoverReport report) {
    if (report.windowStart() == null) {
      return "not approved yet";
    }
    return time(report.windowStart()) + " → " + (report.windowEnd() == null ? "?" : time(report.windowEnd()));
  }

  private static String kind(CutoverReport report) {
    return report.kind() == RunKind.ROLLBACK ? "rollback" : "cutover";
  }

  private static void field(PrintWriter out, String name, String value) {
    if (value != null) {
      out.printf("  %-13s %s%n", name, value);
    }
  }

  /** Columns as wide as their widest cell; the last one is not padded. */
  private static void table(PrintWriter out, List<String> header, List<List<String>> rows) {
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = header.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    for (List<String> row : all) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
      }
      out.println(line.toString().stripTrailing());
    }
  }

  static String time(Instant instant) {
    return instant == null ? "-" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static String dash(String value) {
    return value == null || value.isBlank() ? "-" : value;
  }
}
