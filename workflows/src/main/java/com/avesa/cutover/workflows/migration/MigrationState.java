package com.avesa.cutover.workflows.migration;

import com.avesa.cutover.workflows.config.BucketMapping;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.run.MigrationStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bookkeeping of one migration across its runs: bucket cursors and totals, finished table
 * and secret reports, and the problems found. Small by construction (counters, cursors, at most
 * {@link MigrationReport#MAX_PROBLEMS} problem lines), so it fits in a continue-as-new input.
 * Used from workflow threads only; Temporal runs them one at a time.
 */
final class MigrationState {
  private final MigrationConfig config;
  private final Mode mode;
  private final boolean extrasPass;
  private final boolean reverse;
  private final int runs;
  private BucketCursor[] cursors;
  private boolean partitioned;
  private final List<TableReport> tables;
  private final List<String> problems;
  private SecretReport secrets;
  private long problemsOmitted;
  private boolean ensured;
  private String phase = "PREFLIGHT";
  private String step = "";

  /**
   * {@code extrasPass}: every listing ends with its EXTRAS stage (version {@code target-extras});
   * {@code reverse}: the run goes target → source.
   */
  MigrationState(MigrationConfig config, Mode mode, Checkpoint checkpoint, boolean extrasPass, boolean reverse) {
    this.config = config;
    this.mode = mode;
    this.extrasPass = extrasPass;
    this.reverse = reverse;
    if (checkpoint == null) {
      this.runs = 1;
      this.cursors = initialCursors(config);
      this.tables = new ArrayList<>();
      this.problems = new ArrayList<>();
    } else {
      this.runs = checkpoint.runs() + 1;
      this.cursors = checkpoint.cursors().toArray(new BucketCursor[0]);
      this.tables = new ArrayList<>(checkpoint.tables());
      this.problems = new ArrayList<>(checkpoint.problems());
      this.secrets = checkpoint.secrets();
      this.problemsOmitted = checkpoint.problemsOmitted();
      this.ensured = checkpoint.ensured();
      this.partitioned = checkpoint.partitioned();
    }
  }

  private static BucketCursor[] initialCursors(MigrationConfig config) {
    List<BucketCursor> list = new ArrayList<>();
    List<BucketMapping> buckets = config.data().buckets();
    for (int i = 0; i < buckets.size(); i++) {
      for (String prefix : buckets.get(i).listedPrefixes()) {
        list.add(BucketCursor.start(i, prefix));
      }
    }
    return list.toArray(new BucketCursor[0]);
  }

  /** The cursors are partitions already (carried across continue-as-new). */
  boolean partitioned() {
    return partitioned;
  }

  /** Replaces cursor {@code i} by one fresh cursor per range of {@code ranges.get(i)} (none: unchanged). */
  void partition(List<List<KeyRange>> ranges) {
    List<BucketCursor> split = new ArrayList<>();
    for (int i = 0; i < cursors.length; i++) {
      BucketCursor c = cursors[i];
      if (ranges.get(i).isEmpty()) {
        split.add(c);
      }
      ranges.get(i).forEach(range -> split.add(BucketCursor.start(c.bucket(), c.prefix(), range)));
    }
    cursors = split.toArray(new BucketCursor[0]);
    partitioned = true;
  }

  int cursorCount() {
    return cursors.length;
  }

  BucketCursor cursor(int i) {
    return cursors[i];
  }

  boolean allCursorsDone() {
    for (BucketCursor c : cursors) {
      if (c.stage() != BucketCursor.Stage.DONE) {
        return false;
      }
    }
    return true;
  }

  /** Adds a listing page (plan or copy) to cursor {@code i} and moves it on. */
  void recordListedPage(int i, BucketPage page) {
    BucketCursor c = cursors[i];
    Map<String, TenantTally> tenants = new HashMap<>(c.tenants());
    page.tenants().forEach((tenant, tally) -> tenants.merge(tenant, tally, TenantTally::plus));
    boolean last = page.nextToken() == null;
    BucketCursor.Stage next = !last ? BucketCursor.Stage.COPY
        : mode.writes() ? BucketCursor.Stage.VERIFY : afterVerification();
    cursors[i] = new BucketCursor(c.bucket(), c.prefix(), next, last ? null : page.nextToken(),
        c.pages() + 1, c.objects() + page.objects(), c.bytes() + page.bytes(), c.toCopy() + page.toCopy(),
        c.copied() + page.copied(), c.bytesCopied() + page.bytesCopied(), c.skipped() + page.skipped(),
        c.failed() + page.failed(), c.verifiedObjects(), tenants, c.extras(), c.startAfter(), c.endAt());
    addProblems(page.problems());
  }

  private BucketCursor.Stage afterVerification() {
    return extrasPass ? BucketCursor.Stage.EXTRAS : BucketCursor.Stage.DONE;
  }

  /** Adds an extras page to cursor {@code i} and moves it on. */
  void recordExtrasPage(int i, ExtrasPage page) {
    BucketCursor c = cursors[i];
    boolean last = page.nextToken() == null;
    cursors[i] = new BucketCursor(c.bucket(), c.prefix(),
        last ? BucketCursor.Stage.DONE : BucketCursor.Stage.EXTRAS, last ? null : page.nextToken(),
        c.pages() + 1, c.objects(), c.bytes(), c.toCopy(), c.copied(), c.bytesCopied(), c.skipped(), c.failed(),
        c.verifiedObjects(), c.tenants(), c.extras().plus(page.extras()), c.startAfter(), c.endAt());
  }

  /** Adds a verification page to cursor {@code i} and moves it on. */
  void recordVerifiedPage(int i, BucketPage page) {
    BucketCursor c = cursors[i];
    boolean last = page.nextToken() == null;
    cursors[i] = new BucketCursor(c.bucket(), c.prefix(),
        last ? afterVerification() : BucketCursor.Stage.VERIFY, last ? null : page.nextToken(),
        c.pages() + 1, c.objects(), c.bytes(), c.toCopy(), c.copied(), c.bytesCopied(), c.skipped(), c.failed(),
        c.verifiedObjects() + page.objects() - page.failed(), c.tenants(), c.extras(), c.startAfter(), c.endAt());
    if (page.failed() > 0 && page.problems().isEmpty()) {
      addProblem(page.failed() + " object(s) differ in " + config.data().buckets().get(c.bucket()).target()
          + " (page after " + c.token() + ")");
    }
    addProblems(page.problems());
    problemsOmitted += Math.max(0, page.failed() - page.problems().size());
  }

  boolean tablesDone() {
    return tables.size() == config.data().tables().size() && (!tables.isEmpty() || config.data().tables().isEmpty());
  }

  void recordTable(TableReport report) {
    tables.add(report);
  }

  boolean secretsDone() {
    return secrets != null;
  }

  void recordSecrets(SecretReport report, List<String> secretProblems) {
    this.secrets = report;
    addProblems(secretProblems);
  }

  boolean ensured() {
    return ensured;
  }

  void markEnsured() {
    ensured = true;
  }

  void addProblems(List<String> lines) {
    lines.forEach(this::addProblem);
  }

  void addProblem(String line) {
    if (problems.size() < MigrationReport.MAX_PROBLEMS) {
      problems.add(line);
    } else {
      problemsOmitted++;
    }
  }

  boolean hasProblems() {
    return !problems.isEmpty() || problemsOmitted > 0;
  }

  void at(String phase, String step) {
    this.phase = phase;
    this.step = step;
  }

  String phase() {
    return phase;
  }

  String step() {
    return step;
  }

  Checkpoint checkpoint() {
    return new Checkpoint(runs, ensured, List.of(cursors), tables, secrets, problems, problemsOmitted, partitioned);
  }

  MigrationReport report(String workflowId, MigrationStatus status, boolean verified) {
    return new MigrationReport(workflowId, mode, status, verified, bucketReports(), List.copyOf(tables),
        secrets == null ? new SecretReport(config.data().secrets().include(), 0, 0, 0, List.of()) : secrets,
        problems, problemsOmitted, runs, reverse);
  }

  List<BucketReport> bucketReports() {
    List<BucketMapping> buckets = config.data().buckets();
    List<BucketReport> reports = new ArrayList<>();
    for (int b = 0; b < buckets.size(); b++) {
      long objects = 0, bytes = 0, toCopy = 0, copied = 0, bytesCopied = 0, skipped = 0, failed = 0, verified = 0;
      Map<String, TenantTally> tenants = new LinkedHashMap<>();
      Extras extras = Extras.NONE;
      for (BucketCursor c : cursors) {
        if (c.bucket() != b) {
          continue;
        }
        extras = extras.plus(c.extras());
        objects += c.objects();
        bytes += c.bytes();
        toCopy += c.toCopy();
        copied += c.copied();
        bytesCopied += c.bytesCopied();
        skipped += c.skipped();
        failed += c.failed();
        verified += c.verifiedObjects();
        c.tenants().forEach((tenant, tally) -> tenants.merge(tenant, tally, TenantTally::plus));
      }
      BucketMapping m = buckets.get(b);
      reports.add(new BucketReport(m.source(), m.target(), objects, bytes, toCopy, copied, bytesCopied,
          skipped, failed, verified, tenants, extras));
    }
    return reports;
  }

  MigrationProgress progress() {
    long objects = 0, bytes = 0, copied = 0, bytesCopied = 0, pages = 0, checked = 0, failed = 0, verified = 0;
    for (BucketCursor c : cursors) {
      objects += c.objects();
      bytes += c.bytes();
      copied += c.copied();
      bytesCopied += c.bytesCopied();
      pages += c.pages();
      checked += c.skipped();
      failed += c.failed();
      verified += c.verifiedObjects();
    }
    long items = 0, itemsCopied = 0, extras = 0;
    for (BucketCursor c : cursors) {
      extras += c.extras().count();
    }
    for (TableReport t : tables) {
      items += t.items();
      itemsCopied += t.copied();
      extras += t.extras().count();
    }
    if (secrets != null) {
      extras += secrets.extras().count();
    }
    return new MigrationProgress(mode, phase, step, objects, bytes, copied, bytesCopied, items, itemsCopied,
        secrets == null ? 0 : secrets.copied(), pages, problems.size() + (int) problemsOmitted, runs, extras,
        checked, failed, verified);
  }
}
