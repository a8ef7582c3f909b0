package com.avesa.cutover.workflows.report;

import com.avesa.cutover.workflows.migration.BucketReport;
import com.avesa.cutover.workflows.migration.MigrationReport;
import com.avesa.cutover.workflows.migration.Mode;
import com.avesa.cutover.workflows.migration.SecretReport;
import com.avesa.cutover.workflows.migration.TableReport;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link MigrationReport} (plan, migrate, sync, sync --reverse) as a change-ticket document:
 * the run and its times, totals, one row per bucket and per table, the secrets, problems.
 */
public final class MigrationMarkdown {
  private MigrationMarkdown() {}

  public static String render(RunFacts run, MigrationReport r) {
    Markdown md = new Markdown().title(title(r.mode()) + " " + r.workflowId(),
        r.status() + (r.verified() ? ", verified" : ""));
    md.fact("Run", "`" + r.workflowId() + "`").fact("Mode", r.mode()).times(run.started(), run.ended())
        .fact("Runs", r.runs() + " (continue-as-new generations)");
    long objects = r.buckets().stream().mapToLong(BucketReport::objects).sum();
    long bytes = r.buckets().stream().mapToLong(BucketReport::bytes).sum();
    long items = r.tables().stream().mapToLong(TableReport::items).sum();
    SecretReport secrets = r.secrets();
    md.fact("Counts", "objects " + Markdown.number(objects) + " (" + Markdown.number(bytes) + " bytes), to copy "
        + Markdown.number(r.buckets().stream().mapToLong(BucketReport::toCopy).sum()) + ", copied "
        + Markdown.number(r.buckets().stream().mapToLong(BucketReport::copied).sum()) + "; items "
        + Markdown.number(items) + ", copied " + Markdown.number(r.tables().stream().mapToLong(TableReport::copied).sum())
        + (secrets == null ? "" : "; secrets " + secrets.matched() + ", copied " + secrets.copied()));
    md.blank().section("Buckets");
    if (r.buckets().isEmpty()) {
      md.text("None.");
    } else {
      md.table(List.of("Source", "Target", "Objects", "Bytes", "To copy", "Copied", "Bytes copied", "Skipped", "Failed",
          "Verified"), r.buckets().stream().map(b -> List.of(b.source(), b.target(), Markdown.number(b.objects()),
              Markdown.number(b.bytes()), Markdown.number(b.toCopy()), Markdown.number(b.copied()),
              Markdown.number(b.bytesCopied()), Markdown.number(b.skipped()), Markdown.number(b.failed()),
              Markdown.number(b.verifiedObjects()))).toList());
    }
    md.section("Tables");
    if (r.tables().isEmpty()) {
      md.text("None.");
    } else {
      md.table(List.of("Source", "Target", "Items", "Copied", "Target items", "Digests"), r.tables().stream()
          .map(t -> List.of(t.source(), t.target(), Markdown.number(t.items()), Markdown.number(t.copied()),
              Markdown.number(t.targetItems()), digests(t))).toList());
    }
    md.section("Secrets");
    if (secrets == null) {
      md.text("None.");
    } else {
      md.text("Include " + String.join(", ", secrets.include()) + ": " + secrets.matched() + " matched, "
          + secrets.toCopy() + " to copy, " + secrets.copied() + " copied (names only, never values)");
    }
    List<String> problems = new ArrayList<>(r.problems());
    if (r.problemsOmitted() > 0) {
      problems.add(Markdown.number(r.problemsOmitted()) + " further problem(s) not listed");
    }
    return md.problems(problems);
  }

  private static String title(Mode mode) {
    return switch (mode == null ? Mode.COPY : mode) {
      case PLAN -> "Plan";
      case COPY -> "Migration";
      case SYNC -> "Sync";
      case REVERSE -> "Reverse sync";
    };
  }

  private static String digests(TableReport t) {
    if (t.sourceDigest() == null || t.targetDigest() == null) {
      return "not compared";
    }
    return t.sourceDigest().equals(t.targetDigest()) ? "equal" : "differ";
  }
}
