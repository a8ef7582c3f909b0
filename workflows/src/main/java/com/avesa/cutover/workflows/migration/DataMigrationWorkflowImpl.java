package com.avesa.cutover.workflows.migration;

import com.avesa.cutover.workflows.ActivityRetries;
import com.avesa.cutover.workflows.FailureMessages;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.PhaseGauge;
import com.avesa.cutover.workflows.RunSearchAttributes;
import com.avesa.cutover.workflows.WorkflowMetrics;
import com.avesa.cutover.workflows.config.BucketMapping;
import com.avesa.cutover.workflows.config.DataConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.run.MigrationStatus;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.common.VersioningBehavior;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowSemaphore;
import io.temporal.workflow.WorkflowVersioningBehavior;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Preflight, ensure the target, then tables, secrets and every (bucket, prefix) listing in
 * parallel, page by page, each listing followed by its verification pass. When the history
 * grows past the budget, listings stop at a page boundary and the run continues as new with the
 * ledger's checkpoint.
 */
public class DataMigrationWorkflowImpl implements DataMigrationWorkflow {
  static final int PAGE_SIZE = 1_000;
  /** Far below Temporal's warning at 10,240 events, leaving room for the pages still in flight. */
  static final int DEFAULT_HISTORY_BUDGET = 4_000;
  /**
   * Version 1: verification wants source ⊆ target. Buckets get an EXTRAS pass per listing
   * ({@code extrasPage}), tables verify with {@code extrasSegment} instead of
   * {@code digestSegment} (PLAN too), secrets take the extras rule; extras are reported and, under
   * {@code data.deleteExtras}, deleted unless protected.
   */
  static final String TARGET_EXTRAS = "target-extras";
  /**
   * Version 1: with {@code data.partitions} above 1, each (bucket, prefix) listing is first split
   * into key ranges ({@code partitions} activity, once per migration, carried in the checkpoint),
   * and at most {@code data.partitions} ranges are worked on at once, so workers on the task
   * queue share the pages of one bucket.
   */
  static final String PARTITIONED_LISTINGS = "partitioned-listings";
  /** Ranges per listing, per partition in flight: enough to keep every slot busy as ranges finish. */
  static final int RANGES_PER_SLOT = 4;
  /**
   * Version 1: each table starts with {@code scanPlan} (segment count from the table's size unless
   * {@code data.tableSegments} fixes it; a target that was empty is written without reading it
   * first); the copy's segment digests are the source digest, and verification scans the written
   * side once with {@code digestSegment}. Only segments whose count or digest differ from the
   * source's get an {@code extrasSegment} pass (and none when the table totals agree).
   */
  static final String TABLE_SEGMENTS_FROM_SIZE = "table-segments-from-size";

  private static final Logger log = Workflow.getLogger(DataMigrationWorkflowImpl.class);

  // Transient errors (throttling, resets, a killed worker) are retried; ten attempts with backoff
  // up to a minute cover a long outage, after which a person should look at the failure.
  private final RetryOptions retry = ActivityRetries.transientErrors(Duration.ofMinutes(1), 10);

