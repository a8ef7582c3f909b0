package com.avesa.cutover.workflows.config;

import com.avesa.cutover.runtime.config.ConfigLoader;

import static com.avesa.cutover.workflows.config.ConfigLoaderTest.VALID;
import static com.avesa.cutover.workflows.config.ConfigLoaderTest.problems;
import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.workflows.config.AccountSetupConfig.NewAccount;
import com.avesa.cutover.workflows.config.DecommissionConfig.Removal;
import com.avesa.cutover.workflows.config.InfrastructureConfig.DeployCommand;
import com.avesa.cutover.workflows.estate.AccountConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runbook's other sections: account, role, security, infrastructure, tenants, decommission. */
class RunbookConfigTest {
  /** The issue's example of the runbook sections. */
  static final String RUNBOOK = """
      account:
        create: { email: aws-prod@avesa.example.com, name: avesa-production }
        adminRoleArn: arn:aws:iam::987654321098:role/OrganizationAccountAccessRole
      role: { name: AVESADeploymentRole, policies: least-privilege }
      security:
        billingThreshold: 1000
        alertEmails: [ops@avesa.example.com]
        trailBucket: avesa-audit-logs-987654321098
      infrastructure:
        deploy: cdk-deploy
        stacks: [AVESADataPipeline-prod]
        functions: [avesa-connectwise-ingestion-prod]
        rules: [ConnectWiseIngestionSchedule]
      decommission:
        archiveBucket: data-storage-msp-archive
        storageClass: GLACIER
        retention: P30D
        remove: { rules: [ConnectWiseIngestionSchedule], functions: [], tables: [TenantServices-prod, LastUpdated-prod], bucketObjects: true }
      """;

  @Test
  void readsTheIssuesExample() throws ConfigException {
    MigrationConfig config = ConfigLoader.parse(VALID + RUNBOOK, "avesa.yaml");
    RunbookConfig runbook = config.runbook();

    assertThat(runbook.account()).isEqualTo(new AccountSetupConfig(
        new NewAccount("aws-prod@avesa.example.com", "avesa-production"),
        "arn:aws:iam::987654321098:role/OrganizationAccountAccessRole", null));
    assertThat(runbook.role()).isEqualTo(new RoleConfig("AVESADeploymentRole", "least-privilege"));
    assertThat(runbook.security()).isEqualTo(new SecurityConfig(1000, List.of("ops@avesa.example.com"),
        "avesa-audit-logs-987654321098", "avesa-audit-trail", "avesa-alerts"));
    assertThat(runbook.infrastructure()).isEqualTo(new InfrastructureConfig(
        DeployCommand.named("cdk-deploy"),
        List.of("AVESADataPipeline-prod"), List.of("avesa-connectwise-ingestion-prod"),
        List.of("ConnectWiseIngestionSchedule")));
    assertThat(runbook.decommission()).isEqualTo(new DecommissionConfig("data-storage-msp-archive", "GLACIER",
        Duration.ofDays(30), new Removal(List.of("ConnectWiseIngestionSchedule"), List.of(),
            List.of("TenantServices-prod", "LastUpdated-prod"), true)));
    assertThat(config.approvals()).as("a decommission gate needs approvals").isEqualTo(ApprovalsConfig.defaults()
        .withIdentity(ApprovalsConfig.DECLARED));
  }

  @Test
  void fillsDefaultsFromTheRestOfTheFile() throws ConfigException {
    RunbookConfig runbook = ConfigLoader.parse(VALID, "avesa.yaml").runbook();

    assertThat(runbook.account()).isEqualTo(AccountSetupConfig.none());
    assertThat(runbook.role()).as("the role named in target.roleArn")
        .isEqualTo(new RoleConfig("AVESADeploymentRole", RoleConfig.LEAST_PRIVILEGE));
    assertThat(runbook.security().trailBucket()).isEqualTo("avesa-audit-logs-987654321098");
    assertThat(runbook.security().billingThreshold()).isEqualTo(1000);
    assertThat(runbook.infrastructure()).isEqualTo(InfrastructureConfig.none());
    assertThat(runbook.tenants()).isEqualTo(new TenantsConfig("TenantServices", "prod", "data-storage-msp-prod"));
    assertThat(runbook.tenants().secretName("acme")).isEqualTo("tenant/acme/prod");
    assertThat(runbook.decommission()).isNull();
  }

