package com.avesa.cutover.workflows.sync;

import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.WorkflowMetrics;
import com.avesa.cutover.workflows.migration.DataMigrationWorkflow;
import com.avesa.cutover.workflows.migration.MigrationInput;
import com.avesa.cutover.workflows.migration.MigrationReport;
import com.avesa.cutover.workflows.migration.Mode;
import com.avesa.cutover.workflows.run.RunIds;
import com.uber.m3.tally.Scope;
import io.temporal.common.VersioningBehavior;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowVersioningBehavior;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;

/** Runs one SYNC as a child workflow and turns its report into a {@link FinalSyncResult}. */
public class FinalSyncWorkflowImpl implements FinalSyncWorkflow {
  private static final Logger log = Workflow.getLogger(FinalSyncWorkflowImpl.class);
  private static final DateTimeFormatter RUN_START =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  @Override
  @WorkflowVersioningBehavior(VersioningBehavior.AUTO_UPGRADE)
  public FinalSyncResult sync(FinalSyncInput input) {
    String childId = childWorkflowId();
    DataMigrationWorkflow child = Workflow.newChildWorkflowStub(DataMigrationWorkflow.class,
        ChildWorkflowOptions.newBuilder().setWorkflowId(childId).build());
    FinalSyncResult result = FinalSyncResult.of(runSync(child, input), childId, input.label());
    recordLag(input, result);
    log.info("final sync {}: {} lag {} objects, {} bytes; {} items, {} secrets copied; {} problems",
        childId, result.status(), result.lagObjects(), result.lagBytes(), result.itemsCopied(),
        result.secretsCopied(), result.problems());
    return result;
  }

  /** This run's id plus its start time: unique per run of a cron workflow or a schedule. */
  private static String childWorkflowId() {
    Instant started = Instant.ofEpochMilli(Workflow.getInfo().getRunStartedTimestampMillis());
    return RunIds.scheduledSyncChild(Workflow.getInfo().getWorkflowId(), RUN_START.format(started));
  }

  /** The child's report, also when verification failed; any other failure is rethrown. */
  private static MigrationReport runSync(DataMigrationWorkflow child, FinalSyncInput input) {
    try {
      return child.migrate(MigrationInput.of(input.config(), Mode.SYNC));
    } catch (ChildWorkflowFailure failure) {
      Optional<ApplicationFailure> cause = applicationFailure(failure);
      if (cause.isPresent() && FailureType.VERIFICATION_FAILED.type().equals(cause.get().getType())
          && cause.get().getDetails().getSize() > 0) {
        return cause.get().getDetails().get(MigrationReport.class);
      }
      if (cause.isPresent()) {
        throw ApplicationFailure.newNonRetryableFailureWithCause(
            "final sync " + input.config().name() + " stopped: " + cause.get().getOriginalMessage(),
            cause.get().getType(), failure);
      }
      throw failure;
    }
  }

  private static Optional<ApplicationFailure> applicationFailure(ChildWorkflowFailure failure) {
    return failure.getCause() instanceof ApplicationFailure app ? Optional.of(app) : Optional.empty();
  }

  private static void recordLag(FinalSyncInput input, FinalSyncResult result) {
    Scope scope = Workflow.getMetricsScope().tagged(Map.of("config", input.config().name()));
    scope.gauge(WorkflowMetrics.SYNC_LAG_OBJECTS).update(result.lagObjects());
    scope.gauge(WorkflowMetrics.SYNC_LAG_BYTES).update(result.lagBytes());
    scope.gauge(WorkflowMetrics.SYNC_ITEMS_COPIED).update(result.itemsCopied());
    scope.gauge(WorkflowMetrics.SYNC_SECRETS_COPIED).update(result.secretsCopied());
    scope.tagged(Map.of("status", result.status().name())).counter(WorkflowMetrics.SYNC_RUNS).inc(1);
  }
}
