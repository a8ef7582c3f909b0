package com.avesa.cutover.worker;

import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * A usage error of {@code avesa-worker} is one line on stderr, {@code avesa-worker[ CMD]: what is
 * wrong (see `avesa-worker[ CMD] --help`)}, and exit code 2; never the whole usage text.
 */
final class UsageErrors {
  private UsageErrors() {}

  /** The picocli parameter exception handler: prints the one line and returns {@link WorkerMain#EXIT_USAGE}. */
  static int handle(ParameterException e, String[] args) {
    CommandLine commandLine = e.getCommandLine();
    String command = commandLine.getCommandSpec().qualifiedName();
    commandLine.getErr().println(command + ": " + describe(e) + " (see `" + command + " --help`)");
    return WorkerMain.EXIT_USAGE;
  }

  /** Refuses an option given with an empty value ({@code --build-id=}). */
  static void requireValue(CommandSpec spec, String option, String value) {
    if (value != null && value.isBlank()) {
      throw new ParameterException(spec.commandLine(), option + " needs a value");
    }
  }

  static String describe(ParameterException e) {
    if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
      return "unknown argument '" + unmatched.getUnmatched().get(0) + "'";
    }
    if (e instanceof MissingParameterException missing && !missing.getMissing().isEmpty()) {
      List<ArgSpec> args = missing.getMissing();
      String names = args.stream().map(UsageErrors::name).collect(Collectors.joining(", "));
      boolean optionsMissing = e.getMessage() != null && e.getMessage().startsWith("Missing required option");
      return optionsMissing ? names + (args.size() == 1 ? " is required" : " are required") : names + " needs a value";
    }
    return e.getMessage();
  }

  private static String name(ArgSpec arg) {
    return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
  }
}
