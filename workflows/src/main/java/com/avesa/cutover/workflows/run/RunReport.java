package com.avesa.cutover.workflows.run;

import java.time.Instant;
import java.util.List;

/**
 * The shape every run's report has, whatever its kind: which run, what kind, how it ended, when,
 * what it changed and found in place, its problems and warnings. Each report record implements it
 * and keeps its kind's details beside it, typed. A record without one of these fields answers
 * through a default method here or a method of its own marked {@code @JsonIgnore}, so no report's
 * JSON changes. Nothing here carries a Jackson annotation: Jackson merges the annotations of
 * overridden methods, so one here would reach the record components that implement it.
 */
public interface RunReport {
  String workflowId();

  /** The kind of run this reports on. */
  RunKind kind();

  /** How the run ended; RUNNING (where the kind has it) while it goes on; null only in a malformed report. */
  RunOutcome outcome();

  /** When the run started; null when the kind does not record it. */
  default Instant started() {
    return null;
  }

  /** When the run ended; null while it runs or when the kind does not record it. */
  default Instant ended() {
    return null;
  }

  /** What the run changed, in order. */
  default List<? extends RunItem> changed() {
    return List.of();
  }

  /** What the run found already in place. */
  default List<? extends RunItem> unchanged() {
    return List.of();
  }

  /** One line per problem; empty when there were none. */
  default List<String> problems() {
    return List.of();
  }

  /** Findings that do not fail the run. */
  default List<String> warnings() {
    return List.of();
  }

  /** Whether the run did what it was started for (exit code 0 of {@code avesa result}). */
  default boolean succeeded() {
    return outcome() != null && outcome().succeeded();
  }
}
