package com.avesa.cutover.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Prints the samples of a run as it goes, one of four ways: {@link Mode#LIVE} redraws the view's
 * block in place (a terminal), {@link Mode#LINES} prints one line per milestone (a pipe or a log),
 * {@link Mode#JSONL} one JSON object per changed sample, {@link Mode#QUIET} nothing ({@code -o json}
 * waits for the one report). Every mode but QUIET and JSONL closes with the view's summary.
 */
final class ProgressPrinter<P> {
  /** How the samples reach the reader. */
  enum Mode {
    LIVE,
    LINES,
    JSONL,
    QUIET;

    /** The mode for {@code format} on a terminal or not. */
    static Mode of(OutputOptions.Format format, boolean terminal) {
      return switch (format) {
        case table -> terminal ? LIVE : LINES;
        case jsonl -> JSONL;
        case json -> QUIET;
      };
    }
  }

  private static final int TIME_WIDTH = 9;
  private static final int DEFAULT_COLUMNS = 80;

  private final ProgressView<P> view;
  private final Mode mode;
  private final PrintWriter out;
  private final int columns;
  private int linesDrawn;
  private String lastMilestone;
  private String lastJson;

  ProgressPrinter(ProgressView<P> view, Mode mode, PrintWriter out) {
    this(view, mode, out, columns(System.getenv("COLUMNS")));
  }

  /** A printer whose live view cuts lines to {@code columns} characters. */
  ProgressPrinter(ProgressView<P> view, Mode mode, PrintWriter out, int columns) {
    this.view = view;
    this.mode = mode;
    this.out = out;
    this.columns = columns;
  }

  /** Shows {@code status}, sampled at {@code now}, if this mode shows it. */
  void accept(RunStatus<P> status, Instant now) {
    switch (mode) {
      case LIVE -> redraw(view.block(status, now));
      case LINES -> {
        String milestone = view.milestone(status);
        if (!Objects.equals(milestone, lastMilestone)) {
          lastMilestone = milestone;
          String time = ProgressView.elapsed(status, now);
          out.println(time + " ".repeat(Math.max(1, TIME_WIDTH - time.length())) + view.line(status, now));
        }
      }
      case JSONL -> {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event", "progress");
        event.put("workflowId", status.workflowId());
        event.put("runId", status.runId());
        event.put("status", status.status());
        event.put("progress", status.progress());
        String json = Json.line(event);
        if (!json.equals(lastJson)) {
          lastJson = json;
          event.put("at", now);
          out.println(Json.line(event));
        }
      }
      case QUIET -> { }
    }
    out.flush();
  }

  /** Closes the run's progress with the summary line (LIVE and LINES). */
  void finish(RunStatus<P> last, Instant now) {
    if (mode == Mode.LIVE || mode == Mode.LINES) {
      out.println(view.summary(last, now));
      out.flush();
    }
  }

  private void redraw(List<String> lines) {
    if (linesDrawn > 0) {
      // Up to the first line of the previous block, then clear to the end of the screen.
      out.print("\u001b[" + linesDrawn + "F\u001b[J");
    }
    // A line the terminal wraps would take two rows and throw the next redraw off by one.
    lines.forEach(line -> out.println(line.length() < columns ? line : line.substring(0, columns - 2) + "…"));
    linesDrawn = lines.size();
  }

  /** The terminal's width from {@code COLUMNS} when the shell exports it, else 80. */
  static int columns(String value) {
    try {
      int columns = Integer.parseInt(value == null ? "" : value.strip());
      return columns >= 20 ? columns : DEFAULT_COLUMNS;
    } catch (NumberFormatException notSet) {
      return DEFAULT_COLUMNS;
    }
  }
}
