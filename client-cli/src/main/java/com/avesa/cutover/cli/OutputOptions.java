package com.avesa.cutover.cli;

import picocli.CommandLine.Option;

/**
 * How a command prints its answer: {@code --output table} (the default) or {@code --output json};
 * {@code --json} is the short form of the latter.
 */
final class OutputOptions {
  /** The formats {@code --output} accepts. */
  enum Format { table, json }

  @Option(names = "--json", description = "Print JSON instead of a table (same as --output json).")
  boolean json;

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  Format output;

  /** True when either option asks for JSON. */
  boolean json() {
    return json || output == Format.json;
  }
}
