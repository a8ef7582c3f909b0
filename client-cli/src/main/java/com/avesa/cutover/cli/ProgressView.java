package com.avesa.cutover.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How one kind of run shows its progress ({@code P} is its progress query's answer): the table
 * {@code avesa status} prints once, the block a terminal redraws, the milestone whose change is worth a line elsewhere, that line, and the line
 * that closes a run that ended.
 */
interface ProgressView<P> {
  /** What {@code avesa status} prints of the run at {@code now}: its state, then its progress. */
  void table(RunStatus<P> status, Instant now, PrintWriter out);

  /** The lines a terminal redraws at {@code now}. */
  List<String> block(RunStatus<P> status, Instant now);

  /** What changes only when a line is worth printing (phase, pending gate, step); equal samples print nothing. */
  String milestone(RunStatus<P> status);

  /** The line printed when the milestone changed, without the time prefix. */
  String line(RunStatus<P> status, Instant now);

  /** {@code run ID ended: STATUS after DURATION} and what the run did, once it ended. */
  String summary(RunStatus<P> status, Instant now);

  /** Time from the run's start to its close (or to {@code now} while open), as {@link Durations} writes it. */
  static String elapsed(RunStatus<?> status, Instant now) {
    if (status.startTime() == null) {
      return "?";
    }
    Instant end = status.closeTime() != null ? status.closeTime() : now;
    return Durations.format(Duration.between(status.startTime(), end));
  }
}