  private final AccountActivities accounts = Workflow.newActivityStub(AccountActivities.class,
      ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(2)).setRetryOptions(retry).build());

  private final BucketActivities buckets = Workflow.newActivityStub(BucketActivities.class,
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofHours(2))
          .setHeartbeatTimeout(Duration.ofSeconds(10))
          .setRetryOptions(retry)
          .build());

  private final TableActivities tables = Workflow.newActivityStub(TableActivities.class,
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofHours(6))
          .setHeartbeatTimeout(Duration.ofSeconds(10))
          .setRetryOptions(retry)
          .build());

  private final SecretActivities secrets = Workflow.newActivityStub(SecretActivities.class,
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofHours(1))
          .setHeartbeatTimeout(Duration.ofSeconds(30))
          .setRetryOptions(retry)
          .build());

  private MigrationState ledger;
  private PhaseGauge phaseGauge;
  private final RunSearchAttributes searchAttributes = new RunSearchAttributes();
  private MigrationInput input;
  private boolean extrasPass;
  private ExtrasRules extrasRules;
  private boolean partitioned;

  @Override
  @WorkflowVersioningBehavior(VersioningBehavior.AUTO_UPGRADE)
  public MigrationReport migrate(MigrationInput input) {
    this.input = input;
    this.extrasPass = Workflow.getVersion(TARGET_EXTRAS, Workflow.DEFAULT_VERSION, 1) >= 1;
    this.extrasRules = new ExtrasRules(input.config(), !input.mode().writes());
    this.ledger = new MigrationState(input.config(), input.mode(), input.checkpoint(), extrasPass,
        input.reversed());
    this.partitioned = input.checkpoint() != null ? ledger.partitioned()
        : input.config().data().partitions() > 1
            && Workflow.getVersion(PARTITIONED_LISTINGS, Workflow.DEFAULT_VERSION, 1) >= 1;
    this.phaseGauge = new PhaseGauge(WorkflowMetrics.MIGRATION_PHASE,
        Map.of("config", input.config().name(), "mode", input.mode().name()));
    String workflowId = Workflow.getInfo().getWorkflowId();
    try {
      if (!ledger.ensured()) {
        verifyAccess();
        if (input.mode().writes()) {
          ensureTargets();
        }
        ledger.markEnsured();
      }
      if (partitioned && !ledger.partitioned()) {
        partitionListings();
      }
      WorkflowSemaphore inFlight = partitioned ? Workflow.newWorkflowSemaphore(input.config().data().partitions())
          : null;
      List<Promise<Void>> work = new ArrayList<>();
      if (!ledger.tablesDone()) {
        work.add(Async.procedure(this::migrateTables));
      }
      if (!ledger.secretsDone()) {
        work.add(Async.procedure(this::migrateSecrets));
      }
      for (int i = 0; i < ledger.cursorCount(); i++) {
        int cursor = i;
        work.add(Async.procedure(() -> migrateListing(cursor, inFlight)));
      }
      Promise.allOf(work).get();
      if (!ledger.allCursorsDone()) {
        ledger.at(ledger.phase(), "continuing as new");
        log.info("history at {} events: continuing as new", Workflow.getInfo().getHistoryLength());
        Workflow.continueAsNew(input.reverse()
            ? new MigrationInput(input.config(), input.mode(), ledger.checkpoint(), input.historyBudget(), true)
            : new MigrationInput(input.config(), input.mode(), ledger.checkpoint(), input.historyBudget()));
      }
    } catch (ActivityFailure failure) {
      throw fail(workflowId, failure);
    }
    if (input.mode().writes() && ledger.hasProblems()) {
      ledger.at("FAILED", "verification found differences");
      publishDetails();
      MigrationReport report = ledger.report(workflowId, MigrationStatus.FAILED, false);
      throw ApplicationFailure.newNonRetryableFailure(
          "verification failed: " + (report.problems().size() + report.problemsOmitted())
              + " difference(s); first: " + report.problems().get(0),
          FailureType.VERIFICATION_FAILED.type(), report);
    }
    ledger.at("DONE", "");
    publishDetails();
    return ledger.report(workflowId, MigrationStatus.COMPLETED, input.mode().writes());
  }

  @Override
  public MigrationProgress progress() {
    return ledger == null ? null : ledger.progress();
  }

  private void verifyAccess() {
    ledger.at("PREFLIGHT", "checking both accounts");
    DataConfig data = input.config().data();
    boolean forward = !input.reversed();
    accounts.verifyAccess(new PreflightRequest(input.config().estate(),
        forward ? data.buckets().stream().map(BucketMapping::source).toList() : List.of(),
        forward ? data.tables().stream().map(t -> t.source()).toList() : List.of()));
  }

  private void ensureTargets() {
    ledger.at("ENSURE", "target buckets and tables");
    Estate estate = input.config().estate();
    Side to = toSide();
    List<Promise<Void>> ensured = new ArrayList<>();
    for (BucketMapping b : input.config().data().buckets()) {
      ensured.add(Async.procedure(buckets::ensureTargetBucket, new EnsureBucketRequest(estate, to, toName(b))));
    }
    input.config().data().tables().forEach(t -> ensured.add(Async.procedure(tables::ensureTargetTable,
        new EnsureTableRequest(estate, to, fromName(t.source(), t.target()), toName(t.source(), t.target())))));
    Promise.allOf(ensured).get();
  }

  /** Splits every listing into key ranges, all listings at once; each range becomes a cursor. */
  private void partitionListings() {
    ledger.at(input.mode().writes() ? "COPY" : "PLAN", "splitting listings into partitions");
    int max = Math.min(DataConfig.MAX_PARTITIONS, input.config().data().partitions() * RANGES_PER_SLOT);
    List<Promise<List<KeyRange>>> found = new ArrayList<>();
    for (int i = 0; i < ledger.cursorCount(); i++) {
      BucketCursor c = ledger.cursor(i);
      BucketMapping mapping = input.config().data().buckets().get(c.bucket());
      found.add(Async.function(buckets::partitions, new PartitionRequest(input.config().estate(), fromSide(),
          fromName(mapping.source(), mapping.target()), c.prefix(), max, PAGE_SIZE)));
    }
    ledger.partition(found.stream().map(Promise::get).toList());
  }

  /** Works cursor {@code i} off; with {@code inFlight}, only while holding one of its permits. */
  private void migrateListing(int i, WorkflowSemaphore inFlight) {
    if (inFlight == null || ledger.cursor(i).stage() == BucketCursor.Stage.DONE) {
      migrateListing(i);
      return;
    }
    inFlight.acquire();
    try {
      migrateListing(i);
    } finally {
      inFlight.release();
    }
  }

  private void migrateListing(int i) {
    while (ledger.cursor(i).stage() != BucketCursor.Stage.DONE && !historyBudgetSpent()) {
      BucketCursor c = ledger.cursor(i);
      BucketMapping mapping = input.config().data().buckets().get(c.bucket());
      BucketPageRequest request = new BucketPageRequest(input.config().estate(), fromSide(),
          fromName(mapping.source(), mapping.target()), toName(mapping), c.prefix(), c.token(), PAGE_SIZE,
          pageConcurrency(), input.config().data().copyMode(),
          input.config().data().multipartThreshold(), input.config().data().verify(),
          input.config().data().verifySample(), c.startAfter(), c.endAt());
      if (c.stage() == BucketCursor.Stage.COPY) {
        ledger.at(input.mode().writes() ? "COPY" : "PLAN", describe(request, c));
        ledger.recordListedPage(i, input.mode().writes() ? buckets.copyPage(request) : buckets.planPage(request));
      } else if (c.stage() == BucketCursor.Stage.EXTRAS) {
        ledger.at("EXTRAS", "bucket " + request.toBucket() + (c.prefix().isEmpty() ? "" : " prefix " + c.prefix())
            + " page " + (c.pages() + 1));
        ledger.recordExtrasPage(i, buckets.extrasPage(new ExtrasPageRequest(input.config().estate(), fromSide(),
            request.fromBucket(), request.toBucket(), c.prefix(), c.token(), PAGE_SIZE, extrasRules.bucket(mapping),
            c.startAfter(), c.endAt())));
      } else {
        ledger.at("VERIFY", describe(request, c));
        ledger.recordVerifiedPage(i, buckets.verifyPage(request));
      }
      publishDetails();
    }
  }

  /**
   * Objects worked on at once per page: {@code data.concurrency}, shared by the partitions in flight
   * so that partitioning does not multiply the requests the buckets see.
   */
  private int pageConcurrency() {
    DataConfig data = input.config().data();
    return partitioned ? Math.max(1, (data.concurrency() + data.partitions() - 1) / data.partitions())
        : data.concurrency();
  }

  private void migrateTables() {
    MigrationConfig config = input.config();
    List<Promise<TableReport>> reports = new ArrayList<>();
    config.data().tables().forEach(t -> reports.add(Async.function(() ->
        migrateTable(fromName(t.source(), t.target()), toName(t.source(), t.target())))));
    for (Promise<TableReport> report : reports) {
      TableReport table = report.get();
      ledger.recordTable(table);
      if (input.mode().writes() && !(table.items() == table.targetItems()
          && table.sourceDigest().equals(table.targetDigest()))) {
        ledger.addProblem("table " + table.source() + " → " + table.target() + ": source has " + table.items()
            + " items (digest " + table.sourceDigest().substring(0, 12) + "…), target has " + table.targetItems()
            + " (digest " + table.targetDigest().substring(0, 12) + "…)");
      }
    }
  }

  private TableReport migrateTable(String from, String to) {
    if (Workflow.getVersion(TABLE_SEGMENTS_FROM_SIZE, Workflow.DEFAULT_VERSION, 1) >= 1) {
      return migratePlannedTable(from, to);
    }
    DataConfig data = input.config().data();
    Estate estate = input.config().estate();
    int segments = data.tableSegments();
    List<Promise<SegmentResult>> scanned = new ArrayList<>();
    for (int s = 0; s < segments; s++) {
      SegmentRequest request = new SegmentRequest(estate, fromSide(), from, to, s, segments, data.concurrency());
      scanned.add(input.mode().writes()
          ? Async.function(tables::copySegment, request)
          : Async.function(tables::digestSegment, request));
    }
    SegmentTotals source = SegmentTotals.of(scanned);
    if (extrasPass) {
      List<Promise<ExtrasSegmentResult>> written = new ArrayList<>();
      ExtrasRule rule = extrasRules.table(fromName(from, to), toName(from, to));
      for (int s = 0; s < segments; s++) {
        written.add(Async.function(tables::extrasSegment,
            new ExtrasSegmentRequest(estate, toSide(), to, from, s, segments, data.concurrency(), rule)));
      }
      return reportWithExtras(from, to, source, written);
    }
    if (!input.mode().writes()) {
      return new TableReport(from, to, source.items, 0, 0, source.digest, TableDigest.EMPTY);
    }
    List<Promise<SegmentResult>> verified = new ArrayList<>();
    for (int s = 0; s < segments; s++) {
      verified.add(Async.function(tables::digestSegment,
          new SegmentRequest(estate, toSide(), to, from, s, segments, data.concurrency())));
    }
    SegmentTotals target = SegmentTotals.of(verified);
    return new TableReport(from, to, source.items, source.copied, target.items, source.digest, target.digest);
  }

  /** Version {@link #TABLE_SEGMENTS_FROM_SIZE}: plan, copy (or digest) the source, digest the written side. */
  private TableReport migratePlannedTable(String from, String to) {
    DataConfig data = input.config().data();
    Estate estate = input.config().estate();
    ScanPlan plan = tables.scanPlan(new ScanPlanRequest(estate, fromSide(), from, to, data.tableSegments()));
    int segments = plan.segments();
    boolean writeAll = input.mode().writes() && plan.target() == ScanPlan.Target.EMPTY;
    List<Promise<SegmentResult>> scanned = new ArrayList<>();
    for (int s = 0; s < segments; s++) {
      SegmentRequest request = new SegmentRequest(estate, fromSide(), from, to, s, segments, data.concurrency(), writeAll);
      scanned.add(input.mode().writes()
          ? Async.function(tables::copySegment, request)
          : Async.function(tables::digestSegment, request));
    }
    SegmentTotals source = SegmentTotals.of(scanned);
    if (!input.mode().writes() && (!extrasPass || plan.target() == ScanPlan.Target.MISSING)) {
      return new TableReport(from, to, source.items, source.copied, 0, source.digest, TableDigest.EMPTY);
    }
    List<Promise<SegmentResult>> verified = new ArrayList<>();
    for (int s = 0; s < segments; s++) {
      verified.add(Async.function(tables::digestSegment,
          new SegmentRequest(estate, toSide(), to, from, s, segments, data.concurrency())));
    }
    SegmentTotals target = SegmentTotals.of(verified);
    if (!extrasPass || target.items == source.items && target.digest.equals(source.digest)) {
      return new TableReport(from, to, source.items, source.copied, target.items, source.digest, target.digest);
    }
    // Something differs: the segments that do not hold exactly the source's items look their keys up.
    ExtrasRule rule = extrasRules.table(fromName(from, to), toName(from, to));
    List<Promise<ExtrasSegmentResult>> written = new ArrayList<>();
    for (int s = 0; s < segments; s++) {
      SegmentResult inSource = scanned.get(s).get();
      SegmentResult inTarget = verified.get(s).get();
      written.add(inSource.items() == inTarget.items() && inSource.digest().equals(inTarget.digest())
          ? Workflow.newPromise(new ExtrasSegmentResult(s, inTarget.items(), inTarget.items(), inTarget.digest(), Extras.NONE))
          : Async.function(tables::extrasSegment,
              new ExtrasSegmentRequest(estate, toSide(), to, from, s, segments, data.concurrency(), rule)));
    }
    return reportWithExtras(from, to, source, written);
  }

  /** The table's report from its source totals and its written side's segments, extras added up. */
  private static TableReport reportWithExtras(String from, String to, SegmentTotals source,
      List<Promise<ExtrasSegmentResult>> written) {
    long matched = 0;
    String digest = TableDigest.EMPTY;
    Extras extras = Extras.NONE;
    for (Promise<ExtrasSegmentResult> p : written) {
      ExtrasSegmentResult r = p.get();
      matched += r.matched();
      digest = TableDigest.add(digest, r.matchedDigest());
      extras = extras.plus(r.extras());
    }
    return new TableReport(from, to, source.items, source.copied, matched, source.digest, digest, extras);
  }

  private void migrateSecrets() {
    SecretsRequest request = new SecretsRequest(input.config().estate(), fromSide(), input.config().data().secrets(),
        extrasPass ? extrasRules.secrets() : null);
    if (request.filter().include().isEmpty()) {
      ledger.recordSecrets(new SecretReport(List.of(), 0, 0, 0, List.of()), List.of());
      return;
    }
    if (!input.mode().writes()) {
      SecretsResult plan = secrets.planSecrets(request);
      ledger.recordSecrets(report(request, plan, 0), plan.problems());
      return;
    }
    SecretsResult copied = secrets.copySecrets(request);
    SecretsResult verified = secrets.verifySecrets(request);
    List<String> problems = new ArrayList<>(copied.problems());
    problems.addAll(verified.problems());
    Extras deleted = copied.extras();
    Extras kept = verified.extras();
    List<String> samples = new ArrayList<>(kept.samples());
    samples.addAll(deleted.deletedSamples());
    Extras extras = new Extras(kept.count() + deleted.deleted(), samples, deleted.deleted(), deleted.deletedSamples());
    ledger.recordSecrets(report(request, copied, copied.copied(), extras), problems);
  }

  private static SecretReport report(SecretsRequest request, SecretsResult result, int copied) {
    return report(request, result, copied, result.extras());
  }

  private static SecretReport report(SecretsRequest request, SecretsResult result, int copied, Extras extras) {
    return new SecretReport(request.filter().include(), result.matched(), result.toCopy(), copied, result.names(),
        extras);
  }

  private boolean historyBudgetSpent() {
    int budget = input.historyBudget() > 0 ? input.historyBudget() : DEFAULT_HISTORY_BUDGET;
    return Workflow.getInfo().getHistoryLength() >= budget || Workflow.getInfo().isContinueAsNewSuggested();
  }

  private ApplicationFailure fail(String workflowId, ActivityFailure failure) {
    Throwable cause = failure.getCause();
    String message = FailureMessages.describe(failure);
    String type = cause instanceof ApplicationFailure app ? app.getType() : "ACTIVITY_FAILED";
    String where = ledger.phase().toLowerCase() + (ledger.step().isEmpty() ? "" : " (" + ledger.step() + ")");
    ledger.addProblem(where + ": " + message);
    ledger.at("FAILED", message);
    publishDetails();
    return ApplicationFailure.newNonRetryableFailureWithCause(message, type, failure,
        ledger.report(workflowId, MigrationStatus.FAILED, false));
  }

  /** The run's outcome as its search attribute says it: COMPLETED, FAILED, or RUNNING until then. */
  private static String outcome(String phase) {
    return switch (phase) {
      case "DONE" -> MigrationStatus.COMPLETED.name();
      case "FAILED" -> MigrationStatus.FAILED.name();
      default -> "RUNNING";
    };
  }

  private void publishDetails() {
    MigrationProgress p = ledger.progress();
    phaseGauge.enter(p.phase());
    searchAttributes.update(p.phase(), outcome(p.phase()), null);
    Workflow.setCurrentDetails(String.format(
        "**%s %s** — phase %s%n%n%s%n%nobjects %,d (%,d bytes), copied %,d (%,d bytes);"
            + " items %,d, copied %,d; secrets copied %d; pages %,d; problems %d; run %d",
        input.mode(), input.config().name(), p.phase(), p.step(), p.objects(), p.bytes(), p.objectsCopied(),
        p.bytesCopied(), p.items(), p.itemsCopied(), p.secretsCopied(), p.pages(), p.problems(), p.runs()));
  }

  private String describe(BucketPageRequest request, BucketCursor c) {
    return "bucket " + request.fromBucket() + (c.prefix().isEmpty() ? "" : " prefix " + c.prefix())
        + (c.startAfter() == null && c.endAt() == null ? ""
            : " keys " + (c.startAfter() == null ? "" : c.startAfter()) + ".." + (c.endAt() == null ? "" : c.endAt()))
        + " page " + (c.pages() + 1);
  }

  private Side fromSide() {
    return input.reversed() ? Side.TARGET : Side.SOURCE;
  }

  private Side toSide() {
    return input.reversed() ? Side.SOURCE : Side.TARGET;
  }

  private String fromName(String source, String target) {
    return input.reversed() ? target : source;
  }

  private String toName(String source, String target) {
    return input.reversed() ? source : target;
  }

  private String toName(BucketMapping b) {
    return toName(b.source(), b.target());
  }

  /** Items, copies and the combined digest of a table's segments. */
  private record SegmentTotals(long items, long copied, String digest) {
    static SegmentTotals of(List<Promise<SegmentResult>> segments) {
      long items = 0;
      long copied = 0;
      String digest = TableDigest.EMPTY;
      for (Promise<SegmentResult> p : segments) {
        SegmentResult r = p.get();
        items += r.items();
        copied += r.copied();
        digest = TableDigest.add(digest, r.digest());
      }
      return new SegmentTotals(items, copied, digest);
    }
  }
}
