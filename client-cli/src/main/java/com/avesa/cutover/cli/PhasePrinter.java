package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.gate.ApprovalNotice;
import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.avesa.cutover.workflows.decommission.DecommissionReport;
import com.avesa.cutover.workflows.infra.InfrastructureReport;
import com.avesa.cutover.workflows.isolation.IsolationReport;
import com.avesa.cutover.workflows.run.RunReport;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Prints the report of a runbook phase run (account setup, infrastructure, smoke test,
 * validation, decommission, isolation): its facts, then what it changed and what it found in
 * place item by item, then its other lists, problems last. What every report has (run, outcome,
 * times, problems, whether it succeeded) is read through {@link RunReport}; the kind's own details
 * are laid out from the record's JSON, so every kind prints alike and a field added to a report
 * shows up without a change here.
 */
final class PhasePrinter {
  private static final Set<String> FIRST = Set.of("workflowId", "outcome");
  private static final Set<String> SKIPPED = Set.of("config", "started", "ended");
  private static final List<String> ITEM_LISTS = List.of("changed", "unchanged", "compensated");
  private static final List<String> LAST = List.of("warnings", "problems");
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
    JsonNode report = Json.tree(run);
    line(out, "RUN", String.valueOf(run.workflowId()));
    line(out, "OUTCOME", String.valueOf(run.outcome()));
    List<String> lists = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = report.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (FIRST.contains(name) || SKIPPED.contains(name) || value.isNull()) {
        continue;
      }
      if (value.isContainerNode()) {
        lists.add(name);
      } else {
        line(out, label(name), value.asText());
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
    for (String name : ITEM_LISTS) {
      if (lists.remove(name)) {
        items(out, name, report.path(name));
      }
    }
    for (String name : lists) {
      if (!LAST.contains(name)) {
        other(out, name, report.path(name), approvals(run));
      }
    }
    for (String name : LAST) {
      if (lists.contains(name)) {
        other(out, name, report.path(name), approvals(run));
      }
    }
  }

  private static void items(PrintWriter out, String name, JsonNode items) {
    out.println();
    out.println(label(name) + " (" + items.size() + ")");
    int width = 0;
    for (JsonNode item : items) {
      width = Math.max(width, item.path("item").asText().length());
    }
    for (JsonNode item : items) {
      String text = item.path("item").asText();
      out.println("  " + text + " ".repeat(width - text.length()) + "  " + item.path("detail").asText(""));
    }
  }

  private static void other(PrintWriter out, String name, JsonNode value, List<ApprovalRecord> approvals) {
    if (value.isArray() && value.isEmpty() || value.isObject() && value.isEmpty()) {
      return;
    }
    out.println();
    out.println(label(name) + (value.isArray() ? " (" + value.size() + ")" : ""));
    if ("approvals".equals(name) && ApprovalNotice.of(approvals) != null) {
      out.println("  " + ApprovalNotice.NOT_AUTHENTICATED);
    }
    Iterable<JsonNode> rows = value.isArray() ? value : List.of(value);
    for (JsonNode row : rows) {
      out.println("  " + (row.isContainerNode() ? compact(row) : row.asText()));
    }
  }

  /** The gate decisions of the kinds that have gates (decommission, isolation); none for the others. */
  private static List<ApprovalRecord> approvals(RunReport report) {
    List<ApprovalRecord> approvals = report instanceof DecommissionReport d ? d.approvals()
        : report instanceof IsolationReport i ? i.approvals() : null;
    return approvals == null ? List.of() : approvals;
  }

  /** {@code key=value key=value} of an object's scalar fields; lists as their sizes. */
  private static String compact(JsonNode row) {
    List<String> parts = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = row.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      if (value.isNull()) {
        continue;
      }
      if (value.isArray()) {
        if (!value.isEmpty()) {
          parts.add(field.getKey() + "=" + (value.get(0).isContainerNode() ? value.size() + " item(s)"
              : String.join("; ", texts(value))));
        }
      } else if (value.isObject()) {
        parts.add(field.getKey() + "={" + compact(value) + "}");
      } else {
        parts.add(field.getKey() + "=" + value.asText());
      }
    }
    return String.join("  ", parts);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
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
