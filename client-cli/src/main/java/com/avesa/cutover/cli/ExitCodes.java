package com.avesa.cutover.cli;

/** The exit codes of every {@code avesa} command. */
public final class ExitCodes {
  /** The command did what was asked (a run completed and, unless PLAN, verified). */
  public static final int OK = 0;
  /** The run failed, did not verify, or could not be started. */
  public static final int RUN_FAILED = 1;
  /** Invalid command line or configuration file; nothing was started. */
  public static final int USAGE = 2;
  /** The Temporal server could not be reached. */
  public static final int UNREACHABLE = 3;

  private ExitCodes() {}
}
