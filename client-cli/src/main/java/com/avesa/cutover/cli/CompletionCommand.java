package com.avesa.cutover.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;

/** {@code avesa completion}: the bash completion script for every command and option. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = "Print a bash (and zsh, after `autoload -U bashcompinit && bashcompinit`) completion script.",
    footer = {"", "Example:", "  source <(avesa completion)        # in ~/.bashrc"})
final class CompletionCommand extends AvesaCommand {
  @Override
  protected int execute() {
    out().print(AutoComplete.bash("avesa", spec.root().commandLine()));
    return ExitCodes.OK;
  }
}
