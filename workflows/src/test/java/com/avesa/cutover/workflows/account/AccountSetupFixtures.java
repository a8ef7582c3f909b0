package com.avesa.cutover.workflows.account;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import com.avesa.cutover.workflows.config.AccountSetupConfig;
import com.avesa.cutover.workflows.config.DataConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.config.RoleConfig;
import com.avesa.cutover.workflows.config.RunbookConfig;
import com.avesa.cutover.workflows.config.SecurityConfig;
import com.avesa.cutover.workflows.estate.AccountConfig;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import java.util.List;

/** Configs and mocked activities for account setup workflow tests. */
final class AccountSetupFixtures {
  static final String SOURCE = "123456789012";
  static final String TARGET = "987654321098";
  static final String NEW_ACCOUNT = "555566667777";
  static final String EMAIL = "aws-prod@avesa.example.com";
  static final String TOPIC_ARN = "arn:aws:sns:us-east-1:" + NEW_ACCOUNT + ":avesa-alerts";

  final AccountSetupActivities setup = mock(AccountSetupActivities.class, withSettings().withoutAnnotations());
  final SecurityBaselineActivities baseline = mock(SecurityBaselineActivities.class,
      withSettings().withoutAnnotations());

  /** A config that asks Organizations for the production account; security left to its defaults. */
  static MigrationConfig creatingAccount() {
    return config(new AccountSetupConfig.NewAccount(EMAIL, "avesa-production"), null, "ext-id");
  }

  /** A config for an existing target account. */
  static MigrationConfig existingAccount() {
    return config(null, TARGET, "ext-id");
  }

  static MigrationConfig config(AccountSetupConfig.NewAccount create, String targetId, String externalId) {
    AccountConfig target = new AccountConfig(targetId, null, null, externalId);
    RunbookConfig runbook = RunbookConfig.defaults(targetId, null, null);
    runbook = new RunbookConfig(new AccountSetupConfig(create, null, null), RoleConfig.defaults(),
        SecurityConfig.defaults(targetId), runbook.infrastructure(), runbook.tenants(), null);
    return new MigrationConfig("avesa-test", "us-east-1", null, new AccountConfig(SOURCE, null, null, null), target,
        new DataConfig(List.of(), List.of(), null, 8, null, 2), null, null, runbook);
  }

  static String roleArn(String accountId) {
    return "arn:aws:iam::" + accountId + ":role/AVESADeploymentRole";
  }

  /** Every answer a first run gets: the role is created, every baseline part too. */
  AccountSetupFixtures firstRun() {
    lenient().when(setup.checkAdminAccess(any())).thenAnswer(i -> "arn:aws:sts::"
        + ((AdminAccessRequest) i.getArgument(0)).accountId() + ":assumed-role/OrganizationAccountAccessRole/x");
    lenient().when(setup.ensureDeploymentRole(any())).thenAnswer(i -> {
      DeploymentRoleRequest r = i.getArgument(0);
      return new RoleStep(roleArn(r.accountId()), true, List.of(new PhaseItem("iam role AVESADeploymentRole",
          "created")), List.of(), List.of());
    });
    lenient().when(setup.ensureRolePermissions(any())).thenAnswer(i -> new RoleStep(
        roleArn(((RolePermissionsRequest) i.getArgument(0)).accountId()), false,
        List.of(new PhaseItem("iam inline policy avesa-deployment", "created")), List.of(), List.of()));
    lenient().when(setup.verifyDeploymentRole(any())).thenAnswer(i -> "arn:aws:sts::"
        + ((AccessCheckRequest) i.getArgument(0)).accountId() + ":assumed-role/AVESADeploymentRole/avesa");
    lenient().when(baseline.ensureGuardDuty(any())).thenReturn(created("guardduty detector", "guardduty-detector", "d1"));
    lenient().when(baseline.ensureConfigRecorder(any())).thenReturn(new BaselineStep(
        List.of(new PhaseItem("config recorder default", "created"),
            new PhaseItem("config delivery channel default", "created")), List.of(),
        List.of(new CreatedResource("config-recorder", "default"),
            new CreatedResource("config-delivery-channel", "default")), null));
    lenient().when(baseline.ensureCloudTrail(any())).thenReturn(created("cloudtrail trail avesa-audit-trail",
        "cloudtrail-trail", "avesa-audit-trail"));
    lenient().when(baseline.ensureAlertTopic(any())).thenReturn(new BaselineStep(
        List.of(new PhaseItem("sns topic avesa-alerts", "created")), List.of(),
        List.of(new CreatedResource("sns-topic", TOPIC_ARN)), TOPIC_ARN));
    lenient().when(baseline.ensureBillingAlarm(any())).thenReturn(created("cloudwatch alarm avesa-billing",
        "cloudwatch-alarm", "avesa-billing"));
    return this;
  }

  /** Every answer a second run gets: everything already in place, nothing created. */
  AccountSetupFixtures secondRun() {
    lenient().when(setup.createAccount(any())).thenReturn(new AccountCreation(null, AccountCreation.State.SUCCEEDED,
        NEW_ACCOUNT, null, true));
    lenient().when(setup.checkAdminAccess(any())).thenReturn("arn:aws:sts::" + NEW_ACCOUNT + ":assumed-role/x/y");
    lenient().when(setup.ensureDeploymentRole(any())).thenReturn(new RoleStep(roleArn(NEW_ACCOUNT), false,
        List.of(), List.of(new PhaseItem("iam role AVESADeploymentRole", PhaseItem.IN_PLACE)), List.of()));
    lenient().when(setup.ensureRolePermissions(any())).thenReturn(new RoleStep(roleArn(NEW_ACCOUNT), false,
        List.of(), List.of(new PhaseItem("iam inline policy avesa-deployment", "unchanged")), List.of()));
    lenient().when(setup.verifyDeploymentRole(any())).thenReturn("arn:aws:sts::" + NEW_ACCOUNT + ":assumed-role/r/s");
    lenient().when(baseline.ensureGuardDuty(any())).thenReturn(inPlace("guardduty detector"));
    lenient().when(baseline.ensureConfigRecorder(any())).thenReturn(inPlace("config recorder default"));
    lenient().when(baseline.ensureCloudTrail(any())).thenReturn(inPlace("cloudtrail trail avesa-audit-trail"));
    lenient().when(baseline.ensureAlertTopic(any())).thenReturn(new BaselineStep(List.of(),
        List.of(new PhaseItem("sns topic avesa-alerts", PhaseItem.IN_PLACE)), List.of(), TOPIC_ARN));
    lenient().when(baseline.ensureBillingAlarm(any())).thenReturn(inPlace("cloudwatch alarm avesa-billing"));
    return this;
  }

  Object[] activities() {
    return new Object[] {setup, baseline};
  }

  private static BaselineStep created(String item, String kind, String id) {
    return new BaselineStep(List.of(new PhaseItem(item, "created")), List.of(), List.of(new CreatedResource(kind, id)),
        null);
  }

  private static BaselineStep inPlace(String item) {
    return new BaselineStep(List.of(), List.of(new PhaseItem(item, PhaseItem.IN_PLACE)), List.of(), null);
  }
}
