package com.avesa.cutover.workflows.account;

import static com.avesa.cutover.workflows.account.AccountSetupFixtures.NEW_ACCOUNT;
import static com.avesa.cutover.workflows.account.AccountSetupFixtures.SOURCE;
import static com.avesa.cutover.workflows.account.AccountSetupFixtures.TARGET;
import static com.avesa.cutover.workflows.account.AccountSetupFixtures.TOPIC_ARN;
import static com.avesa.cutover.workflows.account.AccountSetupFixtures.roleArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.config.AccountSetupConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.config.RunbookConfig;
import com.avesa.cutover.workflows.estate.AccountConfig;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.runbook.PhaseInput;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import com.avesa.cutover.workflows.runbook.PhaseProgress;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

@Timeout(60)
class AccountSetupWorkflowTest {
  @RegisterExtension
  final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(AccountSetupWorkflowImpl.class)
      .setDoNotStart(true)
      .build();

  private final AccountSetupFixtures fx = new AccountSetupFixtures();

  private AccountSetupWorkflow start(TestWorkflowEnvironment env, Worker worker, MigrationConfig config) {
    worker.registerActivitiesImplementations(fx.activities());
    env.start();
    AccountSetupWorkflow workflow = env.getWorkflowClient().newWorkflowStub(AccountSetupWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).setWorkflowId("account-setup-test").build());
    WorkflowClient.start(workflow::setUp, new PhaseInput(config, "carol"));
    return workflow;
  }

  private static AccountSetupReport result(AccountSetupWorkflow workflow) {
    return WorkflowStub.fromTyped(workflow).getResult(AccountSetupReport.class);
  }

  /** The run's failure, asserted to carry its report as first detail. */
  private static ApplicationFailure failure(AccountSetupWorkflow workflow) {
    Throwable thrown = catchThrowable(() -> result(workflow));
    assertThat(thrown).isInstanceOf(WorkflowFailedException.class).cause().isInstanceOf(ApplicationFailure.class);
    return (ApplicationFailure) thrown.getCause();
  }

  private static AccountSetupReport report(ApplicationFailure failure) {
    return failure.getDetails().get(0, AccountSetupReport.class);
  }

  private static BaselineRemoval removing(String kind, String id) {
    return argThat(r -> r.resource().equals(new CreatedResource(kind, id)));
  }

  private static List<String> items(List<PhaseItem> items) {
    return items.stream().map(i -> i.item() + ": " + i.detail()).toList();
  }

  @Test
  void createsTheAccountPollingAcrossTimersAndItsIdFlowsIntoEverythingAfter(TestWorkflowEnvironment env,
      Worker worker) {
    fx.firstRun();
    when(fx.setup.createAccount(any())).thenReturn(
        new AccountCreation("car-1", AccountCreation.State.IN_PROGRESS, null, null, false));
    when(fx.setup.accountCreationStatus(any())).thenReturn(
        new AccountCreation("car-1", AccountCreation.State.IN_PROGRESS, null, null, false),
        new AccountCreation("car-1", AccountCreation.State.SUCCEEDED, NEW_ACCOUNT, null, false));
    MigrationConfig config = AccountSetupFixtures.creatingAccount();
    AccountSetupWorkflow workflow = start(env, worker, config);
    long before = env.currentTimeMillis();

    AccountSetupReport report = result(workflow);

    assertThat(env.currentTimeMillis() - before).isGreaterThanOrEqualTo(
        2 * AccountSetupWorkflowImpl.POLL_EVERY.toMillis());
    verify(fx.setup, times(2)).accountCreationStatus(new AccountStatusRequest(config.estate(), "car-1"));
    assertThat(report.outcome()).isEqualTo(PhaseOutcome.SUCCEEDED);
    assertThat(report.accountId()).isEqualTo(NEW_ACCOUNT);
    assertThat(report.accountCreated()).isTrue();
    assertThat(report.roleArn()).isEqualTo(roleArn(NEW_ACCOUNT));
    assertThat(report.callerArn()).startsWith("arn:aws:sts::" + NEW_ACCOUNT + ":assumed-role/AVESADeploymentRole/");
    ArgumentCaptor<AdminAccessRequest> admin = ArgumentCaptor.forClass(AdminAccessRequest.class);
    verify(fx.setup).checkAdminAccess(admin.capture());
    assertThat(admin.getValue().accountId()).isEqualTo(NEW_ACCOUNT);
    assertThat(admin.getValue().admin().target()).isEqualTo(new AccountConfig(NEW_ACCOUNT, null,
        "arn:aws:iam::" + NEW_ACCOUNT + ":role/OrganizationAccountAccessRole", null));
    assertThat(admin.getValue().admin().source()).isEqualTo(config.source());
    ArgumentCaptor<DeploymentRoleRequest> role = ArgumentCaptor.forClass(DeploymentRoleRequest.class);
    verify(fx.setup).ensureDeploymentRole(role.capture());
    assertThat(role.getValue().accountId()).isEqualTo(NEW_ACCOUNT);
    assertThat(role.getValue().sourceAccountId()).isEqualTo(SOURCE);
    assertThat(role.getValue().externalId()).isEqualTo("ext-id");
    assertThat(role.getValue().roleName()).isEqualTo("AVESADeploymentRole");
    verify(fx.setup).verifyDeploymentRole(new AccessCheckRequest(config.estate(), roleArn(NEW_ACCOUNT), "ext-id",
        NEW_ACCOUNT));
    ArgumentCaptor<BaselineRequest> alarm = ArgumentCaptor.forClass(BaselineRequest.class);
    verify(fx.baseline).ensureBillingAlarm(alarm.capture());
    assertThat(alarm.getValue().alertTopicArn()).isEqualTo(TOPIC_ARN);
    assertThat(alarm.getValue().accountId()).isEqualTo(NEW_ACCOUNT);
    assertThat(alarm.getValue().security().trailBucket()).isEqualTo("avesa-audit-logs-" + NEW_ACCOUNT);
    assertThat(items(report.changed())).containsExactly(
        "organizations account " + NEW_ACCOUNT + ": created (avesa-production)",
        "iam role AVESADeploymentRole: created",
        "iam inline policy avesa-deployment: created",
        "guardduty detector: created",
        "config recorder default: created",
        "config delivery channel default: created",
        "cloudtrail trail avesa-audit-trail: created",
        "sns topic avesa-alerts: created",
        "cloudwatch alarm avesa-billing: created");
    assertThat(report.unchanged()).isEmpty();
    assertThat(report.compensated()).isEmpty();
    assertThat(report.problems()).isEmpty();
    assertThat(report.ended()).isAfter(report.started());
    PhaseProgress progress = workflow.progress();
    assertThat(progress.phase()).isEqualTo("DONE");
    assertThat(progress.outcome()).isEqualTo(PhaseOutcome.SUCCEEDED);
    assertThat(progress.changed()).hasSize(9);
  }

  @Test
  void aFailedAccountCreationNamesTheReasonAndIsNotRetried(TestWorkflowEnvironment env, Worker worker) {
    fx.firstRun();
    when(fx.setup.createAccount(any())).thenReturn(
        new AccountCreation("car-2", AccountCreation.State.IN_PROGRESS, null, null, false));
    when(fx.setup.accountCreationStatus(any())).thenReturn(
        new AccountCreation("car-2", AccountCreation.State.FAILED, null, "EMAIL_ALREADY_EXISTS", false));
    AccountSetupWorkflow workflow = start(env, worker, AccountSetupFixtures.creatingAccount());

    ApplicationFailure failure = failure(workflow);

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo(FailureType.BAD_CONFIG.type());
    assertThat(failure.getOriginalMessage()).startsWith(
        "Organizations could not create account avesa-production (aws-prod@avesa.example.com): EMAIL_ALREADY_EXISTS")
        .contains("account.create.email");
    verify(fx.setup, times(1)).createAccount(any());
    verify(fx.setup, times(1)).accountCreationStatus(any());
    verify(fx.setup, never()).checkAdminAccess(any());
    verify(fx.setup, never()).ensureDeploymentRole(any());
    AccountSetupReport report = report(failure);
    assertThat(report.outcome()).isEqualTo(PhaseOutcome.FAILED);
    assertThat(report.accountCreated()).isFalse();
    assertThat(report.problems()).singleElement().asString().startsWith("create account: Organizations could not");
    assertThat(report.changed()).isEmpty();
  }

  @Test
  void anAccountCreationStillRunningAtTheDeadlineFailsNamingTheRequest(TestWorkflowEnvironment env, Worker worker) {
    fx.firstRun();
    AccountCreation running = new AccountCreation("car-3", AccountCreation.State.IN_PROGRESS, null, null, false);
    when(fx.setup.createAccount(any())).thenReturn(running);
    when(fx.setup.accountCreationStatus(any())).thenReturn(running);
    AccountSetupWorkflow workflow = start(env, worker, AccountSetupFixtures.creatingAccount());

    ApplicationFailure failure = failure(workflow);

    assertThat(failure.getType()).isEqualTo(AccountSetupWorkflowImpl.CREATION_PENDING);
    assertThat(failure.getOriginalMessage()).contains("after PT30M (request car-3)").contains("run the setup again");
    int polls = (int) (AccountSetupWorkflowImpl.CREATION_DEADLINE.toSeconds()
        / AccountSetupWorkflowImpl.POLL_EVERY.toSeconds());
    verify(fx.setup, times(polls)).accountCreationStatus(any());
    verify(fx.setup, never()).ensureDeploymentRole(any());
  }

  @Test
  void aBaselineFailureRemovesExactlyWhatThisRunCreatedLastFirst(TestWorkflowEnvironment env, Worker worker) {
    fx.firstRun();
    when(fx.setup.createAccount(any())).thenReturn(
        new AccountCreation("car-4", AccountCreation.State.SUCCEEDED, NEW_ACCOUNT, null, false));
    doReturn(new BaselineStep(List.of(), List.of(new PhaseItem("guardduty detector", PhaseItem.IN_PLACE)), List.of(),
        null)).when(fx.baseline).ensureGuardDuty(any());
    when(fx.baseline.ensureCloudTrail(any())).thenThrow(ApplicationFailure.newNonRetryableFailure(
        "trail bucket avesa-audit-logs-555566667777: access denied", FailureType.ACCESS_DENIED.type()));
    AccountSetupWorkflow workflow = start(env, worker, AccountSetupFixtures.creatingAccount());

    ApplicationFailure failure = failure(workflow);

    assertThat(failure.getType()).isEqualTo(FailureType.ACCESS_DENIED.type());
    assertThat(failure.getOriginalMessage()).isEqualTo("trail bucket avesa-audit-logs-555566667777: access denied");
    InOrder order = inOrder(fx.baseline, fx.setup);
    order.verify(fx.baseline).remove(removing("config-delivery-channel", "default"));
    order.verify(fx.baseline).remove(removing("config-recorder", "default"));
    order.verify(fx.setup).removeDeploymentRole(any());
    verify(fx.baseline, times(2)).remove(any());
    verify(fx.baseline, never()).ensureAlertTopic(any());
    AccountSetupReport report = report(failure);
    assertThat(report.outcome()).isEqualTo(PhaseOutcome.FAILED);
    assertThat(items(report.compensated())).containsExactly(
        "config-delivery-channel default: removed",
        "config-recorder default: removed",
        "iam role AVESADeploymentRole: deleted");
    assertThat(report.problems()).containsExactly(
        "baseline: trail bucket avesa-audit-logs-555566667777: access denied",
        "organizations account " + NEW_ACCOUNT + " was created by this run and stays: compensation cannot remove"
            + " an account (close it by hand if it is not wanted)");
    assertThat(report.unchanged()).extracting(PhaseItem::item).containsExactly("guardduty detector");
  }

  @Test
  void aRoleThatExistedBeforeTheRunIsNeverRemoved(TestWorkflowEnvironment env, Worker worker) {
    fx.secondRun();
    when(fx.baseline.ensureGuardDuty(any())).thenReturn(new BaselineStep(
        List.of(new PhaseItem("guardduty detector", "created")), List.of(),
        List.of(new CreatedResource("guardduty-detector", "d9")), null));
    when(fx.baseline.ensureAlertTopic(any())).thenThrow(ApplicationFailure.newNonRetryableFailure(
        "sns: access denied", FailureType.ACCESS_DENIED.type()));
    AccountSetupWorkflow workflow = start(env, worker, AccountSetupFixtures.existingAccount());

    AccountSetupReport report = report(failure(workflow));

    verify(fx.setup, never()).removeDeploymentRole(any());
    verify(fx.setup, never()).createAccount(any());
    verify(fx.baseline).remove(new BaselineRemoval(AdminCredentials.estate(AccountSetupFixtures.existingAccount(),
        TARGET), new CreatedResource("guardduty-detector", "d9")));
    assertThat(items(report.compensated())).containsExactly("guardduty-detector d9: removed");
    assertThat(report.accountId()).isEqualTo(TARGET);
  }

  @Test
  void aFailedRemovalIsReportedAndTheOthersStillRun(TestWorkflowEnvironment env, Worker worker) {
    fx.firstRun();
    when(fx.baseline.ensureBillingAlarm(any())).thenThrow(ApplicationFailure.newNonRetryableFailure(
        "alarm refused", FailureType.BAD_CONFIG.type()));
    doThrow(ApplicationFailure.newNonRetryableFailure("topic is busy", "BAD_CONFIG"))
        .when(fx.baseline).remove(removing("sns-topic", TOPIC_ARN));
    AccountSetupWorkflow workflow = start(env, worker, AccountSetupFixtures.existingAccount());

    AccountSetupReport report = report(failure(workflow));

    assertThat(items(report.compensated())).containsExactly(
        "cloudtrail-trail avesa-audit-trail: removed",
        "config-delivery-channel default: removed",
        "config-recorder default: removed",
        "guardduty-detector d1: removed",
        "iam role AVESADeploymentRole: deleted");
    assertThat(report.problems()).contains("could not remove sns-topic " + TOPIC_ARN
        + " (remove it by hand): topic is busy");
  }

  @Test
  void aThingTwoStepsShareIsListedOnceAsTheFirstReportedIt(TestWorkflowEnvironment env, Worker worker) {
    fx.firstRun();
    PhaseItem bucket = new PhaseItem("s3 bucket avesa-audit-logs-" + TARGET, "created");
    when(fx.baseline.ensureConfigRecorder(any())).thenReturn(new BaselineStep(
        List.of(bucket, new PhaseItem("config recorder default", "created")), List.of(),
        List.of(new CreatedResource("s3-bucket", "avesa-audit-logs-" + TARGET)), null));
    when(fx.baseline.ensureCloudTrail(any())).thenReturn(new BaselineStep(
        List.of(new PhaseItem("cloudtrail trail avesa-audit-trail", "created")),
        List.of(new PhaseItem(bucket.item(), PhaseItem.IN_PLACE)), List.of(), null));

    AccountSetupReport report = result(start(env, worker, AccountSetupFixtures.existingAccount()));

    assertThat(report.changed()).filteredOn(i -> i.item().equals(bucket.item())).containsExactly(bucket);
    assertThat(report.unchanged()).noneMatch(i -> i.item().equals(bucket.item()));
  }

  @Test
  void aSecondRunChangesNothingAndSaysSoItemByItem(TestWorkflowEnvironment env, Worker worker) {
    fx.secondRun();
    AccountSetupWorkflow workflow = start(env, worker, AccountSetupFixtures.creatingAccount());

    AccountSetupReport report = result(workflow);

    assertThat(report.outcome()).isEqualTo(PhaseOutcome.SUCCEEDED);
    assertThat(report.changed()).isEmpty();
    assertThat(report.accountCreated()).isFalse();
    assertThat(report.accountId()).isEqualTo(NEW_ACCOUNT);
    assertThat(items(report.unchanged())).containsExactly(
        "organizations account " + NEW_ACCOUNT + ": already in place",
        "iam role AVESADeploymentRole: already in place",
        "iam inline policy avesa-deployment: unchanged",
        "guardduty detector: already in place",
        "config recorder default: already in place",
        "cloudtrail trail avesa-audit-trail: already in place",
        "sns topic avesa-alerts: already in place",
        "cloudwatch alarm avesa-billing: already in place");
    verify(fx.setup, never()).accountCreationStatus(any());
    ArgumentCaptor<AdminAccessRequest> admin = ArgumentCaptor.forClass(AdminAccessRequest.class);
    verify(fx.setup).checkAdminAccess(admin.capture());
    assertThat(admin.getValue().admin().target().roleArn())
        .isEqualTo("arn:aws:iam::" + NEW_ACCOUNT + ":role/OrganizationAccountAccessRole");
  }

  @Test
  void aTrustPolicyWithoutTheExternalIdFailsTheRunAndLeavesTheRoleAlone(TestWorkflowEnvironment env, Worker worker) {
    fx.secondRun();
    String problem = "iam role AVESADeploymentRole: its trust policy does not require the ExternalId";
    when(fx.setup.ensureDeploymentRole(any())).thenReturn(new RoleStep(roleArn(TARGET), false, List.of(),
        List.of(), List.of(problem)));
    AccountSetupWorkflow workflow = start(env, worker, AccountSetupFixtures.existingAccount());

    ApplicationFailure failure = failure(workflow);

    assertThat(failure.getOriginalMessage()).isEqualTo(problem);
    assertThat(report(failure).problems()).containsExactly("role: " + problem);
    assertThat(report(failure).compensated()).isEmpty();
    verify(fx.setup, never()).ensureRolePermissions(any());
    verify(fx.setup, never()).removeDeploymentRole(any());
    verify(fx.baseline, never()).ensureGuardDuty(any());
  }

  @Test
  void aMissingExternalIdFailsBeforeAnythingIsCreated(TestWorkflowEnvironment env, Worker worker) {
    fx.firstRun();
    AccountSetupWorkflow workflow = start(env, worker, AccountSetupFixtures.config(null, TARGET, null));

    ApplicationFailure failure = failure(workflow);

    assertThat(failure.getType()).isEqualTo(FailureType.BAD_CONFIG.type());
    assertThat(failure.getOriginalMessage()).startsWith("target.externalId is not set");
    verify(fx.setup, never()).createAccount(any());
    verify(fx.setup, never()).ensureDeploymentRole(any());
  }

  @Test
  void adminCredentialsFollowTheConfig() {
    MigrationConfig existing = AccountSetupFixtures.existingAccount();
    assertThat(AdminCredentials.estate(existing, TARGET).target()).as("no admin configured: the Organizations role")
        .isEqualTo(new AccountConfig(TARGET, null, "arn:aws:iam::" + TARGET + ":role/OrganizationAccountAccessRole", null));
    MigrationConfig withRole = withAdmin(existing, "arn:aws:iam::" + TARGET + ":role/Admin", null);
    assertThat(AdminCredentials.estate(withRole, TARGET).target())
        .isEqualTo(new AccountConfig(TARGET, null, "arn:aws:iam::" + TARGET + ":role/Admin", null));
    MigrationConfig withProfile = withAdmin(existing, null, "prod-admin");
    assertThat(AdminCredentials.estate(withProfile, TARGET).target())
        .isEqualTo(new AccountConfig(TARGET, "prod-admin", null, null));
  }

  private static MigrationConfig withAdmin(MigrationConfig config, String roleArn, String profile) {
    RunbookConfig runbook = config.runbook();
    return new MigrationConfig(config.name(), config.region(), config.endpoint(), config.source(), config.target(),
        config.data(), null, null, new RunbookConfig(new AccountSetupConfig(null, roleArn, profile), runbook.role(),
            runbook.security(), runbook.infrastructure(), runbook.tenants(), null));
  }
}
