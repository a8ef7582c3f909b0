package com.avesa.cutover.workflows.isolation;

import com.avesa.cutover.workflows.account.AccountSetupReport;
import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.cutover.SmokeTestResult;
import com.avesa.cutover.workflows.decommission.ArchiveRecord;
import com.avesa.cutover.workflows.decommission.DecommissionReport;
import com.avesa.cutover.workflows.infra.InfrastructureReport;
import com.avesa.cutover.workflows.migration.BucketReport;
import com.avesa.cutover.workflows.migration.MigrationReport;
import com.avesa.cutover.workflows.migration.Mode;
import com.avesa.cutover.workflows.migration.SecretReport;
import com.avesa.cutover.workflows.migration.TableReport;
import com.avesa.cutover.workflows.report.CutoverMarkdown;
import com.avesa.cutover.workflows.run.RunItem;
import com.avesa.cutover.workflows.run.RunOutcome;
import com.avesa.cutover.workflows.run.RunReport;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import com.avesa.cutover.workflows.smoke.SmokeTestReport;
import com.avesa.cutover.workflows.validation.ValidationReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads each phase's report into a {@link PhaseResult}: its status in the isolation run's terms,
 * the counts the report shows, what changed and what was in place, problems and a one-line summary.
 * Status, changed, unchanged and problems come through the {@link RunReport} every report is; only
 * the counts, the summary and what a kind adds to them are read from the kind's own fields.
 */
final class PhaseResults {
  private PhaseResults() {}

  static PhaseResult account(AccountSetupReport r) {
    Map<String, Long> counts = new LinkedHashMap<>();
    if (!list(r.compensated()).isEmpty()) {
      counts.put("compensated", (long) r.compensated().size());
    }
    String summary = "account " + r.accountId() + (r.accountCreated() ? " (created)" : "") + ", role " + r.roleArn();
    return result(r, counts, summary);
  }

