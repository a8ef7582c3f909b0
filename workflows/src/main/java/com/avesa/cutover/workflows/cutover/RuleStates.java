package com.avesa.cutover.workflows.cutover;

import java.util.List;

/** The named rules that are ENABLED, and those that are not. */
public record RuleStates(List<String> enabled, List<String> disabled) {
  public RuleStates {
    enabled = enabled == null ? List.of() : List.copyOf(enabled);
    disabled = disabled == null ? List.of() : List.copyOf(disabled);
  }
}
