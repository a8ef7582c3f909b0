package com.avesa.cutover.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How a command prints its answer: {@code -o table} (the default), {@code -o json} (one pretty
 * document) or {@code -o jsonl} (compact JSON, one object per line: one per row of a list, and
 * with {@code --wait} one per progress change, then the report); {@code --json} is the same as
 * {@code -o json}.
 */
final class OutputOptions {
  /** The formats {@code --output} accepts. */
  enum Format {
    table,
    json,
    jsonl;

    /** Whether this is one of the JSON formats. */
    boolean structured() {
      return this != table;
    }

    /** {@code value} as this format's JSON: pretty for json, one line for jsonl. */
    String render(Object value) {
      return this == jsonl ? Json.line(value) : Json.write(value);
    }

    /**
     * What a command that started a run prints without {@code --wait}: the workflow id alone
     * (table), or {@code {"workflowId": "…"}} (json, jsonl).
     */
    String started(String workflowId) {
      return structured() ? Json.workflowId(workflowId) : workflowId;
    }

    /** A list: one document (json), or one line per element (jsonl). */
    void printAll(List<?> values, PrintWriter out) {
      if (this == jsonl) {
        values.forEach(value -> out.println(Json.line(value)));
      } else {
        out.println(Json.write(values));
      }
    }
  }

  @Option(names = "--json", description = "Same as -o json.")
  boolean json;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
      description = "table, json or jsonl (default: ${DEFAULT-VALUE}).")
  Format output;

  /** The format asked for: --json is json, unless -o jsonl asks for JSON lines. */
  Format format() {
    return json && output == Format.table ? Format.json : output;
  }

  /** True when the answer is JSON (json or jsonl). */
  boolean json() {
    return format().structured();
  }
}
