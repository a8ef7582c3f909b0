package com.avesa.cutover.workflows.migration;

import java.util.List;

/**
 * Names only, never values. {@code toCopy}: missing or different in the other side;
 * {@code problems}: one line per secret that failed or differs; {@code extras}: matching names
 * only the other side has (and those deleted).
 */
public record SecretsResult(
    int matched, int toCopy, int copied, List<String> names, List<String> problems, Extras extras) {
  public SecretsResult {
    names = names == null ? List.of() : List.copyOf(names);
    problems = problems == null ? List.of() : List.copyOf(problems);
    extras = Extras.orNone(extras);
  }

  public SecretsResult(int matched, int toCopy, int copied, List<String> names, List<String> problems) {
    this(matched, toCopy, copied, names, problems, Extras.NONE);
  }
}
