package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.migration.BucketReport;
import com.avesa.cutover.workflows.migration.Extras;
import com.avesa.cutover.workflows.migration.MigrationReport;
import com.avesa.cutover.workflows.migration.Mode;
import com.avesa.cutover.workflows.migration.SecretReport;
import com.avesa.cutover.workflows.migration.TableReport;
import com.avesa.cutover.workflows.migration.TenantTally;
import com.avesa.cutover.workflows.run.MigrationStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Prints a {@link MigrationReport} as JSON or as a table a person can read. */
final class ReportPrinter {
  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

  private ReportPrinter() {}

  static void print(MigrationReport report, OutputOptions.Format format, PrintWriter out) {
    if (format.structured()) {
      out.println(format.render(report));
    } else {
      printTable(report, out);
    }
    out.flush();
  }

  static void printTable(MigrationReport report, PrintWriter out) {
    out.printf("%s %s: %s%s%n", report.mode() == null ? "RUN" : report.mode(), report.workflowId(),
        report.status(), report.runs() > 1 ? " (" + report.runs() + " runs)" : "");
    if (!report.buckets().isEmpty()) {
      out.println();
      out.printf("%-44s %10s %10s %8s %8s %14s %8s %8s%n",
          "BUCKET", "OBJECTS", "BYTES", "TO COPY", "COPIED", "BYTES COPIED", "CHECKED", "FAILED");
      for (BucketReport bucket : report.buckets()) {
        out.printf("%-44s %10d %10s %8d %8d %14s %8d %8d%n", bucket.source() + " -> " + bucket.target(),
            bucket.objects(), bytes(bucket.bytes()), bucket.toCopy(), bucket.copied(),
            bytes(bucket.bytesCopied()), bucket.skipped(), bucket.failed());
        for (Map.Entry<String, TenantTally> tenant : new TreeMap<>(bucket.tenants()).entrySet()) {
          out.printf("  tenant %-35s %10d %10s%n", tenant.getKey(),
              tenant.getValue().objects(), bytes(tenant.getValue().bytes()));
        }
      }
    }
    if (!report.tables().isEmpty()) {
      out.println();
      out.printf("%-44s %10s %10s %10s%n", "TABLE", "ITEMS", "COPIED", "IN TARGET");
      for (TableReport table : report.tables()) {
        out.printf("%-44s %10d %10d %10d%n", table.source() + " -> " + table.target(),
            table.items(), table.copied(), table.targetItems());
      }
    }
    printSecrets(report.secrets(), out);
    printExtras(report, out);
    if (!report.problems().isEmpty()) {
      out.println();
      out.println("PROBLEMS");
      report.problems().forEach(p -> out.println("  - " + p));
      if (report.problemsOmitted() > 0) {
        out.println("  ... and " + report.problemsOmitted() + " more");
      }
    }
    out.println();
    out.println(verdict(report));
  }

  private static void printSecrets(SecretReport secrets, PrintWriter out) {
    if (secrets == null || (secrets.include().isEmpty() && secrets.names().isEmpty())) {
      return;
    }
    out.println();
    out.printf("SECRETS %s: %d matched, %d to copy, %d copied%n",
        String.join(", ", secrets.include()), secrets.matched(), secrets.toCopy(), secrets.copied());
    secrets.names().forEach(name -> out.println("  " + name));
  }

  /**
   * What only the written side has, per bucket, table and for the secrets: count, how many were
   * (PLAN: would be) deleted, and every sample, deleted ones marked. Nothing when there are none.
   */
  static void printExtras(MigrationReport report, PrintWriter out) {
    List<String> lines = new ArrayList<>();
    String deleted = report.mode() == Mode.PLAN ? "would be deleted" : "deleted";
    for (BucketReport bucket : report.buckets()) {
      extras(report.reverse() ? bucket.source() : bucket.target(), "object(s)", bucket.extras(), deleted, lines);
    }
    for (TableReport table : report.tables()) {
      extras(report.reverse() ? table.source() : table.target(), "item(s)", table.extras(), deleted, lines);
    }
    if (report.secrets() != null) {
      extras("secrets " + String.join(", ", report.secrets().include()), "secret(s)", report.secrets().extras(),
          deleted, lines);
    }
    if (lines.isEmpty()) {
      return;
    }
    out.println();
    out.println("EXTRAS (only in the " + (report.reverse() ? "source" : "target") + ": reported, never a failure)");
    lines.forEach(out::println);
  }

  private static void extras(String where, String unit, Extras extras, String deleted, List<String> lines) {
    if (extras == null || extras.count() == 0) {
      return;
    }
    lines.add(String.format("  %s: %d %s, %d %s", where, extras.count(), unit, extras.deleted(), deleted));
    for (String sample : extras.samples()) {
      lines.add("    " + sample + (extras.deletedSamples().contains(sample) ? " (" + deleted + ")" : ""));
    }
    if (extras.count() > extras.samples().size()) {
      lines.add("    ... and " + (extras.count() - extras.samples().size()) + " more");
    }
  }

  /** The last line of the table: VERIFIED, NOT VERIFIED or PLAN ONLY. */
  static String verdict(MigrationReport report) {
    boolean completed = report.status() == MigrationStatus.COMPLETED;
    if (report.mode() == Mode.PLAN && completed) {
      return "PLAN ONLY: nothing was changed";
    }
    return completed && report.verified() ? "VERIFIED" : "NOT VERIFIED";
  }

  /** Bytes in binary units with one decimal, e.g. {@code 1.5 KiB}. */
  static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
  }
}