  static PhaseResult infrastructure(InfrastructureReport r) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("missing", (long) list(r.missing()).size());
    List<String> problems = new ArrayList<>(list(r.problems()));
    if (problems.isEmpty()) {
      list(r.missing()).forEach(m -> problems.add("missing: " + m));
    }
    String deploy = r.deployExitCode() == null ? "" : "deploy exited " + r.deployExitCode() + "; ";
    String ensured = list(r.changed()).isEmpty() ? "" : list(r.changed()).size() + " bucket/table change(s); ";
    String summary = deploy + ensured + (list(r.missing()).isEmpty() ? "every stack, function, rule, table and bucket found"
        : list(r.missing()).size() + " missing: " + String.join(", ", r.missing()));
    return result(status(r), counts, r.changed(), r.unchanged(), problems, summary);
  }

  /** PLAN changes nothing, so it lists no items; COPY lists each bucket, table and the secrets. */
  static PhaseResult migration(MigrationReport r) {
    boolean plan = r.mode() == Mode.PLAN;
    long objects = r.buckets().stream().mapToLong(BucketReport::objects).sum();
    long bytes = r.buckets().stream().mapToLong(BucketReport::bytes).sum();
    long items = r.tables().stream().mapToLong(TableReport::items).sum();
    SecretReport secrets = r.secrets() == null ? new SecretReport(List.of(), 0, 0, 0, List.of()) : r.secrets();
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("objects", objects);
    counts.put("bytes", bytes);
    List<PhaseItem> changed = new ArrayList<>();
    List<PhaseItem> unchanged = new ArrayList<>();
    String summary;
    if (plan) {
      long toCopy = r.buckets().stream().mapToLong(BucketReport::toCopy).sum();
      counts.put("objectsToCopy", toCopy);
      counts.put("items", items);
      counts.put("secrets", (long) secrets.matched());
      counts.put("secretsToCopy", (long) secrets.toCopy());
      summary = String.format(Locale.ROOT, "%,d object(s) (%,d bytes), %,d to copy; %,d item(s); %d secret(s), %d to copy",
          objects, bytes, toCopy, items, secrets.matched(), secrets.toCopy());
    } else {
      long copied = r.buckets().stream().mapToLong(BucketReport::copied).sum();
      long itemsCopied = r.tables().stream().mapToLong(TableReport::copied).sum();
      counts.put("objectsCopied", copied);
      counts.put("bytesCopied", r.buckets().stream().mapToLong(BucketReport::bytesCopied).sum());
      counts.put("items", items);
      counts.put("itemsCopied", itemsCopied);
      counts.put("secrets", (long) secrets.matched());
      counts.put("secretsCopied", (long) secrets.copied());
      r.buckets().forEach(b -> (b.copied() > 0 ? changed : unchanged).add(new PhaseItem(
          "s3 bucket " + b.source() + " → " + b.target(), b.copied() > 0
              ? String.format(Locale.ROOT, "%,d object(s) copied (%,d bytes)", b.copied(), b.bytesCopied())
              : PhaseItem.IN_PLACE)));
      r.tables().forEach(t -> (t.copied() > 0 ? changed : unchanged).add(new PhaseItem(
          "dynamodb table " + t.source() + " → " + t.target(),
          t.copied() > 0 ? String.format(Locale.ROOT, "%,d item(s) copied", t.copied()) : PhaseItem.IN_PLACE)));
      if (secrets.matched() > 0) {
        (secrets.copied() > 0 ? changed : unchanged).add(new PhaseItem("secrets " + String.join(", ", secrets.include()),
            secrets.copied() > 0 ? secrets.copied() + " of " + secrets.matched() + " copied" : PhaseItem.IN_PLACE));
      }
      summary = String.format(Locale.ROOT, "%,d object(s) (%,d bytes), %,d copied; %,d item(s), %,d copied; "
          + "%d secret(s), %d copied%s", objects, bytes, copied, items, itemsCopied, secrets.matched(),
          secrets.copied(), r.verified() ? "; verified" : "");
    }
    List<String> problems = new ArrayList<>(r.problems());
    if (r.problemsOmitted() > 0) {
      problems.add(r.problemsOmitted() + " further problem(s) not listed");
    }
    return result(status(r), counts, changed, unchanged, problems, summary);
  }

  static PhaseResult smokeTests(SmokeTestReport r) {
    List<SmokeTestResult> results = list(r.results());
    long failed = results.stream().filter(t -> !t.passed()).count();
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("functions", (long) results.size());
    counts.put("failed", failed);
    String summary = failed == 0 ? results.size() + " function(s) passed"
        : failed + " of " + results.size() + " function(s) failed";
    return result(r, counts, summary);
  }

  /** Only CUT_OVER succeeds; a rejected or expired cutover gate ends the isolation alike. */
  static PhaseResult cutover(CutoverReport r) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("steps", (long) r.steps().size());
    counts.put("compensations", (long) r.compensations().size());
    List<PhaseItem> changed = r.succeeded() ? CutoverMarkdown.changeItems(r.changes()) : List.of();
    String summary = r.succeeded()
        ? "CUT_OVER in the window " + r.windowStart() + " → " + r.windowEnd()
        : r.outcome() + (r.reason() == null ? "" : ": " + r.reason());
    if (r.ingestionPause() != null) {
      summary += "; " + r.ingestionPause().describe();
      if (r.ingestionPause().total() != null) {
        counts.put("ingestionPauseSeconds", r.ingestionPause().total().toSeconds());
      }
    }
    return new PhaseResult(status(r), withSizes(counts, changed, List.of()), changed, List.of(), r.problems(), summary,
        r.approvals(), r.compensations());
  }

  static PhaseResult validation(ValidationReport r) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("tenants", (long) list(r.tenants()).size());
    counts.put("objects", r.objects());
    counts.put("newObjects", r.newRawObjects() + r.newCanonicalObjects());
    counts.put("newRawObjects", r.newRawObjects());
    counts.put("newCanonicalObjects", r.newCanonicalObjects());
    counts.put("strayKeys", r.strayKeysTotal());
    String summary = String.format(Locale.ROOT, "%d tenant(s), %,d new object(s) since %s, %,d stray key(s)%s",
        list(r.tenants()).size(), r.newRawObjects() + r.newCanonicalObjects(), r.since(), r.strayKeysTotal(),
        list(r.warnings()).isEmpty() ? "" : "; warnings: " + String.join("; ", r.warnings()));
    return result(r, counts, summary);
  }

  /** {@code removed} counts the changes that say they removed or deleted something (not the archive copies). */
  static PhaseResult decommission(DecommissionReport r) {
    List<ArchiveRecord> archives = list(r.archives());
    long removed = list(r.changed()).stream().map(c -> String.valueOf(c.detail()).toLowerCase(Locale.ROOT))
        .filter(d -> d.contains("removed") || d.contains("deleted")).count();
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("archived", archives.stream().mapToLong(ArchiveRecord::objects).sum());
    counts.put("archivedBytes", archives.stream().mapToLong(ArchiveRecord::bytes).sum());
    counts.put("removed", removed);
    String summary = String.format(Locale.ROOT, "%s: archived %,d object(s) to %s; retention until %s; removed %d",
        r.outcome(), counts.get("archived"),
        String.join(", ", archives.stream().map(ArchiveRecord::archiveBucket).distinct().toList()),
        r.retentionEnds(), removed);
    return new PhaseResult(status(r), withSizes(counts, r.changed(), r.unchanged()), r.changed(),
        r.unchanged(), r.problems(), summary, r.approvals(), List.of());
  }

  /**
   * A child's outcome as a phase status: SUCCEEDED when its report says it succeeded (a cutover
   * CUT_OVER, a migration COMPLETED); REJECTED, EXPIRED and CANCELLED as they are; anything else
   * (still RUNNING, a missing outcome, ROLLED_BACK, ...) counts as FAILED.
   */
  static PhaseRecord.Status status(RunReport report) {
    RunOutcome outcome = report.outcome();
    if (report.succeeded()) {
      return PhaseRecord.Status.SUCCEEDED;
    }
    return STOPPED.stream().filter(s -> outcome != null && s.name().equals(outcome.name())).findFirst()
        .orElse(PhaseRecord.Status.FAILED);
  }

  /** The ends a child's outcome keeps as they are (whatever enum spells them). */
  private static final List<PhaseRecord.Status> STOPPED =
      List.of(PhaseRecord.Status.REJECTED, PhaseRecord.Status.EXPIRED, PhaseRecord.Status.CANCELLED);

  /** The report's own status, changed, unchanged and problems, with the kind's counts and summary. */
  private static PhaseResult result(RunReport r, Map<String, Long> counts, String summary) {
    return result(status(r), counts, items(r.changed()), items(r.unchanged()), r.problems(), summary);
  }

  /** A report's items as the isolation keeps them. */
  private static List<PhaseItem> items(List<? extends RunItem> items) {
    return list(items).stream().map(i -> i instanceof PhaseItem p ? p : new PhaseItem(i.item(), i.detail()))
        .toList();
  }

  private static PhaseResult result(PhaseRecord.Status status, Map<String, Long> counts, List<PhaseItem> changed,
      List<PhaseItem> unchanged, List<String> problems, String summary) {
    return new PhaseResult(status, withSizes(counts, changed, unchanged), changed, unchanged, problems, summary,
        List.of(), List.of());
  }

  private static Map<String, Long> withSizes(Map<String, Long> counts, List<PhaseItem> changed,
      List<PhaseItem> unchanged) {
    Map<String, Long> all = new LinkedHashMap<>(counts);
    all.put("changed", (long) list(changed).size());
    all.put("unchanged", (long) list(unchanged).size());
    return all;
  }

  private static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : list;
  }
}
