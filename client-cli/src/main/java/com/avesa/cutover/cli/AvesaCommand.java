package com.avesa.cutover.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every subcommand: runs {@link #execute()} and turns a {@link CliException} into its
 * lines on stderr and its exit code.
 */
abstract class AvesaCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public final Integer call() throws Exception {
    try {
      return execute();
    } catch (CliException e) {
      e.lines().forEach(err()::println);
      err().flush();
      return e.exitCode();
    } finally {
      out().flush();
    }
  }

  /** Does the command's work; returns the exit code. */
  protected abstract int execute() throws Exception;

  protected PrintWriter out() {
    return spec.commandLine().getOut();
  }

  protected PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
