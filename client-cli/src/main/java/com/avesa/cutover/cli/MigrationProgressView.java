package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.migration.MigrationProgress;
import com.avesa.cutover.workflows.migration.Mode;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The progress of a data migration, counted as rclone counts: of the objects listed so far, how
 * many were copied, found identical (checked) or failed, so a finished run reads 100%; then the
 * objects verified. The rate is measured from the first sample of the current phase: objects
 * (and bytes) done per second while listing and copying, objects verified per second while
 * verifying, where the total is known and so is the time left.
 */
final class MigrationProgressView implements ProgressView<MigrationProgress> {
  private static final int BAR_WIDTH = 30;
  private static final Set<String> WITHOUT_RATE = Set.of("PREFLIGHT", "ENSURE", "DONE", "FAILED");
  private static final Set<String> LISTED = Set.of("VERIFY", "DONE", "FAILED");

  private String ratePhase;
  private Instant rateSince;
  private long rateFrom;
  private long rateBytesFrom;

  @Override
  public void table(RunStatus<MigrationProgress> status, Instant now, PrintWriter out) {
    StatusCommand.printRunState(status, out);
    MigrationProgress progress = status.progress();
    if (progress == null) {
      out.println("  progress unavailable (no worker answered the query)");
      return;
    }
    out.printf("  %s %s: %s%n", progress.mode(), progress.phase(), progress.step());
    out.printf("  objects  %d listed: %d copied, %d checked, %d failed, %d verified%n", progress.objects(),
        progress.objectsCopied(), progress.objectsChecked(), progress.objectsFailed(), progress.objectsVerified());
    out.printf("  bytes    %s listed, %s copied%n",
        ReportPrinter.bytes(progress.bytes()), ReportPrinter.bytes(progress.bytesCopied()));
    out.printf("  items    %d listed: %d copied, %d checked%n", progress.items(), progress.itemsCopied(),
        Math.max(0, progress.items() - progress.itemsCopied()));
    out.printf("  secrets  %d copied%n", progress.secretsCopied());
    if (progress.extras() > 0) {
      out.printf("  extras   %d only in the side written to (not a failure; `avesa result` lists them)%n",
          progress.extras());
    }
    out.printf("  pages %d, problems %d, runs %d%n", progress.pages(), progress.problems(), progress.runs());
  }

  @Override
  public List<String> block(RunStatus<MigrationProgress> status, Instant now) {
    List<String> lines = new ArrayList<>();
    MigrationProgress p = status.progress();
    lines.add(headline(status));
    if (p == null) {
      lines.add("  progress unavailable (no worker answered the query)");
      return lines;
    }
    boolean plan = p.mode() == Mode.PLAN;
    if (plan) {
      lines.add(String.format(Locale.ROOT, "  objects  %d listed", p.objects()));
      lines.add("  bytes    " + ReportPrinter.bytes(p.bytes()) + " listed");
      lines.add(String.format(Locale.ROOT, "  items    %d listed", p.items()));
    } else {
      String split = String.format(Locale.ROOT, "%d copied, %d checked, %d failed",
          p.objectsCopied(), p.objectsChecked(), p.objectsFailed());
      if (listed(p)) {
        lines.add("  objects  " + bar(done(p), p.objects()) + " done");
        lines.add("           " + split);
      } else {
        lines.add("  objects  " + p.objects() + " listed: " + split);
      }
      lines.add("  bytes    " + ReportPrinter.bytes(p.bytesCopied()) + " copied of "
          + ReportPrinter.bytes(p.bytes()) + " listed");
      lines.add(String.format(Locale.ROOT, "  items    %d listed: %d copied, %d checked", p.items(), p.itemsCopied(),
          Math.max(0, p.items() - p.itemsCopied())));
      if (verifying(p)) {
        lines.add("  verified " + bar(p.objectsVerified(), p.objects()));
      }
    }
    String rate = rate(p, now);
    if (rate != null) {
      lines.add("  rate     " + rate);
    }
    lines.add(String.format(Locale.ROOT, "  secrets %d copied, pages %d, problems %d, runs %d",
        p.secretsCopied(), p.pages(), p.problems(), p.runs()));
    return lines;
  }

  @Override
  public String milestone(RunStatus<MigrationProgress> status) {
    return status.status() + "|" + (status.progress() == null ? "" : status.progress().phase());
  }