  @Test
  void aCreatedAccountNeedsNoTargetAccountIdButCannotNameARoleInIt() throws ConfigException {
    String created = VALID.replace("""
        target: { accountId: "987654321098", roleArn: "arn:aws:iam::987654321098:role/AVESADeploymentRole",
                  externalId: avesa-deployment-key }""", "target: { externalId: avesa-deployment-key }");
    String withAccount = created + "account: { create: { email: prod@avesa.example.com, name: avesa-production } }\n";

    MigrationConfig config = ConfigLoader.parse(withAccount, "f");

    assertThat(config.target()).isEqualTo(new AccountConfig(null, null, null, "avesa-deployment-key"));
    assertThat(problems(created)).contains("target.accountId: required (the 12-digit AWS account id, in quotes)");
    assertThat(problems(withAccount.replace("target: { externalId: avesa-deployment-key }",
        "target: { roleArn: \"arn:aws:iam::987654321098:role/X\", externalId: k }")))
        .anyMatch(p -> p.startsWith("target.roleArn: the account is created by this run"));
  }

  @Test
  void namesEveryBrokenValueWithItsPath() {
    String broken = VALID + """
        account: { create: { email: not-an-email }, adminRoleArn: "arn:nope", adminProfile: admin, colour: red }
        role: { name: OtherRole, policies: all }
        security: { billingThreshold: 0, alertEmails: [ops], trailBucket: Bad_Bucket }
        infrastructure: { deploy: "cdk deploy", stacks: ["1stack"], functions: ["bad name"], rules: [ok] }
        tenants: { table: "x", environment: "prod env" }
        decommission: { storageClass: COLD, retention: 30 days, remove: { tables: [ok-table], bucketObjects: maybe } }
        """;

    assertThat(problems(broken)).contains(
        "account.colour: unknown key (known: create, adminRoleArn, adminProfile)",
        "account.create.email: 'not-an-email' is not an email address (the new account's root email, "
            + "e.g. aws-prod@avesa.example.com)",
        "account.create.name: required",
        "account.adminRoleArn: 'arn:nope' is not a role ARN (arn:aws:iam::<12 digits>:role/<name>)",
        "account.adminProfile: give either account.adminRoleArn or account.adminProfile, not both",
        "role.name: OtherRole but target.roleArn names role AVESADeploymentRole: the run assumes the role it sets "
            + "up (make them the same, or leave role.name out)",
        "security.alertEmails[0]: 'ops' is not an email address",
        "infrastructure.deploy: expected the name of a deploy command the worker allows (1-64 of letters, digits"
            + " and ._-, e.g. cdk-deploy), not 'cdk deploy'",
        "infrastructure.stacks[0]: '1stack' is not a CloudFormation stack name",
        "infrastructure.functions[0]: 'bad name' is not a Lambda function name",
        "decommission.archiveBucket: required");
    assertThat(problems(broken)).anyMatch(p -> p.startsWith("role.policies: "))
        .anyMatch(p -> p.startsWith("security.billingThreshold: "))
        .anyMatch(p -> p.startsWith("security.trailBucket: "))
        .anyMatch(p -> p.startsWith("tenants.table: "))
        .anyMatch(p -> p.startsWith("tenants.environment: "))
        .anyMatch(p -> p.startsWith("decommission.storageClass: "))
        .anyMatch(p -> p.startsWith("decommission.retention: "))
        .anyMatch(p -> p.startsWith("decommission.remove.bucketObjects: "));
  }

