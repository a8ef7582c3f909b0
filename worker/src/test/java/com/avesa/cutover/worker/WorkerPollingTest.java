package com.avesa.cutover.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.avesa.cutover.workflows.cutover.CutoverWorkflowImpl;
import com.avesa.cutover.workflows.cutover.RollbackWorkflowImpl;
import io.temporal.common.VersioningBehavior;
import io.temporal.common.WorkerDeploymentVersion;
import io.temporal.common.metadata.POJOWorkflowImplMetadata;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerPollingTest {
  private static final WorkerDeployment BUILD = new WorkerDeployment("avesa-cutover", "2026.12.1");

  @Test
  void aDeploymentTurnsOnVersioningAsThatBuildWithoutADefaultBehaviour() {
    WorkerOptions options = WorkerPolling.workerOptions(BUILD);

    assertThat(options.getDeploymentOptions().isUsingVersioning()).isTrue();
    assertThat(options.getDeploymentOptions().getVersion())
        .isEqualTo(new WorkerDeploymentVersion("avesa-cutover", "2026.12.1"));
    assertThat(options.getDeploymentOptions().getDefaultVersioningBehavior())
        .isIn(null, VersioningBehavior.UNSPECIFIED);
  }

  @Test
  void withoutADeploymentTheWorkerIsUnversioned() {
    WorkerOptions options = WorkerPolling.workerOptions(null);

    assertThat(options.getDeploymentOptions() == null || !options.getDeploymentOptions().isUsingVersioning())
        .isTrue();
  }

  @Test
  void theDeadlockDetectionTimeoutIsFiveSecondsVersionedOrNot() {
    assertThat(WorkerPolling.workerOptions(null).getDefaultDeadlockDetectionTimeout()).isEqualTo(5_000);
    assertThat(WorkerPolling.workerOptions(BUILD).getDefaultDeadlockDetectionTimeout()).isEqualTo(5_000);
  }

  @Test
  void cutoverAndRollbackArePinnedAndEveryOtherWorkflowTypeAutoUpgrades() {
    Map<String, VersioningBehavior> behaviours = new LinkedHashMap<>();
    for (Class<?> type : WorkerPolling.WORKFLOW_TYPES) {
      POJOWorkflowImplMetadata metadata = POJOWorkflowImplMetadata.newInstance(type);
      assertThat(metadata.getWorkflowMethods()).hasSize(1);
      behaviours.put(type.getSimpleName(),
          POJOWorkflowImplMetadata.getVersioningBehaviorForMethod(type, metadata.getWorkflowMethods().get(0)));
    }

    assertThat(behaviours).hasSize(10);
    assertThat(behaviours).containsEntry(CutoverWorkflowImpl.class.getSimpleName(), VersioningBehavior.PINNED)
        .containsEntry(RollbackWorkflowImpl.class.getSimpleName(), VersioningBehavior.PINNED);
    behaviours.remove(CutoverWorkflowImpl.class.getSimpleName());
    behaviours.remove(RollbackWorkflowImpl.class.getSimpleName());
    assertThat(behaviours.values()).containsOnly(VersioningBehavior.AUTO_UPGRADE);
  }

  @Test
  void aVersionedWorkerRegistersEveryWorkflowTypeButRefusesOneThatDidNotChooseABehaviour() {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker = env.newWorker("versioned", WorkerPolling.workerOptions(BUILD));

      worker.registerWorkflowImplementationTypes(WorkerPolling.WORKFLOW_TYPES.toArray(Class<?>[]::new));

      assertThatThrownBy(() -> worker.registerWorkflowImplementationTypes(Undecided.class))
          .hasMessageContaining("must have a VersioningBehavior set");
    }
  }

  @WorkflowInterface
  public interface UndecidedWorkflow {
    @WorkflowMethod
    String run();
  }

  public static class Undecided implements UndecidedWorkflow {
    @Override
    public String run() {
      return "";
    }
  }
}