  @Override
  public String line(RunStatus<MigrationProgress> status, Instant now) {
    MigrationProgress p = status.progress();
    if (p == null) {
      return status.status() + "  progress unavailable (no worker answered the query)";
    }
    String text = String.format("%-9s %s", p.phase(), p.step() == null ? "" : p.step()).stripTrailing();
    return RunStatus.RUNNING.equals(status.status()) ? text : text + "  (run " + status.status() + ")";
  }

  @Override
  public String summary(RunStatus<MigrationProgress> status, Instant now) {
    String head = "run " + status.workflowId() + " ended: " + status.status() + " after "
        + ProgressView.elapsed(status, now);
    MigrationProgress p = status.progress();
    if (p == null) {
      return head;
    }
    if (p.mode() == Mode.PLAN) {
      return head + String.format(Locale.ROOT, " — %d objects (%s) listed, %d items listed", p.objects(),
          ReportPrinter.bytes(p.bytes()), p.items());
    }
    return head + String.format(Locale.ROOT,
        " — objects %d: %d copied, %d checked, %d failed, %d verified; %s copied; items %d: %d copied, %d checked; "
            + "secrets %d copied; problems %d",
        p.objects(), p.objectsCopied(), p.objectsChecked(), p.objectsFailed(), p.objectsVerified(),
        ReportPrinter.bytes(p.bytesCopied()), p.items(), p.itemsCopied(), Math.max(0, p.items() - p.itemsCopied()),
        p.secretsCopied(), p.problems());
  }

  /** {@code ID  MODE PHASE: step} (the phase once when it is the mode), and the run's state once it is no longer running. */
  private static String headline(RunStatus<MigrationProgress> status) {
    MigrationProgress p = status.progress();
    if (p == null) {
      return status.workflowId() + "  " + status.status();
    }
    String step = p.step() == null || p.step().isBlank() ? "" : ": " + p.step();
    String phase = String.valueOf(p.mode()).equals(p.phase()) ? "" : " " + p.phase();
    String head = status.workflowId() + "  " + p.mode() + phase + step;
    return RunStatus.RUNNING.equals(status.status()) ? head : head + "  (run " + status.status() + ")";
  }

  /** Objects handled: copied, found identical, or failed. */
  private static long done(MigrationProgress p) {
    return p.objectsCopied() + p.objectsChecked() + p.objectsFailed();
  }

  /** Whether every object is listed, so the objects done have a known total. */
  private static boolean listed(MigrationProgress p) {
    return LISTED.contains(p.phase());
  }

  private static boolean verifying(MigrationProgress p) {
    return p.mode().writes() && (p.objectsVerified() > 0 || "VERIFY".equals(p.phase()));
  }

  /**
   * Per second since the first sample of this phase: objects verified while verifying (with the
   * time left, the total being known), else objects listed (plan) or done, and bytes.
   */
  private String rate(MigrationProgress p, Instant now) {
    if (WITHOUT_RATE.contains(p.phase())) {
      return null;
    }
    boolean verify = "VERIFY".equals(p.phase());
    long amount = verify ? p.objectsVerified() : p.mode() == Mode.PLAN ? p.objects() : done(p);
    long bytes = verify ? 0 : p.mode() == Mode.PLAN ? p.bytes() : p.bytesCopied();
    if (!p.phase().equals(ratePhase)) {
      ratePhase = p.phase();
      rateSince = now;
      rateFrom = amount;
      rateBytesFrom = bytes;
    }
    double seconds = Duration.between(rateSince, now).toMillis() / 1000.0;
    if (seconds <= 0) {
      return "measuring";
    }
    double objectRate = (amount - rateFrom) / seconds;
    String verb = verify ? " verified" : p.mode() == Mode.PLAN ? " listed" : "";
    String text = String.format(Locale.ROOT, "%.1f objects/s%s", objectRate, verb);
    if (!verify) {
      text += ", " + ReportPrinter.bytes(Math.round((bytes - rateBytesFrom) / seconds)) + "/s";
    }
    if (verify && objectRate > 0) {
      text += "  ETA " + Durations.format(Math.round((p.objects() - p.objectsVerified()) / objectRate));
    }
    return text;
  }

  /** {@code [#####-----]  40%  2/5} when the total is known, else the count alone. */
  static String bar(long done, long total) {
    if (total <= 0) {
      return String.valueOf(done);
    }
    long clamped = Math.min(done, total);
    int filled = (int) (BAR_WIDTH * clamped / total);
    return String.format(Locale.ROOT, "[%s%s] %3d%%  %d/%d", "#".repeat(filled), "-".repeat(BAR_WIDTH - filled),
        100 * clamped / total, done, total);
  }
}
