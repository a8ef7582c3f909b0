package com.avesa.cutover.workflows.migration;

import java.util.List;

/**
 * Names only, never values. {@code toCopy}: missing or different in the other side;
 * {@code problems}: one line per secret that failed or differs.
 */
public record SecretsResult(int matched, int toCopy, int copied, List<String> names, List<String> problems) {
  public SecretsResult {
    names = names == null ? List.of() : List.copyOf(names);
    problems = problems == null ? List.of() : List.copyOf(problems);
  }
}
