package com.avesa.cutover.workflows.config;

import java.util.List;

/** Globs on secret names: {@code *} matches within one path segment (never crosses '/'). */
public record SecretFilter(List<String> include) {
  public SecretFilter {
    include = include == null ? List.of() : List.copyOf(include);
  }
}
