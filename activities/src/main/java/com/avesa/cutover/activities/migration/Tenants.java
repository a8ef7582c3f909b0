package com.avesa.cutover.activities.migration;

import java.util.Optional;

/** The tenant an object belongs to: the path segment right after a leading raw/ or canonical/. */
public final class Tenants {
  private static final String[] ROOTS = {"raw/", "canonical/"};

  private Tenants() {}

  static Optional<String> of(String key) {
    for (String root : ROOTS) {
      if (key.startsWith(root)) {
        int end = key.indexOf('/', root.length());
        if (end > root.length()) {
          return Optional.of(key.substring(root.length(), end));
        }
      }
    }
    return Optional.empty();
  }
}
