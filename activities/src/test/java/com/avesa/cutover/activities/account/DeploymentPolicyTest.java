package com.avesa.cutover.activities.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.workflows.config.AlarmSelector;
import com.avesa.cutover.workflows.config.BucketMapping;
import com.avesa.cutover.workflows.config.CutoverConfig;
import com.avesa.cutover.workflows.config.DataConfig;
import com.avesa.cutover.workflows.config.DnsConfig;
import com.avesa.cutover.workflows.config.InfrastructureConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.config.RunbookConfig;
import com.avesa.cutover.workflows.config.SecretFilter;
import com.avesa.cutover.workflows.config.SmokeTest;
import com.avesa.cutover.workflows.config.TableMapping;
import com.avesa.cutover.workflows.config.TenantsConfig;
import com.avesa.cutover.workflows.estate.AccountConfig;
import com.avesa.cutover.workflows.estate.Side;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeploymentPolicyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACCOUNT = "987654321098";

  private static MigrationConfig config(CutoverConfig cutover, InfrastructureConfig infrastructure) {
    RunbookConfig defaults = RunbookConfig.defaults(ACCOUNT, null, null);
    return new MigrationConfig("avesa-prod", "eu-west-1", null, new AccountConfig("123456789012", null, null, null),
        new AccountConfig(ACCOUNT, null, null, "ext"),
        new DataConfig(List.of(new BucketMapping("data-storage-msp", "data-storage-msp-prod", null)),
            List.of(new TableMapping("TenantServices", "TenantServices-prod"),
                new TableMapping("LastUpdated", "LastUpdated-prod")),
            new SecretFilter(List.of("tenant/*/prod")), 8, null, 2),
        cutover, null, new RunbookConfig(defaults.account(), defaults.role(), defaults.security(), infrastructure,
            new TenantsConfig("TenantServices-prod", "prod", "data-storage-msp-prod"), null));
  }

  private static CutoverConfig cutover(Side dnsAccount) {
    return new CutoverConfig(null, null, null, null, List.of("ConnectWiseIngestionSchedule"),
        List.of("ConnectWiseIngestionSchedule-prod"), new DnsConfig("Z123", "api.avesa.example.com", "CNAME",
        "api-prod.example.com", 60, dnsAccount), List.of(new SmokeTest("avesa-connectwise-ingestion-prod", "{}")),
        new AlarmSelector(List.of(), "avesa-"), "arn:aws:sns:eu-west-1:" + ACCOUNT + ":avesa-cutover");
  }

  private static String statement(String sid, List<String> actions, String... resources) throws Exception {
    return statement(sid, "Allow", actions, resources);
  }

  private static String statement(String sid, String effect, List<String> actions, String... resources)
      throws Exception {
    return JSON.writeValueAsString(JSON.createObjectNode().put("Sid", sid).put("Effect", effect)
        .<ObjectNode>set("Action", JSON.valueToTree(actions))
        .set("Resource", JSON.valueToTree(List.of(resources))));
  }

  @Test
  void namesExactlyWhatTheConfigNamesInTheTarget() throws Exception {
    MigrationConfig config = config(cutover(Side.TARGET), new InfrastructureConfig(null,
        List.of("AVESADataPipeline-prod"), List.of("avesa-servicenow-ingestion-prod"), List.of("ServiceNowSchedule")));

    JsonNode policy = JSON.readTree(DeploymentPolicy.document(config, ACCOUNT));

    String arn = "arn:aws:%s:eu-west-1:" + ACCOUNT + ":%s";
    assertThat(policy).isEqualTo(JSON.readTree("{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",",
        statement("TargetBuckets", List.of("s3:CreateBucket", "s3:ListBucket", "s3:ListBucketVersions",
            "s3:GetBucketLocation", "s3:GetBucketVersioning", "s3:PutBucketVersioning", "s3:GetEncryptionConfiguration",
            "s3:PutEncryptionConfiguration", "s3:GetBucketPublicAccessBlock", "s3:PutBucketPublicAccessBlock",
            "s3:GetBucketTagging"), "arn:aws:s3:::data-storage-msp-prod"),
        statement("TargetObjects", List.of("s3:GetObject", "s3:GetObjectVersion", "s3:GetObjectTagging",
            "s3:PutObject", "s3:PutObjectTagging", "s3:DeleteObject", "s3:AbortMultipartUpload",
            "s3:ListMultipartUploadParts"), "arn:aws:s3:::data-storage-msp-prod/*"),
        statement("TargetTables", List.of("dynamodb:CreateTable", "dynamodb:DescribeTable",
            "dynamodb:DescribeContinuousBackups", "dynamodb:UpdateContinuousBackups", "dynamodb:Scan", "dynamodb:Query",
            "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
            "dynamodb:BatchWriteItem", "dynamodb:BatchGetItem"),
            String.format(arn, "dynamodb", "table/TenantServices-prod"),
            String.format(arn, "dynamodb", "table/LastUpdated-prod")),
        statement("TargetSecrets", List.of("secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue",
            "secretsmanager:CreateSecret", "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecret",
            "secretsmanager:TagResource"), String.format(arn, "secretsmanager", "secret:tenant/*/prod-??????")),
        statement("SecretsOutsideTheGlobs", "Deny", List.of("secretsmanager:DescribeSecret",
            "secretsmanager:GetSecretValue", "secretsmanager:CreateSecret", "secretsmanager:PutSecretValue",
            "secretsmanager:UpdateSecret", "secretsmanager:TagResource"),
            String.format(arn, "secretsmanager", "secret:tenant/*/*/prod-??????")),
        statement("IngestionRules", List.of("events:DescribeRule", "events:EnableRule", "events:DisableRule",
            "events:ListTargetsByRule"), String.format(arn, "events", "rule/ConnectWiseIngestionSchedule-prod"),
            String.format(arn, "events", "rule/ServiceNowSchedule")),
        statement("Functions", List.of("lambda:GetFunction", "lambda:InvokeFunction"),
            String.format(arn, "lambda", "function:avesa-connectwise-ingestion-prod"),
            String.format(arn, "lambda", "function:avesa-servicenow-ingestion-prod")),
        statement("Stacks", List.of("cloudformation:DescribeStacks"),
            String.format(arn, "cloudformation", "stack/AVESADataPipeline-prod/*")),
        statement("HostedZone", List.of("route53:GetHostedZone", "route53:ListResourceRecordSets",
            "route53:ChangeResourceRecordSets"), "arn:aws:route53:::hostedzone/Z123"),
        statement("DnsChanges", List.of("route53:GetChange"), "arn:aws:route53:::change/*"),
        statement("Notify", List.of("sns:Publish"), "arn:aws:sns:eu-west-1:" + ACCOUNT + ":avesa-cutover"),
        statement("ReadOnlyWithoutResource", List.of("cloudwatch:DescribeAlarms", "sts:GetCallerIdentity",
            "secretsmanager:ListSecrets"), "*")) + "]}"));
  }

  @Test
  void leavesOutWhatTheConfigDoesNotNameAndAZoneInTheSourceAccount() throws Exception {
    JsonNode policy = JSON.readTree(DeploymentPolicy.document(config(cutover(Side.SOURCE),
        InfrastructureConfig.none()), ACCOUNT));

    assertThat(policy.path("Statement").findValuesAsText("Sid")).containsExactly("TargetBuckets", "TargetObjects",
        "TargetTables", "TargetSecrets", "SecretsOutsideTheGlobs", "IngestionRules", "Functions", "Notify",
        "ReadOnlyWithoutResource");
  }

  @Test
  void theSameConfigGivesTheSameDocumentWhateverItsFormatting() throws Exception {
    MigrationConfig config = config(null, InfrastructureConfig.none());
    String document = DeploymentPolicy.document(config, ACCOUNT);

    assertThat(DeploymentPolicy.sameAs(JSON.writerWithDefaultPrettyPrinter()
        .writeValueAsString(JSON.readTree(document)), document)).isTrue();
    assertThat(DeploymentPolicy.sameAs(document, DeploymentPolicy.document(config, "111122223333"))).isFalse();
  }
}
