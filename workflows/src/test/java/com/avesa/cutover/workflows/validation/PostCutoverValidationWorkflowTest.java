package com.avesa.cutover.workflows.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.config.BucketMapping;
import com.avesa.cutover.workflows.config.CopyMode;
import com.avesa.cutover.workflows.config.DataConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.config.SecretFilter;
import com.avesa.cutover.workflows.config.TableMapping;
import com.avesa.cutover.workflows.estate.AccountConfig;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import com.avesa.cutover.workflows.runbook.PhaseProgress;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

@Timeout(60)
class PostCutoverValidationWorkflowTest {
  static final Instant SINCE = Instant.parse("2026-12-01T04:00:00Z");
  private static final String BUCKET = "data-storage-msp-prod";
  private static final String WORKFLOW_ID = "avesa-test-validate";

  @RegisterExtension
  final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(PostCutoverValidationWorkflowImpl.class)
      .setDoNotStart(true)
      .build();

  private final ValidationActivities activities = mock(ValidationActivities.class, withSettings().withoutAnnotations());

  static MigrationConfig config() {
    return new MigrationConfig("avesa-test", "us-east-1", "http://127.0.0.1:5000",
        new AccountConfig("123456789012", null, null, null),
        new AccountConfig("987654321098", null, "arn:aws:iam::987654321098:role/AVESADeploymentRole", "ext-id"),
        new DataConfig(List.of(new BucketMapping("data-storage-msp", BUCKET, List.of())),
            List.of(new TableMapping("TenantServices-prod", "TenantServices")),
            new SecretFilter(List.of("tenant/*/prod")), 8, CopyMode.AUTO, 2));
  }

