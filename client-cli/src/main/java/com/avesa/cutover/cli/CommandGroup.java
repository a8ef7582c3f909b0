package com.avesa.cutover.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * A command that only groups subcommands ({@code avesa account}, {@code infra}, {@code tenant},
 * {@code service}): on its own it is a usage error naming the subcommands.
 */
abstract class CommandGroup implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a subcommand is required: " + String.join(", ", spec.subcommands().keySet().stream()
            .filter(name -> !"help".equals(name)).toList()));
  }
}
