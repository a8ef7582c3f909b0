package com.avesa.cutover.workflows.migration;

import java.util.List;

/**
 * Matching secret names (never values), how many differed and how many were copied, and the
 * matching names only the written side has.
 */
public record SecretReport(
    List<String> include, int matched, int toCopy, int copied, List<String> names, Extras extras) {
  public SecretReport {
    include = include == null ? List.of() : List.copyOf(include);
    names = names == null ? List.of() : List.copyOf(names);
    extras = Extras.orNone(extras);
  }

  public SecretReport(List<String> include, int matched, int toCopy, int copied, List<String> names) {
    this(include, matched, toCopy, copied, names, Extras.NONE);
  }
}
