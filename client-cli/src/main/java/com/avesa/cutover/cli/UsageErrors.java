package com.avesa.cutover.cli;

import java.io.PrintWriter;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * A usage error (unknown option, missing or bad value) prints one line naming it, and a second
 * line pointing at the command's help, never the whole help; the exit code is 2.
 */
final class UsageErrors implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println(line(e));
    err.println("see `" + command.getCommandSpec().qualifiedName() + " --help`");
    err.flush();
    return ExitCodes.USAGE;
  }

  /** {@code avesa CMD: MESSAGE}, with picocli's suggestion for a mistyped option when it has one. */
  static String line(ParameterException e) {
    String message = e.getMessage() == null ? "invalid usage" : e.getMessage().strip().replaceAll("\\s*\\R\\s*", " ");
    if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
      message += " (did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?)";
    }
    return e.getCommandLine().getCommandSpec().qualifiedName() + ": " + message;
  }
}
