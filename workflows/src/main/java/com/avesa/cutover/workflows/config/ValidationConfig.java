package com.avesa.cutover.workflows.config;

import java.util.List;

/**
 * What the post-cutover validation expects in the target's data lake ({@code validation:}).
 *
 * @param knownPrefixes key prefixes (e.g. {@code raw/legacy-export/}, {@code tmp/}) whose keys are
 *     expected: neither stray keys nor unknown tenants' prefixes, so never a finding
 */
public record ValidationConfig(List<String> knownPrefixes) {
  public ValidationConfig {
    knownPrefixes = knownPrefixes == null ? List.of() : List.copyOf(knownPrefixes);
  }

  /** Nothing known beyond the tenants' own prefixes. */
  public static ValidationConfig none() {
    return new ValidationConfig(List.of());
  }
}
