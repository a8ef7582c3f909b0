package com.avesa.cutover.activities.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.testing.Failed;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.activities.testing.TestEstates;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.account.DeploymentRoleRequest;
import com.avesa.cutover.workflows.account.RolePermissionsRequest;
import com.avesa.cutover.workflows.account.RoleRemoval;
import com.avesa.cutover.workflows.account.RoleStep;
import com.avesa.cutover.workflows.config.DataConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.config.RoleConfig;
import com.avesa.cutover.workflows.config.RunbookConfig;
import com.avesa.cutover.workflows.estate.AccountConfig;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/** {@code role.policies: runbook}: the managed PowerUserAccess and IAMFullAccess, against a moto that knows them. */
class RunbookPoliciesTest {
  @RegisterExtension static final MotoExtension MOTO = MotoExtension.withManagedPolicies();
  /** A moto as started by hand, without the managed policies. */
  @RegisterExtension static final MotoExtension PLAIN = new MotoExtension();
  private static final String TARGET = TestEstates.TARGET_ACCOUNT;
  private static final String ROLE = "AVESARunbookRole";

  private AwsClients clients;
  private AccountSetupActivitiesImpl activities;
  private Estate admin;
  private IamClient iam;
  private MigrationConfig config;

  @BeforeEach
  void open() {
    open(MOTO.endpoint());
  }

  private void open(String endpoint) {
    clients = new AwsClients();
    activities = new AccountSetupActivitiesImpl(clients);
    admin = new Estate(MotoExtension.REGION, endpoint,
        new AccountConfig(TestEstates.SOURCE_ACCOUNT, null, null, null),
        new AccountConfig(TARGET, null, "arn:aws:iam::" + TARGET + ":role/OrganizationAccountAccessRole", null));
    iam = clients.iam(admin, Side.TARGET);
    RunbookConfig defaults = RunbookConfig.defaults(TARGET, null, null);
    config = new MigrationConfig("avesa-test", MotoExtension.REGION, endpoint, admin.source(),
        new AccountConfig(TARGET, null, null, TestEstates.EXTERNAL_ID), new DataConfig(List.of(), List.of(), null, 8,
        null, 2), null, null, new RunbookConfig(defaults.account(), new RoleConfig(ROLE, RoleConfig.RUNBOOK),
        defaults.security(), defaults.infrastructure(), defaults.tenants(), null));
    activities.ensureDeploymentRole(new DeploymentRoleRequest(admin, TARGET, TestEstates.SOURCE_ACCOUNT, ROLE,
        TestEstates.EXTERNAL_ID, "run-1"));
  }

  @AfterEach
  void close() {
    activities.removeDeploymentRole(new RoleRemoval(admin, ROLE));
    clients.close();
  }

  @Test
  void attachesBothManagedPoliciesOnceAndNoInlinePolicy() {
    RoleStep first = activities.ensureRolePermissions(new RolePermissionsRequest(admin, TARGET, ROLE, config));
    RoleStep second = activities.ensureRolePermissions(new RolePermissionsRequest(admin, TARGET, ROLE, config));

    assertThat(first.changed()).containsExactly(
        new PhaseItem("iam managed policy PowerUserAccess", "attached"),
        new PhaseItem("iam managed policy IAMFullAccess", "attached"));
    assertThat(second.changed()).isEmpty();
    assertThat(second.unchanged()).containsExactly(
        new PhaseItem("iam managed policy PowerUserAccess", PhaseItem.IN_PLACE),
        new PhaseItem("iam managed policy IAMFullAccess", PhaseItem.IN_PLACE));
    assertThat(iam.listAttachedRolePolicies(b -> b.roleName(ROLE)).attachedPolicies())
        .extracting(AttachedPolicy::policyArn).containsExactlyInAnyOrderElementsOf(DeploymentRole.RUNBOOK_POLICIES);
    assertThat(iam.listRolePolicies(b -> b.roleName(ROLE)).policyNames()).isEmpty();
  }

  @Test
  void removalDetachesTheManagedPoliciesBeforeDeletingTheRole() {
    activities.ensureRolePermissions(new RolePermissionsRequest(admin, TARGET, ROLE, config));

    activities.removeDeploymentRole(new RoleRemoval(admin, ROLE));

    assertThat(catchThrowable(() -> iam.getRole(b -> b.roleName(ROLE))))
        .isInstanceOf(NoSuchEntityException.class);
  }

  @Test
  void anEmulatorWithoutManagedPoliciesIsNamedWithTheFixNotRetried() {
    close();
    open(PLAIN.endpoint());

    String message = Failed.nonRetryably(FailureType.BAD_CONFIG,
        () -> activities.ensureRolePermissions(new RolePermissionsRequest(admin, TARGET, ROLE, config)));

    assertThat(message).contains("arn:aws:iam::aws:policy/PowerUserAccess").contains("MOTO_IAM_LOAD_MANAGED_POLICIES=true")
        .contains("role.policies: least-privilege");
  }
}
