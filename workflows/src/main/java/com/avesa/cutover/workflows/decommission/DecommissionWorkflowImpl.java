package com.avesa.cutover.workflows.decommission;

import com.avesa.cutover.workflows.ActivityRetries;
import com.avesa.cutover.workflows.FailureMessages;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.config.BucketMapping;
import com.avesa.cutover.workflows.config.DecommissionConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.gate.ApprovalAuthority;
import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.avesa.cutover.workflows.gate.GateKeeper;
import com.avesa.cutover.workflows.gate.GateWindow;
import com.avesa.cutover.workflows.gate.GatedWorkflow;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.run.WorkflowClock;
import com.avesa.cutover.workflows.runbook.PhaseInput;
import com.avesa.cutover.workflows.runbook.PhaseProgress;
import com.avesa.cutover.workflows.runbook.Phases;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.common.VersioningBehavior;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.TimerOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import io.temporal.workflow.WorkflowVersioningBehavior;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;

/**
 * Archive, retention, gate, removals. Until the gate opens, a cancellation ends the run with
 * nothing removed and outcome CANCELLED; once it opened, the removals run in a detached scope to
 * the end. The Java SDK closes a run whose cancellation was requested as CANCELED whatever its
 * method returns, so a cancelled run's report is read through the {@code progress} query.
 * Archiving is one activity call per 1,000 keys (about six history events), a removal one call
 * each: a run continues as new at a page or removal boundary once its history reaches its budget
 * (default {@value #DEFAULT_HISTORY_BUDGET} events), carrying the archive cursor, the retention's
 * end, the decisions and the report so far. The retention and the gate add a handful of events
 * and never continue as new, so the retention timer is never restarted.
 * A failed run fails the execution with its report as the first detail.
 */
public class DecommissionWorkflowImpl extends GatedWorkflow implements DecommissionWorkflow {
  static final int PAGE_SIZE = 1_000;
  /** The change that made archive and removals continue as new; runs without its marker never do. */
  static final String CONTINUE_AS_NEW = "decommission-continue-as-new";
  /**
   * Events a run may reach before it continues as new at the next page or removal: a run stays
   * near 1,500 events (about 250 archive pages), far below Temporal's 10,240-event warning. It decides
   * where a run's commands end: changing it changes what open runs replay, so only behind a new version.
   */
  static final int DEFAULT_HISTORY_BUDGET = 1_500;
  /** The budget of a run that never continues as new (the single-run reference the tests compare against). */
  static final int UNBOUNDED = 0;
  private static final String CANCELLED_AFTER_GATE =
      "cancellation requested after the gate opened: the removals ran to the end";

  private static final Logger log = Workflow.getLogger(DecommissionWorkflowImpl.class);

  // Ten attempts with backoff up to a minute ride out throttling and a restarted worker; after
  // that a person should look at the failure.
  private final RetryOptions retry = ActivityRetries.transientErrors(Duration.ofMinutes(1), 10);

