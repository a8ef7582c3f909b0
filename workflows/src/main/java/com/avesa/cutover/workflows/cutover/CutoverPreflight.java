package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.estate.Side;
import java.util.List;

/**
 * What the preflight found.
 *
 * @param problems one line each, naming the resource and the account; empty when all is well
 * @param dnsSide the account that holds the hosted zone (null when no DNS is configured or it was not found)
 */
public record CutoverPreflight(List<String> problems, Side dnsSide) {
  public CutoverPreflight {
    problems = problems == null ? List.of() : List.copyOf(problems);
  }
}
