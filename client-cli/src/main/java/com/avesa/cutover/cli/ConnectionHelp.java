package com.avesa.cutover.cli;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/**
 * Lists the options of {@link TemporalOptions} (address, namespace, TLS, API key, identity) in a
 * help section of their own, headed "Connection:", after the command's other options.
 */
final class ConnectionHelp {
  static final String HEADING = "connectionHeading";
  static final String LIST = "connectionList";

  private ConnectionHelp() {}

  /** Installs the section on {@code commandLine} and every subcommand that connects. */
  static CommandLine apply(CommandLine commandLine) {
    install(commandLine);
    commandLine.getSubcommands().values().forEach(ConnectionHelp::apply);
    return commandLine;
  }

  private static void install(CommandLine commandLine) {
    List<OptionSpec> options = commandLine.getCommandSpec().options();
    List<OptionSpec> connection = options.stream().filter(ConnectionHelp::isConnection).toList();
    if (connection.isEmpty()) {
      return;
    }
    List<OptionSpec> others = options.stream().filter(o -> !isConnection(o)).toList();
    commandLine.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST,
        help -> list(help, others));
    commandLine.getHelpSectionMap().put(HEADING, help -> help.createHeading("%nConnection:%n"));
    commandLine.getHelpSectionMap().put(LIST, help -> list(help, connection));
    List<String> keys = new ArrayList<>(commandLine.getHelpSectionKeys());
    int after = keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST) + 1;
    keys.addAll(after, List.of(HEADING, LIST));
    commandLine.setHelpSectionKeys(keys);
  }

  private static String list(Help help, List<OptionSpec> options) {
    return help.optionListExcludingGroups(options.stream().filter(o -> !o.hidden()).toList(),
        help.createDefaultLayout(), help.createDefaultOptionSort(), help.createDefaultParamLabelRenderer());
  }

  private static boolean isConnection(OptionSpec option) {
    return option.userObject() instanceof Field field && field.getDeclaringClass() == TemporalOptions.class;
  }
}
