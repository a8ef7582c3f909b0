package com.avesa.cutover.workflows.infra;

import com.avesa.cutover.workflows.ActivityRetries;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.config.BucketMapping;
import com.avesa.cutover.workflows.config.InfrastructureConfig.DeployCommand;
import com.avesa.cutover.workflows.config.InfrastructureConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.config.TableMapping;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.infra.TargetStorage.StorageState;
import com.avesa.cutover.workflows.migration.BucketActivities;
import com.avesa.cutover.workflows.migration.EnsureBucketRequest;
import com.avesa.cutover.workflows.migration.EnsureTableRequest;
import com.avesa.cutover.workflows.migration.TableActivities;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.runbook.PhaseInput;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import com.avesa.cutover.workflows.runbook.PhaseProgress;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.common.VersioningBehavior;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowVersioningBehavior;
import java.time.Duration;
import java.util.List;

/**
 * Deploy (when configured), ensure the target's buckets and tables, verify the deployed stacks,
 * functions and rules. What exists is left alone and listed as already in place, so a second run
 * changes nothing and says so item by item.
 */
public class InfrastructureWorkflowImpl implements InfrastructureWorkflow {
  /** The deploy command's own timeout kills it first; this margin lets its failure (with the tail) arrive. */
  static final Duration DEPLOY_MARGIN = Duration.ofMinutes(5);
  /** The activity heartbeats every few seconds; a minute of silence means its worker died. */
  static final Duration DEPLOY_HEARTBEAT_TIMEOUT = Duration.ofMinutes(1);

  // Transient errors (throttling, resets, a killed worker) are retried; ten attempts with backoff
  // up to a minute cover a long outage, after which a person should look at the failure.
  private final RetryOptions retry = ActivityRetries.transientErrors(Duration.ofMinutes(1), 10);

  private final InfrastructureActivities checks = Workflow.newActivityStub(InfrastructureActivities.class,
      ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(2)).setRetryOptions(retry).build());

  private final BucketActivities buckets = Workflow.newActivityStub(BucketActivities.class,
      ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(2)).setRetryOptions(retry).build());

  // Creating a table waits until it is ACTIVE.
  private final TableActivities tables = Workflow.newActivityStub(TableActivities.class,
      ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(10)).setRetryOptions(retry).build());

  private InfraState ledger;

  @Override
  @WorkflowVersioningBehavior(VersioningBehavior.AUTO_UPGRADE)
  public InfrastructureReport verify(PhaseInput input) {
    MigrationConfig config = input.config();
    InfrastructureConfig infra = config.runbook().infrastructure();
    ledger = new InfraState(Workflow.getInfo().getWorkflowId(), config.name());
    try {
      if (infra.deploy() != null) {
        deploy(infra.deploy(), config);
      }
      ensureStorage(config);
      verifyDeployed(config.estate(), infra);
    } catch (ActivityFailure failure) {
      throw fail(failure);
    }
    if (ledger.hasMissing()) {
      ledger.at("FAILED", ledger.missingCount() + " missing");
      InfrastructureReport report = ledger.report(PhaseOutcome.FAILED);
      throw ApplicationFailure.newNonRetryableFailure("infrastructure incomplete: " + report.missing().size()
          + " missing; first: " + report.missing().get(0), FailureType.NOT_FOUND.type(), report);
    }
    ledger.at("DONE", "");
    return ledger.report(PhaseOutcome.SUCCEEDED);
  }

  @Override
  public PhaseProgress progress() {
    return ledger == null ? null : ledger.progress();
  }

  /**
   * Asks the worker for the named deploy command. A run started before named commands carries an
   * argv instead; it is sent exactly as it was (the same activity with the same options, so its
   * history replays), and the worker refuses it without running anything.
   */
  private void deploy(DeployCommand deploy, MigrationConfig config) {
    boolean named = deploy.name() != null;
    ledger.at("DEPLOY", named ? deploy.name()
        : String.join(" ", deploy.command()) + (deploy.workdir() == null ? "" : " in " + deploy.workdir()));
    // Built here, not as a field: its start-to-close follows the command's timeout (for a named
    // command, known only to the worker: the longest it may allow). The command is idempotent (as
    // cdk deploy is), so a deploy whose worker died is run again, twice at most: a deploy that
    // keeps losing its worker needs a person.
    Duration runFor = named ? DeployRequest.LONGEST : deploy.timeout();
    InfrastructureActivities deployer = Workflow.newActivityStub(InfrastructureActivities.class,
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(runFor.plus(DEPLOY_MARGIN))
            .setHeartbeatTimeout(DEPLOY_HEARTBEAT_TIMEOUT)
            .setRetryOptions(ActivityRetries.transientErrors(Duration.ofMinutes(1), 3))
            .build());
    DeployRequest request = named ? DeployRequest.named(deploy.name(), config)
        : new DeployRequest(deploy.command(), deploy.workdir(), deploy.timeout(), DeployRequest.describe(config));
    try {
      ledger.deployed(deployer.runDeployCommand(request));
    } catch (ActivityFailure failure) {
      if (failure.getCause() instanceof ApplicationFailure app && app.getDetails().getSize() > 0) {
        ledger.deployed(app.getDetails().get(DeployResult.class));
      }
      throw failure;
    }
  }

  private void ensureStorage(MigrationConfig config) {
    ledger.at("STORAGE", "target buckets and tables");
    Estate estate = config.estate();
    List<String> bucketNames = config.data().buckets().stream().map(BucketMapping::target).toList();
    List<TableMapping> tableMappings = config.data().tables();
    TargetStorage storage = checks.inspectTargetStorage(
        new StorageRequest(estate, bucketNames, tableMappings.stream().map(TableMapping::target).toList()));
    for (StorageState bucket : storage.buckets()) {
      ensure("s3 bucket", bucket,
          () -> buckets.ensureTargetBucket(new EnsureBucketRequest(estate, Side.TARGET, bucket.name())));
    }
    for (int i = 0; i < storage.tables().size(); i++) {
      String source = tableMappings.get(i).source();
      StorageState table = storage.tables().get(i);
      ensure("dynamodb table", table,
          () -> tables.ensureTargetTable(new EnsureTableRequest(estate, Side.TARGET, source, table.name())));
    }
  }

  /** Leaves what is in place alone; creates or completes the rest with the data migration's own activity. */
  private void ensure(String kind, StorageState state, Runnable ensureActivity) {
    String item = kind + " " + state.name();
    if (state.exists() && state.missingBaseline().isEmpty()) {
      ledger.unchanged(new PhaseItem(item, PhaseItem.IN_PLACE));
      return;
    }
    ledger.at("STORAGE", (state.exists() ? "completing " : "creating ") + item);
    ensureActivity.run();
    ledger.changed(new PhaseItem(item, state.exists()
        ? "set " + String.join(", ", state.missingBaseline()) : "created"));
  }

  private void verifyDeployed(Estate estate, InfrastructureConfig infra) {
    ledger.at("VERIFY", infra.stacks().size() + " stack(s), " + infra.functions().size() + " function(s), "
        + infra.rules().size() + " rule(s)");
    ledger.verified(checks.verifyDeployedResources(
        new DeployedResourcesRequest(estate, infra.stacks(), infra.functions(), infra.rules())));
  }

  private ApplicationFailure fail(ActivityFailure failure) {
    String message = ledger.failed(failure);
    return ApplicationFailure.newNonRetryableFailureWithCause(message, InfraState.typeOf(failure), failure,
        ledger.report(PhaseOutcome.FAILED));
  }
}
