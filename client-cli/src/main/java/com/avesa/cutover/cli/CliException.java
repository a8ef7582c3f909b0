package com.avesa.cutover.cli;

import java.util.List;

/** Ends a command with an exit code and the lines to print on stderr (no stack trace). */
final class CliException extends RuntimeException {
  private final int exitCode;
  private final List<String> lines;

  CliException(int exitCode, List<String> lines) {
    super(String.join("\n", lines));
    this.exitCode = exitCode;
    this.lines = List.copyOf(lines);
  }

  CliException(int exitCode, String line) {
    this(exitCode, List.of(line));
  }

  int exitCode() {
    return exitCode;
  }

  List<String> lines() {
    return lines;
  }
}
