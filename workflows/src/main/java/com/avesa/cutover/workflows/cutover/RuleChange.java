package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import java.util.List;

/** Enable ({@code enabled} true) or disable these rules on one side. */
public record RuleChange(Estate estate, Side side, List<String> names, boolean enabled) {
  public RuleChange {
    names = names == null ? List.of() : List.copyOf(names);
  }
}
