package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares CLI output with {@code src/test/resources/snapshots/NAME} after replacing what changes
 * from run to run (run ids, times, history lengths) with same-width placeholders, so tables stay
 * aligned. A missing snapshot is written and the test
 * fails, so a new snapshot is always looked at before it is trusted.
 */
final class Snapshots {
  private static final Path DIR = Path.of("src", "test", "resources", "snapshots");

  private Snapshots() {}

  static String normalise(String output) {
    return output
        .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "00000000-0000-0000-0000-000000000000")
        .replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z", "YYYY-MM-DDThh:mm:ssZ")
        .replaceAll("(\"historyLength\" ?: ?)\\d+", "$1<N>")
        .replaceAll("(history +)\\d+( events)", "$1<N>$2");
  }

  static void assertMatches(String name, String output) {
    assertExactly(name, normalise(output));
  }

  /** Like {@link #assertMatches} but with nothing replaced: for output made from fixed inputs, times to the nanosecond. */
  static void assertExactly(String name, String actual) {
    Path file = DIR.resolve(name);
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(DIR);
        Files.writeString(file, actual);
        fail("wrote the missing snapshot " + file + "; check it and run again");
      }
      assertThat(actual).as("snapshot " + file).isEqualTo(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