  // A page copies and verifies up to 1,000 objects, heartbeating after each one; streaming a
  // multipart source of 5 GiB for its SHA-256 stays well inside the heartbeat timeout.
  private final DecommissionActivities archive = Workflow.newActivityStub(DecommissionActivities.class,
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofHours(2))
          .setHeartbeatTimeout(Duration.ofMinutes(5))
          .setRetryOptions(retry)
          .build());

  // Deleting a large table takes minutes: the table's removal waits for DynamoDB to finish it.
  private final DecommissionActivities removals = Workflow.newActivityStub(DecommissionActivities.class,
      ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(30)).setRetryOptions(retry).build());

  private final DecommissionActivities bucketRemovals = Workflow.newActivityStub(DecommissionActivities.class,
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofHours(12))
          .setHeartbeatTimeout(Duration.ofMinutes(2))
          .setRetryOptions(retry)
          .build());

  private final int historyBudget;
  private final MigrationConfig config;
  private final DecommissionConfig plan;
  private final GateKeeper gates;
  private final DecommissionState state;
  private boolean bounded;
  private ArchiveCursor cursor;
  private int removalsDone;
  private String requester;

  /**
   * The run's state (with the decisions a previous run of this workflow id kept), built before its
   * workflow method runs so a query or an update that arrives first finds it; the gate judges
   * nothing until the run verified who started it. No commands.
   */
  @WorkflowInit
  public DecommissionWorkflowImpl(PhaseInput input, DecommissionCheckpoint resume) {
    this(DEFAULT_HISTORY_BUDGET, input, resume);
  }

  /**
   * A run that continues as new once its history reaches {@code historyBudget} events or the server
   * suggests it; {@link #UNBOUNDED}: never.
   */
  DecommissionWorkflowImpl(int historyBudget, PhaseInput input, DecommissionCheckpoint resume) {
    this.historyBudget = historyBudget;
    config = input.config();
    plan = config.runbook().decommission();
    gates = new GateKeeper(config, GateWindow.NONE, this::publishDetails);
    state = new DecommissionState(Workflow.getInfo().getWorkflowId(), config.name(), gates, resume);
  }

  @Override
  @WorkflowVersioningBehavior(VersioningBehavior.AUTO_UPGRADE)
  public DecommissionReport decommission(PhaseInput input, DecommissionCheckpoint resume) {
    // A continued run keeps the requester its first run verified: the start proof is single-use and
    // too old by then.
    requester = resume != null && resume.requestedBy() != null ? resume.requestedBy()
        : ApprovalAuthority.verifiedRequester(config, input.requestedBy(), input.startProof());
    gates.start(requester);
    bounded = Workflow.getVersion(CONTINUE_AS_NEW, Workflow.DEFAULT_VERSION, 1) == 1;
    if (plan == null) {
      throw fail(FailureType.BAD_CONFIG.type(), "the config has no decommission: section; add one with archiveBucket "
          + "(and optionally storageClass, retention, remove)", null);
    }
    if (resume == null || DecommissionState.ARCHIVE.equals(resume.phase())) {
      DecommissionReport ended = archiveWaitAndAsk(input, resume);
      if (ended != null) {
        return ended;
      }
    } else {
      removalsDone = resume.removalsDone();
    }
    try {
      Workflow.newDetachedCancellationScope(this::removeSourceResources).run();
    } catch (TemporalFailure failure) {
      throw fail(typeOf(failure), "removal failed: " + describe(failure), failure);
    }
    if (CancellationScope.current().isCancelRequested() && !state.hasProblem(CANCELLED_AFTER_GATE)) {
      state.problem(CANCELLED_AFTER_GATE);
    }
    if (removalsDone < removalsInRunbookOrder().size()) {
      continueAsNew(input, state.checkpoint(DecommissionState.REMOVING, null, removalsDone));
    }
    return finish(PhaseOutcome.SUCCEEDED);
  }

  /**
   * Archive, retention and gate: null once the gate is approved (the removals follow), else the
   * report the run ends with. Continues as new when the archive spends the run's history budget.
   */
  private DecommissionReport archiveWaitAndAsk(PhaseInput input, DecommissionCheckpoint resume) {
    try {
      if (!archiveSourceBuckets(resume == null ? null : resume.archive())) {
        if (CancellationScope.current().isCancelRequested()) {
          return cancelled();
        }
        continueAsNew(input, state.checkpoint(DecommissionState.ARCHIVE, cursor, 0));
      }
    } catch (TemporalFailure failure) {
      return stopped(failure);
    }
    if (state.hasProblems()) {
      throw fail(FailureType.VERIFICATION_FAILED.type(), "the archive does not match the source ("
          + state.problemCount() + " problem(s); first: " + state.firstProblem()
          + "); nothing was removed: repair the archive and start the decommission again", null);
    }
    GateKeeper.Decision decision;
    try {
      waitForRetention();
      decision = awaitGate();
    } catch (CanceledFailure cancelled) {
      return cancelled();
    }
    if (decision != GateKeeper.Decision.APPROVED) {
      return finish(decision == GateKeeper.Decision.REJECTED ? PhaseOutcome.REJECTED : PhaseOutcome.EXPIRED);
    }
    return null;
  }

  // --- steps ---------------------------------------------------------------------------------

  /**
   * Ensures the archive bucket (a first run only), then archives page after page from {@code from}
   * (null: the first page of the first bucket). False when the history budget stopped it first:
   * {@link #cursor} is where the next run goes on.
   */
  private boolean archiveSourceBuckets(ArchiveCursor from) {
    if (from == null) {
      state.at(DecommissionState.ARCHIVE, "ensuring archive bucket " + plan.archiveBucket(), null);
      publishDetails();
      state.record(archive.ensureArchiveBucket(new ArchiveBucketRequest(estate(), plan.archiveBucket())));
    }
    List<String> buckets = sourceBuckets();
    cursor = from == null ? ArchiveCursor.first(0) : from;
    while (cursor.bucket() < buckets.size()) {
      if (historyBudgetSpent()) {
        return false;
      }
      String bucket = buckets.get(cursor.bucket());
      state.at(DecommissionState.ARCHIVE, "s3 bucket " + bucket + " page " + (cursor.pages() + 1), null);
      publishDetails();
      ArchivePage result = archive.archivePage(new ArchivePageRequest(estate(), bucket, plan.archiveBucket(),
          plan.storageClass(), cursor.token(), PAGE_SIZE));
      result.problems().forEach(state::problem);
      cursor = cursor.after(result);
      if (cursor.token() == null) {
        state.archived(bucket, plan.archiveBucket(), plan.storageClass(), cursor);
        cursor = ArchiveCursor.first(cursor.bucket() + 1);
      }
    }
    return true;
  }

  private void waitForRetention() {
    Instant ends = WorkflowClock.now().plus(plan.retention());
    state.retentionEnds(ends);
    state.at(DecommissionState.RETENTION, "keeping the source for " + plan.retention(), ends);
    publishDetails();
    if (!plan.retention().isNegative() && !plan.retention().isZero()) {
      // The same timer Workflow.sleep starts, with a summary for the UI's timeline.
      Workflow.newTimer(plan.retention(), TimerOptions.newBuilder()
          .setSummary("Retention: keep the source for " + plan.retention() + " before the decommission gate").build()).get();
    }
  }

  private GateKeeper.Decision awaitGate() {
    Duration timeout = (config.approvals() == null ? ApprovalsConfig.defaults() : config.approvals()).timeout();
    state.at(DecommissionState.GATE, "waiting for approval of gate " + Phases.DECOMMISSION_GATE,
        WorkflowClock.now().plus(timeout));
    GateKeeper.Decision decision = gates.await(Phases.DECOMMISSION_GATE);
    ApprovalRecord rejection = gates.rejection(Phases.DECOMMISSION_GATE);
    if (decision == GateKeeper.Decision.REJECTED) {
      state.problem("gate " + Phases.DECOMMISSION_GATE + " rejected by " + rejection.approver() + ": "
          + rejection.reason() + "; nothing was removed");
    } else if (decision == GateKeeper.Decision.EXPIRED) {
      state.problem("no approval of gate " + Phases.DECOMMISSION_GATE + " within " + timeout
          + "; nothing was removed");
    }
    return decision;
  }

  /**
   * The removals from number {@link #removalsDone} on, until all are done or the history budget is
   * spent (the next run goes on from there).
   */
  private void removeSourceResources() {
    List<SourceRemoval> all = removalsInRunbookOrder();
    while (removalsDone < all.size() && !historyBudgetSpent()) {
      SourceRemoval removal = all.get(removalsDone);
      state.at(DecommissionState.REMOVING, "removing " + removal.kind() + " " + removal.name(), null);
      publishDetails();
      ResourceChange change = removal.call().apply(new RemovalRequest(estate(), removal.name()));
      log.info("{}: {}", change.item(), change.detail());
      state.record(change);
      removalsDone++;
    }
  }

  private List<SourceRemoval> removalsInRunbookOrder() {
    return SourceRemoval.inRunbookOrder(plan.remove(), sourceBuckets(), removals, bucketRemovals);
  }

  // --- continue-as-new -----------------------------------------------------------------------

  /**
   * Whether this run has used its share of history. Runs recorded before continue-as-new existed
   * (no {@value #CONTINUE_AS_NEW} marker) never stop: they keep the command sequence they started with.
   */
  private boolean historyBudgetSpent() {
    return bounded && historyBudget != UNBOUNDED && (Workflow.getInfo().getHistoryLength() >= historyBudget
        || Workflow.getInfo().isContinueAsNewSuggested());
  }

  /** Lets every signal and update handler finish, then hands {@code next} to a new run of this workflow id. */
  private void continueAsNew(PhaseInput input, DecommissionCheckpoint next) {
    state.at(state.phase(), "continuing as new after " + Workflow.getInfo().getHistoryLength() + " events", null);
    publishDetails();
    Workflow.newDetachedCancellationScope(() -> Workflow.await(Workflow::isEveryHandlerFinished)).run();
    log.info("history at {} events: continuing as new in {}", Workflow.getInfo().getHistoryLength(), next.phase());
    Workflow.continueAsNew(input, next.withRequestedBy(requester));
  }

  // --- the end ---------------------------------------------------------------------------------

  private DecommissionReport finish(PhaseOutcome outcome) {
    state.end(outcome);
    publishDetails();
    // After a cancellation only a detached scope may still wait.
    Workflow.newDetachedCancellationScope(() -> Workflow.await(Workflow::isEveryHandlerFinished)).run();
    return state.report();
  }

  /** An activity failure, or the cancellation of an activity, during the archive. */
  private DecommissionReport stopped(TemporalFailure failure) {
    if (CancellationScope.current().isCancelRequested()) {
      return cancelled();
    }
    throw fail(typeOf(failure), "archive failed: " + describe(failure) + "; nothing was removed", failure);
  }

  private DecommissionReport cancelled() {
    state.problem("cancelled during " + state.phase() + "; nothing was removed");
    return finish(PhaseOutcome.CANCELLED);
  }

  private ApplicationFailure fail(String type, String message, TemporalFailure cause) {
    state.problem(message);
    state.end(PhaseOutcome.FAILED);
    publishDetails();
    log.warn("decommission failed: {}", message);
    return ApplicationFailure.newNonRetryableFailureWithCause(message, type, cause, state.report());
  }

  private static String describe(TemporalFailure failure) {
    return FailureMessages.describe(failure);
  }

  /** The activity's failure type (NOT_FOUND, ACCESS_DENIED, ...), else ACTIVITY_FAILED. */
  private static String typeOf(TemporalFailure failure) {
    return failure.getCause() instanceof ApplicationFailure app ? app.getType() : "ACTIVITY_FAILED";
  }

  private void publishDetails() {
    Workflow.setCurrentDetails(state.details());
  }

  private Estate estate() {
    return config.estate();
  }

  private List<String> sourceBuckets() {
    return config.data() == null ? List.of() : config.data().buckets().stream().map(BucketMapping::source).toList();
  }

  @Override
  protected GateKeeper gateKeeper() {
    return gates;
  }

  @Override
  public PhaseProgress progress() {
    return state.progress();
  }
}
