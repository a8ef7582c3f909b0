package com.avesa.cutover.workflows.migration;

import java.util.List;

/** Matching secret names (never values), how many differed and how many were copied. */
public record SecretReport(List<String> include, int matched, int toCopy, int copied, List<String> names) {
  public SecretReport {
    include = include == null ? List.of() : List.copyOf(include);
    names = names == null ? List.of() : List.copyOf(names);
  }
}