  @Test
  void validationKnownPrefixesAreReadAndAbsentMeansNone() throws ConfigException {
    RunbookConfig known = ConfigLoader.parse(VALID + "validation: { knownPrefixes: [raw/legacy-export/, tmp/] }\n",
        "avesa.yaml").runbook();
    RunbookConfig none = ConfigLoader.parse(VALID, "avesa.yaml").runbook();

    assertThat(known.validationOrNone().knownPrefixes()).containsExactly("raw/legacy-export/", "tmp/");
    assertThat(none.validationOrNone().knownPrefixes()).isEmpty();
    assertThat(new RunbookConfig(none.account(), none.role(), none.security(), none.infrastructure(), none.tenants(),
        null, null).validationOrNone()).as("a payload from before validation:").isEqualTo(ValidationConfig.none());
  }

  @Test
  void namesEveryBrokenKnownPrefixAtOnce() {
    String broken = VALID + "validation: { knownPrefixes: [raw/old, /abs/, \"a b/\", raw/../x/, 3], typo: 1 }\n";

    assertThat(problems(broken)).containsExactly(
        "validation.typo: unknown key (known: knownPrefixes)",
        "validation.knownPrefixes[4]: must be a string, got a number",
        "validation.knownPrefixes[0]: 'raw/old' is not a key prefix ending in / (1-1024 characters, no leading /,"
            + " no .. or //; e.g. raw/legacy-export/)",
        "validation.knownPrefixes[1]: '/abs/' is not a key prefix ending in / (1-1024 characters, no leading /,"
            + " no .. or //; e.g. raw/legacy-export/)",
        "validation.knownPrefixes[2]: 'a b/' is not a key prefix ending in / (1-1024 characters, no leading /,"
            + " no .. or //; e.g. raw/legacy-export/)",
        "validation.knownPrefixes[3]: 'raw/../x/' is not a key prefix ending in / (1-1024 characters, no leading /,"
            + " no .. or //; e.g. raw/legacy-export/)");
  }

  @Test
  void refusesARetentionLongerThanItsLimit() {
    assertThat(problems(VALID + RUNBOOK.replace("retention: P30D", "retention: P401D")))
        .containsExactly("decommission.retention: 'P401D' is longer than P400D, the longest allowed (e.g. P30D)");
  }

  @Test
  void aDeployArgvInTheConfigIsRefusedInOneLineSayingWhatToDoInstead() {
    String withArgv = VALID + "infrastructure: { deploy: { command: [cdk, deploy, --all], workdir: infra } }\n";

    assertThat(problems(withArgv)).containsExactly("infrastructure.deploy.command: the worker no longer runs a"
        + " program named in the config; put it in the worker's deploy commands file (AVESA_DEPLOY_COMMANDS, e.g."
        + " /etc/avesa/deploy.yaml) under a name and write that name here, e.g. infrastructure.deploy: cdk-deploy");
  }

  @Test
  void theAwsExampleNamesADeployCommandOfTheWorker() throws ConfigException {
    MigrationConfig config = ConfigLoader.load(Path.of("..", "examples", "aws.yaml"));

    assertThat(config.runbook().infrastructure().deploy()).isEqualTo(DeployCommand.named("cdk-deploy"));
  }

  @Test
  void aDeployIsANameNotAListOrAMapping() {
    assertThat(problems(VALID + "infrastructure: { deploy: [cdk, deploy] }\n")).singleElement().asString()
        .startsWith("infrastructure.deploy: expected the name of a deploy command the worker allows").endsWith("not a list");
    assertThat(problems(VALID + "infrastructure: { deploy: { name: cdk-deploy } }\n")).singleElement().asString()
        .endsWith("not a mapping");
  }

  @Test
  void runbookPoliciesAreTheRunbooksManagedOnes() throws ConfigException {
    RoleConfig role = ConfigLoader.parse(VALID + "role: { policies: runbook }\n", "f").runbook().role();

    assertThat(role.runbookPolicies()).isTrue();
    assertThat(role.name()).isEqualTo("AVESADeploymentRole");
  }
}
