package com.avesa.cutover.workflows.config;

import java.util.List;

/**
 * The configuration file cannot be used: it is missing, unreadable, not YAML, or breaks one or
 * more rules. {@link #problems()} lists every problem as {@code path: what is wrong}; the message
 * prefixes each with the file name, one per line, ready to print.
 */
public final class ConfigException extends Exception {
  private final String sourceName;
  private final List<String> problems;

  public ConfigException(String sourceName, List<String> problems) {
    super(render(sourceName, problems));
    this.sourceName = sourceName;
    this.problems = List.copyOf(problems);
  }

  public ConfigException(String sourceName, String problem, Throwable cause) {
    super(render(sourceName, List.of(problem)), cause);
    this.sourceName = sourceName;
    this.problems = List.of(problem);
  }

  /** The file (or other source) the configuration came from. */
  public String sourceName() {
    return sourceName;
  }

  /** Every problem found, each {@code path: what is wrong}, in file order. */
  public List<String> problems() {
    return problems;
  }

  /** One line per problem, each starting with the source name. */
  public List<String> lines() {
    return problems.stream().map(p -> sourceName + ": " + p).toList();
  }

  private static String render(String sourceName, List<String> problems) {
    return String.join("\n", problems.stream().map(p -> sourceName + ": " + p).toList());
  }
}
