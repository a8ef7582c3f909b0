package com.avesa.cutover.workflows;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;

/**
 * Time arithmetic for workflow code that never throws: durations from a workflow's input are capped
 * at config load, but a run started another way (the UI, an older client) may carry any value, and
 * {@link Instant#plus} of a huge duration throws, which would fail the workflow task for ever.
 */
public final class Deadlines {
  /** The longest wait a workflow is ever given; far below what a timer or {@link Instant} can hold. */
  public static final Duration LONGEST = Duration.ofDays(36_500);

  private Deadlines() {}

  /** {@code d}, at most {@link #LONGEST}; null stays null. */
  public static Duration capped(Duration d) {
    return d == null || d.compareTo(LONGEST) <= 0 ? d : LONGEST;
  }

  /** {@code at + d}, or the far end of time when that is past it. */
  public static Instant plus(Instant at, Duration d) {
    try {
      return at.plus(d);
    } catch (DateTimeException | ArithmeticException beyond) {
      return d.isNegative() ? Instant.MIN : Instant.MAX;
    }
  }

  /** From {@code now} until {@code deadline}: zero when it has passed, at most {@link #LONGEST}. */
  public static Duration until(Instant now, Instant deadline) {
    Duration left = Duration.between(now, deadline);
    return left.isNegative() ? Duration.ZERO : capped(left);
  }
}
