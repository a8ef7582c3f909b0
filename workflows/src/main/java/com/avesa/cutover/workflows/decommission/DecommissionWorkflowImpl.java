package com.avesa.cutover.workflows.decommission;

import com.avesa.cutover.workflows.ActivityRetries;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.approval.ApprovalAuthority;
import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.config.BucketMapping;
import com.avesa.cutover.workflows.config.DecommissionConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.cutover.ApprovalRecord;
import com.avesa.cutover.workflows.gate.GateKeeper;
import com.avesa.cutover.workflows.gate.GatedWorkflow;
import com.avesa.cutover.workflows.migration.Estate;
import com.avesa.cutover.workflows.runbook.PhaseInput;
import com.avesa.cutover.workflows.runbook.PhaseProgress;
import com.avesa.cutover.workflows.runbook.Phases;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * Archive, retention, gate, removals. Until the gate opens, a cancellation ends the run with
 * nothing removed and outcome CANCELLED; once it opened, the removals run in a detached scope to
 * the end. The Java SDK closes a run whose cancellation was requested as CANCELED whatever its
 * method returns, so a cancelled run's report is read through the {@code progress} query.
 * Archiving is one activity call per 1,000 keys (about six history events): a million objects
 * stay near 6,000 events, far below Temporal's limits, and the run needs no continue-as-new.
 * A failed run fails the execution with its report as the first detail.
 */
public class DecommissionWorkflowImpl extends GatedWorkflow implements DecommissionWorkflow {
  static final int PAGE_SIZE = 1_000;

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

  private MigrationConfig config;
  private DecommissionConfig plan;
  private GateKeeper gates;
  private DecommissionState state;

  @Override
  public DecommissionReport decommission(PhaseInput input) {
    config = input.config();
    plan = config.runbook().decommission();
    gates = new GateKeeper(config, ApprovalAuthority.verifiedRequester(config, input.requestedBy(), input.startProof()),
        this::publishDetails);
    state = new DecommissionState(Workflow.getInfo().getWorkflowId(), config.name(), gates);
    if (plan == null) {
      throw fail(FailureType.BAD_CONFIG.type(), "the config has no decommission: section; add one with archiveBucket "
          + "(and optionally storageClass, retention, remove)", null);
    }
    try {
      archiveSourceBuckets();
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
      return finish(decision == GateKeeper.Decision.REJECTED ? PhaseProgress.REJECTED : PhaseProgress.EXPIRED);
    }
    try {
      Workflow.newDetachedCancellationScope(this::removeSourceResources).run();
    } catch (TemporalFailure failure) {
      throw fail(typeOf(failure), "removal failed: " + describe(failure), failure);
    }
    if (CancellationScope.current().isCancelRequested()) {
      state.problem("cancellation requested after the gate opened: the removals ran to the end");
    }
    return finish(PhaseProgress.SUCCEEDED);
  }

  // --- steps ---------------------------------------------------------------------------------

  private void archiveSourceBuckets() {
    state.at(DecommissionState.ARCHIVE, "ensuring archive bucket " + plan.archiveBucket(), null);
    publishDetails();
    state.record(archive.ensureArchiveBucket(new ArchiveBucketRequest(estate(), plan.archiveBucket())));
    for (String bucket : sourceBuckets()) {
      archiveBucket(bucket);
    }
  }

  private void archiveBucket(String bucket) {
    long objects = 0;
    long copied = 0;
    long bytes = 0;
    long verified = 0;
    String token = null;
    int page = 0;
    do {
      state.at(DecommissionState.ARCHIVE, "s3 bucket " + bucket + " page " + (++page), null);
      publishDetails();
      ArchivePage result = archive.archivePage(new ArchivePageRequest(estate(), bucket, plan.archiveBucket(),
          plan.storageClass(), token, PAGE_SIZE));
      objects += result.objects();
      copied += result.copied();
      bytes += result.bytes();
      verified += result.verified();
      result.problems().forEach(state::problem);
      token = result.nextToken();
    } while (token != null);
    ArchiveRecord record = new ArchiveRecord(bucket, plan.archiveBucket(), bucket + "/", plan.storageClass(),
        objects, copied, bytes, verified == objects);
    state.archived(record);
    String item = "s3 archive " + plan.archiveBucket() + "/" + bucket + "/";
    String verification = verified == objects ? "all verified" : (objects - verified) + " not verified";
    state.record(copied > 0
        ? ResourceChange.done(item, String.format("copied %,d of %,d object(s) (%,d bytes in all) as %s, %s",
            copied, objects, bytes, plan.storageClass(), verification))
        : ResourceChange.found(item, String.format("already archived: %,d object(s) (%,d bytes), %s",
            objects, bytes, verification)));
  }

  private void waitForRetention() {
    Instant ends = DecommissionState.now().plus(plan.retention());
    state.retentionEnds(ends);
    state.at(DecommissionState.RETENTION, "keeping the source for " + plan.retention(), ends);
    publishDetails();
    if (!plan.retention().isNegative() && !plan.retention().isZero()) {
      Workflow.sleep(plan.retention());
    }
  }

  private GateKeeper.Decision awaitGate() {
    Duration timeout = (config.approvals() == null ? ApprovalsConfig.defaults() : config.approvals()).timeout();
    state.at(DecommissionState.GATE, "waiting for approval of gate " + Phases.DECOMMISSION_GATE,
        DecommissionState.now().plus(timeout));
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

  /** In runbook order: rules (nothing triggers the functions), functions, tables, bucket objects. */
  private void removeSourceResources() {
    DecommissionConfig.Removal remove = plan.remove();
    removeEach(remove.rules(), "eventbridge rule", removals::removeRule);
    removeEach(remove.functions(), "lambda function", removals::removeFunction);
    removeEach(remove.tables(), "dynamodb table", removals::removeTable);
    if (remove.bucketObjects()) {
      removeEach(sourceBuckets(), "objects of s3 bucket", bucketRemovals::removeBucketObjects);
    }
  }

  private void removeEach(List<String> names, String kind, Function<RemovalRequest, ResourceChange> removal) {
    for (String name : names) {
      state.at(DecommissionState.REMOVING, "removing " + kind + " " + name, null);
      publishDetails();
      ResourceChange change = removal.apply(new RemovalRequest(estate(), name));
      log.info("{}: {}", change.item(), change.detail());
      state.record(change);
    }
  }

  // --- the end ---------------------------------------------------------------------------------

  private DecommissionReport finish(String outcome) {
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
    return finish(PhaseProgress.CANCELLED);
  }

  private ApplicationFailure fail(String type, String message, TemporalFailure cause) {
    state.problem(message);
    state.end(PhaseProgress.FAILED);
    publishDetails();
    log.warn("decommission failed: {}", message);
    return ApplicationFailure.newNonRetryableFailureWithCause(message, type, cause, state.report());
  }

  private static String describe(TemporalFailure failure) {
    return failure.getCause() instanceof TemporalFailure cause ? cause.getOriginalMessage()
        : failure.getOriginalMessage();
  }

  /** The activity's failure type (NOT_FOUND, ACCESS_DENIED, ...), else ACTIVITY_FAILED. */
  private static String typeOf(TemporalFailure failure) {
    return failure.getCause() instanceof ApplicationFailure app ? app.getType() : "ACTIVITY_FAILED";
  }

  private void publishDetails() {
    if (state != null) {
      Workflow.setCurrentDetails(state.details());
    }
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
    return state == null ? null : state.progress();
  }
}
