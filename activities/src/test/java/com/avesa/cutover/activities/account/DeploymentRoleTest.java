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
import com.avesa.cutover.workflows.config.BucketMapping;
import com.avesa.cutover.workflows.config.DataConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.config.RoleConfig;
import com.avesa.cutover.workflows.config.RunbookConfig;
import com.avesa.cutover.workflows.estate.AccountConfig;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/** The deployment role in the target account, with admin credentials (the organization role), against moto. */
class DeploymentRoleTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();
  private static final String TARGET = TestEstates.TARGET_ACCOUNT;
  private static final String SOURCE = TestEstates.SOURCE_ACCOUNT;
  private static final String ROLE = RoleConfig.DEFAULT_NAME;
  private static final ObjectMapper JSON = new ObjectMapper();

  private AwsClients clients;
  private AccountSetupActivitiesImpl activities;
  private Estate admin;
  private IamClient iam;

  @BeforeEach
  void open() {
    clients = new AwsClients();
    activities = new AccountSetupActivitiesImpl(clients);
    admin = new Estate(MotoExtension.REGION, MOTO.endpoint(), new AccountConfig(SOURCE, null, null, null),
        new AccountConfig(TARGET, null, "arn:aws:iam::" + TARGET + ":role/OrganizationAccountAccessRole", null));
    iam = clients.iam(admin, Side.TARGET);
  }

  @AfterEach
  void close() {
    clients.close();
  }

  private DeploymentRoleRequest request(String runId) {
    return new DeploymentRoleRequest(admin, TARGET, SOURCE, ROLE, TestEstates.EXTERNAL_ID, runId);
  }

  private String trustPolicy() {
    return URLDecoder.decode(iam.getRole(b -> b.roleName(ROLE)).role().assumeRolePolicyDocument(),
        StandardCharsets.UTF_8);
  }

  private void existingRole(String trust) {
    iam.createRole(b -> b.roleName(ROLE).assumeRolePolicyDocument(trust));
  }

  private static MigrationConfig config(String policies, List<BucketMapping> buckets) {
    RunbookConfig defaults = RunbookConfig.defaults(TARGET, "TenantServices", "data-storage-msp-prod");
    return new MigrationConfig("avesa-test", MotoExtension.REGION, MOTO.endpoint(),
        new AccountConfig(SOURCE, null, null, null), new AccountConfig(TARGET, null, null, TestEstates.EXTERNAL_ID),
        new DataConfig(buckets, List.of(), null, 8, null, 2), null, null,
        new RunbookConfig(defaults.account(), new RoleConfig(ROLE, policies), defaults.security(),
            defaults.infrastructure(), defaults.tenants(), null));
  }

  @Test
  void createsTheRoleWithExactlyTheRunbookTrustPolicyInTheTargetAccount() throws Exception {
    RoleStep step = activities.ensureDeploymentRole(request("run-1"));

    assertThat(step.created()).isTrue();
    assertThat(step.roleArn()).isEqualTo("arn:aws:iam::" + TARGET + ":role/" + ROLE);
    assertThat(step.changed()).containsExactly(new PhaseItem("iam role " + ROLE, "created"));
    assertThat(step.problems()).isEmpty();
    assertThat(JSON.readTree(trustPolicy())).isEqualTo(JSON.readTree("""
        {"Version": "2012-10-17",
         "Statement": [{"Effect": "Allow",
                        "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
                        "Action": "sts:AssumeRole",
                        "Condition": {"StringEquals": {"sts:ExternalId": "avesa-deployment-key"}}}]}"""));
    assertThat(clients.iam(TestEstates.crossAccount(MOTO.endpoint()), Side.SOURCE).listRoles().roles())
        .noneMatch(r -> r.roleName().equals(ROLE));
  }

  @Test
  void aRetriedAttemptKnowsItsRoleAndAnotherRunFindsItInPlace() {
    activities.ensureDeploymentRole(request("run-1"));

    RoleStep retried = activities.ensureDeploymentRole(request("run-1"));
    RoleStep nextRun = activities.ensureDeploymentRole(request("run-2"));

    assertThat(retried.created()).isTrue();
    assertThat(nextRun.created()).isFalse();
    assertThat(nextRun.changed()).isEmpty();
    assertThat(nextRun.unchanged()).containsExactly(new PhaseItem("iam role " + ROLE, PhaseItem.IN_PLACE));
    assertThat(nextRun.problems()).isEmpty();
  }

  @Test
  void anExistingRoleWithoutTheExternalIdIsReportedAndNotRewritten() {
    String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
        + "\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\"}]}";
    existingRole(trust);

    RoleStep step = activities.ensureDeploymentRole(request("run-1"));

    assertThat(step.created()).isFalse();
    assertThat(step.unchanged()).isEmpty();
    assertThat(step.problems()).singleElement().asString()
        .startsWith("iam role AVESADeploymentRole: its trust policy does not require the ExternalId")
        .contains("does not rewrite");
    assertThat(trustPolicy()).isEqualTo(trust);
  }

  @Test
  void anExistingRoleThatAlsoTrustsAnotherAccountIsReported() {
    existingRole("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
        + "[\"arn:aws:iam::123456789012:root\",\"arn:aws:iam::444455556666:root\"]},\"Action\":\"sts:AssumeRole\","
        + "\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"avesa-deployment-key\"}}}]}");

    RoleStep step = activities.ensureDeploymentRole(request("run-1"));

    assertThat(step.problems()).singleElement().asString()
        .contains("also trusts arn:aws:iam::444455556666:root");
  }

  @Test
  void anExistingRoleThatAlsoLetsAWebIdentityInIsReportedAndNotRewritten() {
    String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
        + "\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":"
        + "{\"sts:ExternalId\":\"avesa-deployment-key\"}}},{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":"
        + "\"arn:aws:iam::987654321098:oidc-provider/token.actions.githubusercontent.com\"},\"Action\":\"sts:*\"}]}";
    existingRole(trust);

    RoleStep step = activities.ensureDeploymentRole(request("run-1"));

    assertThat(step.unchanged()).isEmpty();
    assertThat(step.problems()).allMatch(p -> p.startsWith("iam role AVESADeploymentRole: its trust policy ")
            && p.contains("does not rewrite"))
        .anyMatch(p -> p.contains("allows sts:AssumeRoleWithWebIdentity, which takes no ExternalId"))
        .anyMatch(p -> p.contains("allows sts:AssumeRoleWithSAML"))
        .anyMatch(p -> p.contains("also trusts arn:aws:iam::987654321098:oidc-provider/token.actions.githubusercontent.com"))
        .anyMatch(p -> p.contains("does not require the ExternalId"));
    assertThat(trustPolicy()).isEqualTo(trust);
  }

  @Test
  void aMissingExternalIdIsNonRetryableAndNamesTheField() {
    String message = Failed.nonRetryably(FailureType.BAD_CONFIG, () -> activities.ensureDeploymentRole(
        new DeploymentRoleRequest(admin, TARGET, SOURCE, ROLE, " ", "run-1")));

    assertThat(message).startsWith("target.externalId is not set");
    assertThat(iam.listRoles().roles()).noneMatch(r -> r.roleName().equals(ROLE));
  }

  @Test
  void theLeastPrivilegePolicyIsPutThenUnchangedThenUpdatedWhenTheConfigChanges() throws Exception {
    activities.ensureDeploymentRole(request("run-1"));
    MigrationConfig config = config(RoleConfig.LEAST_PRIVILEGE,
        List.of(new BucketMapping("data-storage-msp", "data-storage-msp-prod", null)));

    RoleStep first = activities.ensureRolePermissions(new RolePermissionsRequest(admin, TARGET, ROLE, config));
    RoleStep second = activities.ensureRolePermissions(new RolePermissionsRequest(admin, TARGET, ROLE, config));
    MigrationConfig more = config(RoleConfig.LEAST_PRIVILEGE, List.of(
        new BucketMapping("data-storage-msp", "data-storage-msp-prod", null),
        new BucketMapping("logs", "logs-prod", null)));
    RoleStep third = activities.ensureRolePermissions(new RolePermissionsRequest(admin, TARGET, ROLE, more));

    assertThat(first.changed()).containsExactly(new PhaseItem("iam inline policy avesa-deployment", "created"));
    assertThat(second.changed()).isEmpty();
    assertThat(second.unchanged()).containsExactly(
        new PhaseItem("iam inline policy avesa-deployment", PhaseItem.IN_PLACE));
    assertThat(third.changed()).containsExactly(new PhaseItem("iam inline policy avesa-deployment", "updated"));
    String stored = iam.getRolePolicy(b -> b.roleName(ROLE).policyName(DeploymentPolicy.NAME)).policyDocument();
    assertThat(JSON.readTree(TrustPolicy.decoded(stored)))
        .isEqualTo(JSON.readTree(DeploymentPolicy.document(more, TARGET)));
    assertThat(stored).contains("logs-prod");
  }

  @Test
  void removalDeletesThePoliciesAndTheRoleAndAGoneRoleIsFine() {
    activities.ensureDeploymentRole(request("run-1"));
    activities.ensureRolePermissions(new RolePermissionsRequest(admin, TARGET, ROLE,
        config(RoleConfig.LEAST_PRIVILEGE, List.of(new BucketMapping("a", "a-prod", null)))));

    activities.removeDeploymentRole(new RoleRemoval(admin, ROLE));
    activities.removeDeploymentRole(new RoleRemoval(admin, ROLE));

    assertThat(catchThrowable(() -> iam.getRole(b -> b.roleName(ROLE))))
        .isInstanceOf(NoSuchEntityException.class);
  }
}
