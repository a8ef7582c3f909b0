package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.estate.Estate;
import java.time.Instant;
import java.util.List;

/**
 * @param rules the source rules the cutover disabled; their Lambda targets are drained
 * @param since when they were disabled
 */
public record DrainRequest(Estate estate, List<String> rules, Instant since) {
  public DrainRequest {
    rules = rules == null ? List.of() : List.copyOf(rules);
  }
}
