package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import java.util.List;

/** EventBridge rules on the default event bus of one side. */
public record RulesRequest(Estate estate, Side side, List<String> names) {
  public RulesRequest {
    names = names == null ? List.of() : List.copyOf(names);
  }
}
