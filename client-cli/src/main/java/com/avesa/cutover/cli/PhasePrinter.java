package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.gate.ApprovalNotice;
import com.avesa.cutover.workflows.config.ApprovalsConfig;
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
 * place item by item, then its other lists, problems last. Reads the report as JSON, so every
 * report type prints alike and a field added to a report shows up without a change here.
 */
final class PhasePrinter {
  private static final Set<String> FIRST = Set.of("workflowId", "outcome");
  private static final Set<String> SKIPPED = Set.of("config", "started", "ended");
  private static final List<String> ITEM_LISTS = List.of("changed", "unchanged", "compensated");
  private static final List<String> LAST = List.of("warnings", "problems");
  private static final int LABEL = 16;

  private PhasePrinter() {}

  /** Prints {@code report} (as JSON with {@code json}) and returns 0 for SUCCEEDED, else 1 with a line on err. */
  static int printOutcome(Object report, OutputOptions.Format format, PrintWriter out, PrintWriter err) {
    JsonNode tree = Json.tree(report);
    if (format.structured()) {
      out.println(format.render(report));
    } else {
      print(tree, out);
    }
    out.flush();
    String outcome = tree.path("outcome").asText("");
    if (PhaseRuns.SUCCEEDED.equals(outcome)) {
      return ExitCodes.OK;
    }
    JsonNode problems = tree.path("problems");
    String why = problems.isArray() && !problems.isEmpty() ? problems.get(0).asText()
        : missingOrOutcome(tree, outcome);
    err.println("avesa: run " + tree.path("workflowId").asText() + " " + outcome + ": " + why);
    err.flush();
    return ExitCodes.RUN_FAILED;
  }

  static void print(JsonNode report, PrintWriter out) {
    line(out, "RUN", report.path("workflowId").asText());
    line(out, "OUTCOME", report.path("outcome").asText());
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
    Instant started = instant(report.path("started"));
    Instant ended = instant(report.path("ended"));
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
        other(out, name, report.path(name));
      }
    }
    for (String name : LAST) {
      if (lists.contains(name)) {
        other(out, name, report.path(name));
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

  private static void other(PrintWriter out, String name, JsonNode value) {
    if (value.isArray() && value.isEmpty() || value.isObject() && value.isEmpty()) {
      return;
    }
    out.println();
    out.println(label(name) + (value.isArray() ? " (" + value.size() + ")" : ""));
    if ("approvals".equals(name) && unauthenticated(value)) {
      out.println("  " + ApprovalNotice.NOT_AUTHENTICATED);
    }
    Iterable<JsonNode> rows = value.isArray() ? value : List.of(value);
    for (JsonNode row : rows) {
      out.println("  " + (row.isContainerNode() ? compact(row) : row.asText()));
    }
  }

  /** Whether a decision that counted (approved, rejected) was not verified by STS. */
  private static boolean unauthenticated(JsonNode approvals) {
    for (JsonNode a : approvals) {
      String decision = a.path("decision").asText("");
      if ((decision.equals("APPROVED") || decision.equals("REJECTED"))
          && !ApprovalsConfig.AWS_IAM.equals(a.path("identity").asText(null))) {
        return true;
      }
    }
    return false;
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

  private static String missingOrOutcome(JsonNode report, String outcome) {
    JsonNode missing = report.path("missing");
    if (missing.isArray() && !missing.isEmpty()) {
      return missing.get(0).asText() + (missing.size() > 1 ? " (and " + (missing.size() - 1) + " more)" : "");
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

  private static Instant instant(JsonNode node) {
    return node.isTextual() ? Instant.parse(node.asText()) : null;
  }
}
