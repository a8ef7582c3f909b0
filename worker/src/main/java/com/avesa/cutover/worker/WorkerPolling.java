package com.avesa.cutover.worker;

import com.avesa.cutover.workflows.account.AccountSetupWorkflowImpl;
import com.avesa.cutover.workflows.cutover.CutoverWorkflowImpl;
import com.avesa.cutover.workflows.cutover.RollbackWorkflowImpl;
import com.avesa.cutover.workflows.decommission.DecommissionWorkflowImpl;
import com.avesa.cutover.workflows.infra.InfrastructureWorkflowImpl;
import com.avesa.cutover.workflows.isolation.ProductionIsolationWorkflowImpl;
import com.avesa.cutover.workflows.migration.DataMigrationWorkflowImpl;
import com.avesa.cutover.workflows.smoke.SmokeTestWorkflowImpl;
import com.avesa.cutover.workflows.sync.FinalSyncWorkflowImpl;
import com.avesa.cutover.workflows.validation.PostCutoverValidationWorkflowImpl;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.ListWorkerDeploymentsRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.worker.WorkerDeploymentOptions;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * How the worker polls: the workflow types it registers, Worker Versioning when a deployment is
 * set and the server has Worker Deployments, and the deadlock detection timeout.
 *
 * <p>Each workflow type declares its versioning behaviour on its workflow method
 * ({@code @WorkflowVersioningBehavior}); the deployment options set no default, so the SDK refuses
 * to register a versioned worker with a type that has not chosen.
 */
final class WorkerPolling {
  /**
   * How long a workflow task may hold its thread before the SDK fails it with
   * {@code PotentialDeadlockException} (the SDK's default is 1 s). A cold worker's first workflow
   * task loads and links the workflow classes, the activity stub proxies and Jackson's (de)serializers
   * of the records; on a loaded 2-core machine that alone can take more than a second, though nothing
   * is deadlocked. {@link WorkflowWarmUp} does most of that before polling; 5 s is the margin for the
   * rest. Workflow code does no I/O and takes no locks, so a real deadlock is still reported, 4 s later.
   */
  static final Duration DEADLOCK_DETECTION_TIMEOUT = Duration.ofSeconds(5);

  /** Every workflow implementation the worker registers on {@code avesa-cutover}. */
  static final List<Class<?>> WORKFLOW_TYPES = List.of(DataMigrationWorkflowImpl.class,
      FinalSyncWorkflowImpl.class, CutoverWorkflowImpl.class, RollbackWorkflowImpl.class,
      AccountSetupWorkflowImpl.class, InfrastructureWorkflowImpl.class, SmokeTestWorkflowImpl.class,
      PostCutoverValidationWorkflowImpl.class, DecommissionWorkflowImpl.class,
      ProductionIsolationWorkflowImpl.class);

  private WorkerPolling() {}

  /**
   * The worker's options: with {@code deployment}, Worker Versioning on as that deployment's build
   * (each workflow type's behaviour from its annotation); without, an unversioned worker.
   */
  static WorkerOptions workerOptions(WorkerDeployment deployment) {
    WorkerOptions.Builder options = WorkerOptions.newBuilder()
        .setDefaultDeadlockDetectionTimeout(DEADLOCK_DETECTION_TIMEOUT.toMillis());
    if (deployment != null) {
      options.setDeploymentOptions(WorkerDeploymentOptions.newBuilder()
          .setUseVersioning(true)
          .setVersion(deployment.version())
          .build());
    }
    return options.build();
  }

  /**
   * Asks the server for its Worker Deployments in {@code namespace}.
   *
   * @return why the server cannot version workers (it does not implement or has not enabled Worker
   *     Deployments, as the embedded dev server), or empty when it can or did not say
   */
  static Optional<String> missingWorkerDeployments(WorkflowServiceStubs stubs, String namespace,
      Duration timeout) {
    try {
      stubs.blockingStub()
          .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .listWorkerDeployments(ListWorkerDeploymentsRequest.newBuilder()
              .setNamespace(namespace).setPageSize(1).build());
      return Optional.empty();
    } catch (StatusRuntimeException e) {
      Status.Code code = e.getStatus().getCode();
      if (code == Status.Code.UNIMPLEMENTED || code == Status.Code.FAILED_PRECONDITION) {
        String description = e.getStatus().getDescription();
        return Optional.of(code + (description == null ? "" : ": " + description));
      }
      return Optional.empty();
    }
  }
}
