package com.avesa.cutover.activities.infra;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The last lines of a command's output, at most {@code maxLines} lines and {@code maxBytes} bytes
 * of UTF-8 (a longer line keeps its end). Written by the reading thread, read by the heartbeating
 * one.
 */
final class OutputTail {
  private final int maxLines;
  private final int maxBytes;
  private final Deque<String> lines = new ArrayDeque<>();
  private int bytes;

  OutputTail(int maxLines, int maxBytes) {
    this.maxLines = maxLines;
    this.maxBytes = maxBytes;
  }

  synchronized void add(String line) {
    String kept = line.length() > maxBytes ? line.substring(line.length() - maxBytes) : line;
    lines.addLast(kept);
    bytes += size(kept);
    while (lines.size() > maxLines || (bytes > maxBytes && lines.size() > 1)) {
      bytes -= size(lines.removeFirst());
    }
  }

  /** The last line written, or empty before the first. */
  synchronized String lastLine() {
    return lines.isEmpty() ? "" : lines.getLast();
  }

  synchronized String text() {
    return String.join("\n", lines);
  }

  private static int size(String line) {
    return line.getBytes(StandardCharsets.UTF_8).length + 1;
  }
}