  private PostCutoverValidationWorkflow start(TestWorkflowEnvironment env, Worker worker) {
    worker.registerActivitiesImplementations(activities);
    env.start();
    return env.getWorkflowClient().newWorkflowStub(PostCutoverValidationWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).setWorkflowId(WORKFLOW_ID).build());
  }

  private void tenants(String... ids) {
    when(activities.listTenants(any())).thenReturn(new TenantList(List.of(ids)));
  }

  private void lake(List<TenantObjects> tenants, List<String> unknownPrefixes, List<String> strayKeys) {
    long newRaw = tenants.stream().mapToLong(TenantObjects::newRawObjects).sum();
    long newCanonical = tenants.stream().mapToLong(TenantObjects::newCanonicalObjects).sum();
    long objects = tenants.stream().mapToLong(TenantObjects::objects).sum() + strayKeys.size();
    when(activities.summarizeDataLake(any())).thenReturn(new DataLakeSummary(BUCKET, objects, newRaw, newCanonical,
        tenants, unknownPrefixes, strayKeys, strayKeys.size()));
  }

  private static ValidationReport failureReport(WorkflowFailedException failed, FailureType type) {
    ApplicationFailure cause = (ApplicationFailure) failed.getCause();
    assertThat(cause.getType()).isEqualTo(type.type());
    return cause.getDetails().get(ValidationReport.class);
  }

  @Test
  void anIsolatedLakeWithNewDataPassesWithAReportPerTenant(TestWorkflowEnvironment env, Worker worker) throws Exception {
    tenants("acme", "globex");
    when(activities.checkTenantSecrets(any())).thenReturn(new TenantSecrets(List.of()));
    lake(List.of(new TenantObjects("acme", 10, 4, 3, 1), new TenantObjects("globex", 2, 2, 1, 0)), List.of(), List.of());
    PostCutoverValidationWorkflow workflow = start(env, worker);

    ValidationReport report = workflow.validate(new ValidationInput(config(), SINCE, "carol"));

    assertThat(report.outcome()).isEqualTo(PhaseOutcome.SUCCEEDED);
    assertThat(report.workflowId()).isEqualTo(WORKFLOW_ID);
    assertThat(report.bucket()).isEqualTo(BUCKET);
    assertThat(report.since()).isEqualTo(SINCE);
    assertThat(report.objects()).isEqualTo(18);
    assertThat(report.newRawObjects()).isEqualTo(4);
    assertThat(report.newCanonicalObjects()).isEqualTo(1);
    assertThat(report.tenants()).containsExactly(
        new TenantValidation("acme", 14, 3, 1, true, List.of()),
        new TenantValidation("globex", 4, 1, 0, true, List.of()));
    assertThat(report.problems()).isEmpty();
    assertThat(report.warnings()).isEmpty();
    assertThat(report.changed()).isEmpty();
    assertThat(report.unchanged()).containsExactly(
        new PhaseItem("tenants table TenantServices", "2 tenant(s)"),
        new PhaseItem("secret tenant/acme/prod", "present"),
        new PhaseItem("secret tenant/globex/prod", "present"),
        new PhaseItem("bucket " + BUCKET, "18 object(s); 4 new under raw/, 1 new under canonical/"));
    assertThat(report.ended()).isAfterOrEqualTo(report.started());

    ArgumentCaptor<TenantSecretsRequest> secrets = ArgumentCaptor.forClass(TenantSecretsRequest.class);
    verify(activities).checkTenantSecrets(secrets.capture());
    assertThat(secrets.getValue().secretNames()).containsExactly("tenant/acme/prod", "tenant/globex/prod");
    ArgumentCaptor<DataLakeRequest> lake = ArgumentCaptor.forClass(DataLakeRequest.class);
    verify(activities).summarizeDataLake(lake.capture());
    assertThat(lake.getValue()).extracting(DataLakeRequest::bucket, DataLakeRequest::tenantIds, DataLakeRequest::since)
        .containsExactly(BUCKET, List.of("acme", "globex"), SINCE);

    PhaseProgress progress = workflow.progress();
    assertThat(progress.phase()).isEqualTo(PostCutoverValidationWorkflowImpl.DONE);
    assertThat(progress.outcome()).isEqualTo(PhaseOutcome.SUCCEEDED);

    WorkflowReplayer.replayWorkflowExecution(env.getWorkflowClient().fetchHistory(WORKFLOW_ID),
        PostCutoverValidationWorkflowImpl.class);
  }

  @Test
  void strayKeysAnUnknownTenantPrefixAndAMissingSecretFailTheRunWithTheReport(
      TestWorkflowEnvironment env, Worker worker) {
    tenants("acme", "globex");
    when(activities.checkTenantSecrets(any())).thenReturn(new TenantSecrets(List.of("tenant/globex/prod")));
    lake(List.of(new TenantObjects("acme", 1, 1, 1, 1), new TenantObjects("globex", 1, 0, 1, 0)),
        List.of("raw/initech/"), List.of("raw/initech/a.json", "exports/dump.csv"));
    PostCutoverValidationWorkflow workflow = start(env, worker);

    WorkflowFailedException failed = catchThrowableOfType(
        () -> workflow.validate(new ValidationInput(config(), SINCE, "carol")), WorkflowFailedException.class);

    ValidationReport report = failureReport(failed, FailureType.VERIFICATION_FAILED);
    assertThat(failed.getCause().getMessage()).contains("tenant isolation breached: 3 problem(s)");
    assertThat(report.outcome()).isEqualTo(PhaseOutcome.FAILED);
    assertThat(report.problems()).containsExactly(
        "tenant globex: secret tenant/globex/prod is missing in the target (add the tenant's services with "
            + "`avesa service add --tenant-id globex ...`)",
        "raw/initech/: keys under a tenant prefix with no tenant in TenantServices",
        "2 key(s) in " + BUCKET + " outside the raw/{tenant}/ and canonical/{tenant}/ prefixes of known tenants, "
            + "e.g. raw/initech/a.json, exports/dump.csv");
    assertThat(report.strayKeys()).containsExactly("raw/initech/a.json", "exports/dump.csv");
    assertThat(report.strayKeysTotal()).isEqualTo(2);
    assertThat(report.tenants()).extracting(TenantValidation::tenantId, TenantValidation::secretPresent)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("acme", true),
            org.assertj.core.groups.Tuple.tuple("globex", false));
    assertThat(report.tenants().get(1).problems()).containsExactly("secret tenant/globex/prod is missing");
    assertThat(workflow.progress().outcome()).isEqualTo(PhaseOutcome.FAILED);
  }

  @Test
  void aTenantWithoutNewDataIsOnlyAWarning(TestWorkflowEnvironment env, Worker worker) {
    tenants("acme", "globex");
    when(activities.checkTenantSecrets(any())).thenReturn(new TenantSecrets(List.of()));
    lake(List.of(new TenantObjects("acme", 5, 5, 2, 2), new TenantObjects("globex", 5, 5, 0, 0)), List.of(), List.of());

    ValidationReport report = start(env, worker).validate(new ValidationInput(config(), SINCE, "carol"));

    assertThat(report.outcome()).isEqualTo(PhaseOutcome.SUCCEEDED);
    assertThat(report.problems()).isEmpty();
    assertThat(report.warnings()).containsExactly(
        "tenant globex: no new objects under raw/globex/ or canonical/globex/ since " + SINCE);
  }

  @Test
  void noNewDataAtAllIsOneWarning(TestWorkflowEnvironment env, Worker worker) {
    tenants("acme", "globex");
    when(activities.checkTenantSecrets(any())).thenReturn(new TenantSecrets(List.of()));
    lake(List.of(new TenantObjects("acme", 5, 5, 0, 0), new TenantObjects("globex", 5, 5, 0, 0)), List.of(), List.of());

    ValidationReport report = start(env, worker).validate(new ValidationInput(config(), SINCE, "carol"));

    assertThat(report.outcome()).isEqualTo(PhaseOutcome.SUCCEEDED);
    assertThat(report.warnings()).containsExactly("no new objects under raw/ or canonical/ since " + SINCE);
  }

  @Test
  void aMissingBucketFailsWithItsTypeAndTheReport(TestWorkflowEnvironment env, Worker worker) {
    tenants("acme");
    when(activities.checkTenantSecrets(any())).thenReturn(new TenantSecrets(List.of()));
    when(activities.summarizeDataLake(any())).thenThrow(ApplicationFailure.newNonRetryableFailure(
        "data lake bucket " + BUCKET + " does not exist in the target", FailureType.NOT_FOUND.type()));
    PostCutoverValidationWorkflow workflow = start(env, worker);

    WorkflowFailedException failed = catchThrowableOfType(
        () -> workflow.validate(new ValidationInput(config(), SINCE, "carol")), WorkflowFailedException.class);

    ValidationReport report = failureReport(failed, FailureType.NOT_FOUND);
    assertThat(report.outcome()).isEqualTo(PhaseOutcome.FAILED);
    assertThat(report.problems()).containsExactly(
        "checking: data lake bucket " + BUCKET + " does not exist in the target");
    assertThat(report.tenants()).extracting(TenantValidation::tenantId).containsExactly("acme");
  }
}
