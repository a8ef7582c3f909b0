package com.avesa.cutover.workflows.run;

/**
 * The counts every run's progress has, in the words of its report: what it changed so far, what it
 * found already in place, and its problems. What a kind counts (objects and items copied, steps
 * done, resources created) is written down where that kind implements {@link RunProgress}.
 */
public record RunCounts(long changed, long unchanged, long problems) {
  /** Nothing counted yet. */
  public static final RunCounts NONE = new RunCounts(0, 0, 0);
}
