package com.avesa.cutover.workflows.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.config.BucketMapping;
import com.avesa.cutover.workflows.config.CopyMode;
import com.avesa.cutover.workflows.config.DataConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.config.SecretFilter;
import com.avesa.cutover.workflows.config.TableMapping;
import com.avesa.cutover.workflows.estate.AccountConfig;
import com.avesa.cutover.workflows.migration.BucketReport;
import com.avesa.cutover.workflows.migration.DataMigrationWorkflow;
import com.avesa.cutover.workflows.migration.MigrationInput;
import com.avesa.cutover.workflows.migration.MigrationProgress;
import com.avesa.cutover.workflows.migration.MigrationReport;
import com.avesa.cutover.workflows.migration.Mode;
import com.avesa.cutover.workflows.migration.SecretReport;
import com.avesa.cutover.workflows.migration.TableReport;
import com.avesa.cutover.workflows.run.MigrationStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FinalSyncWorkflowTest {

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(FinalSyncWorkflowImpl.class, StubMigration.class)
      .build();

  private static FinalSyncWorkflow stub(WorkflowClient client, Worker worker, String id) {
    return client.newWorkflowStub(FinalSyncWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).setWorkflowId(id).build());
  }

  @Test
  void aVerifiedSyncReportsTheLagItClosed(WorkflowClient client, Worker worker) {
    FinalSyncResult result = stub(client, worker, "warm-final-sync").sync(new FinalSyncInput(config("warm"), "hourly"));

    assertThat(result.status()).isEqualTo(MigrationStatus.COMPLETED);
    assertThat(result.verified()).isTrue();
    assertThat(result.lagObjects()).isEqualTo(4 + 1);
    assertThat(result.lagBytes()).isEqualTo(400 + 50);
    assertThat(result.itemsCopied()).isEqualTo(7);
    assertThat(result.secretsCopied()).isEqualTo(2);
    assertThat(result.problems()).isZero();
    assertThat(result.label()).isEqualTo("hourly");
    assertThat(result.childWorkflowId()).matches("warm-final-sync-\\d{8}T\\d{6}Z");
  }

  @Test
  void aFailedVerificationCompletesTheSyncAsFailedWithItsProblemCount(WorkflowClient client, Worker worker) {
    FinalSyncResult result = stub(client, worker, "fail-final-sync").sync(FinalSyncInput.of(config("fail-estate")));

    assertThat(result.status()).isEqualTo(MigrationStatus.FAILED);
    assertThat(result.verified()).isFalse();
    assertThat(result.problems()).isEqualTo(2 + 3);
    assertThat(result.lagObjects()).isEqualTo(5);
  }

  @Test
  void anErrorRetryingCannotFixFailsTheSyncWithItsType(WorkflowClient client, Worker worker) {
    FinalSyncWorkflow sync = stub(client, worker, "missing-final-sync");

    assertThatThrownBy(() -> sync.sync(FinalSyncInput.of(config("missing-bucket"))))
        .isInstanceOf(WorkflowFailedException.class)
        .cause().isInstanceOf(ApplicationFailure.class)
        .satisfies(f -> assertThat(((ApplicationFailure) f).getType()).isEqualTo(FailureType.NOT_FOUND.type()))
        .hasMessageContaining("src-bucket does not exist");
  }

  @Test
  void replaysItsOwnHistory(WorkflowClient client, Worker worker) throws Exception {
    stub(client, worker, "replay-final-sync").sync(FinalSyncInput.of(config("warm")));

    WorkflowExecutionHistory history = client.fetchHistory("replay-final-sync");
    WorkflowReplayer.replayWorkflowExecution(history, FinalSyncWorkflowImpl.class);
  }

  static MigrationConfig config(String name) {
    return new MigrationConfig(name, "us-east-1", null,
        new AccountConfig("111111111111", null, null, null),
        new AccountConfig("222222222222", null, "arn:aws:iam::222222222222:role/AVESADeploymentRole", "ext"),
        new DataConfig(List.of(new BucketMapping("src-bucket", "dst-bucket", List.of())),
            List.of(new TableMapping("TenantServices-prod", "TenantServices")),
            new SecretFilter(List.of("tenant/*/prod")), 8, CopyMode.AUTO, 2));
  }

  /**
   * Stands in for the real migration: two buckets (4 of 10 objects of 100 bytes differ; 1 of 2
   * objects of 50 bytes), 7 items and 2 secrets copied. {@code fail-*} fails verification with 2
   * listed and 3 omitted problems; {@code missing-*} fails with NOT_FOUND and no report.
   */
  public static class StubMigration implements DataMigrationWorkflow {
    @Override
    public MigrationReport migrate(MigrationInput input) {
      String name = input.config().name();
      if (input.mode() != Mode.SYNC) {
        throw ApplicationFailure.newNonRetryableFailure("expected SYNC, got " + input.mode(), "BAD_CONFIG");
      }
      if (name.startsWith("missing-")) {
        throw ApplicationFailure.newNonRetryableFailure("source bucket src-bucket does not exist",
            FailureType.NOT_FOUND.type());
      }
      boolean fails = name.startsWith("fail-");
      MigrationReport report = new MigrationReport(Workflow.getInfo().getWorkflowId(), Mode.SYNC,
          fails ? MigrationStatus.FAILED : MigrationStatus.COMPLETED, !fails,
          List.of(new BucketReport("a", "a-prod", 10, 1_000, 4, 4, 400, 6, 0, 10, Map.of()),
              new BucketReport("b", "b-prod", 2, 100, 1, 1, 50, 1, 0, 2, Map.of())),
          List.of(new TableReport("T", "T-prod", 7, 7, 7, "d", "d")),
          new SecretReport(List.of("tenant/*/prod"), 2, 2, 2, List.of("tenant/a/prod", "tenant/b/prod")),
          fails ? List.of("a/x: size 1 in source, 2 in target", "a/y: missing in target") : List.of(),
          fails ? 3 : 0, 1);
      if (fails) {
        throw ApplicationFailure.newNonRetryableFailure("verification found 5 differences",
            FailureType.VERIFICATION_FAILED.type(), report);
      }
      return report;
    }

    @Override
    public MigrationProgress progress() {
      return null;
    }
  }
}
