package com.avesa.cutover.activities.account;

import com.avesa.cutover.workflows.config.BucketMapping;
import com.avesa.cutover.workflows.config.CutoverConfig;
import com.avesa.cutover.workflows.config.DnsConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.config.RunbookConfig;
import com.avesa.cutover.workflows.config.SmokeTest;
import com.avesa.cutover.workflows.config.TableMapping;
import com.avesa.cutover.workflows.estate.Side;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The deployment role's least-privilege inline policy, generated from the config: what the later
 * phases do in the target, on exactly what the config names there — the target buckets and their
 * objects, tables, secrets (the migrated globs and the tenants' secrets), ingestion rules,
 * functions, stacks, the cutover's hosted zone when it lives in the target, the notify topic —
 * plus the read-only calls that take no resource (alarms, identity). Secrets are allowed by
 * their globs exactly, with a Deny for what IAM's wildcards would add ({@link SecretArnPatterns}). Statements with nothing to
 * name are left out. Pure: the same config gives the same document, so a rerun can tell that the
 * policy in place is already right.
 */
final class DeploymentPolicy {
  static final String NAME = "avesa-deployment";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ALLOW = "Allow";
  private static final String DENY = "Deny";
  private static final List<String> BUCKET_ACTIONS = List.of("s3:CreateBucket", "s3:ListBucket",
      "s3:ListBucketVersions", "s3:GetBucketLocation", "s3:GetBucketVersioning", "s3:PutBucketVersioning",
      "s3:GetEncryptionConfiguration", "s3:PutEncryptionConfiguration", "s3:GetBucketPublicAccessBlock",
      "s3:PutBucketPublicAccessBlock", "s3:GetBucketTagging");
  private static final List<String> OBJECT_ACTIONS = List.of("s3:GetObject", "s3:GetObjectVersion",
      "s3:GetObjectTagging", "s3:PutObject", "s3:PutObjectTagging", "s3:DeleteObject", "s3:AbortMultipartUpload",
      "s3:ListMultipartUploadParts");
  private static final List<String> TABLE_ACTIONS = List.of("dynamodb:CreateTable", "dynamodb:DescribeTable",
      "dynamodb:DescribeContinuousBackups", "dynamodb:UpdateContinuousBackups", "dynamodb:Scan", "dynamodb:Query",
      "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
      "dynamodb:BatchWriteItem", "dynamodb:BatchGetItem");
  private static final List<String> SECRET_ACTIONS = List.of("secretsmanager:DescribeSecret",
      "secretsmanager:GetSecretValue", "secretsmanager:CreateSecret", "secretsmanager:PutSecretValue",
      "secretsmanager:UpdateSecret", "secretsmanager:TagResource");
  private static final List<String> RULE_ACTIONS = List.of("events:DescribeRule", "events:EnableRule",
      "events:DisableRule", "events:ListTargetsByRule");
  private static final List<String> FUNCTION_ACTIONS = List.of("lambda:GetFunction", "lambda:InvokeFunction");
  private static final List<String> ZONE_ACTIONS = List.of("route53:GetHostedZone",
      "route53:ListResourceRecordSets", "route53:ChangeResourceRecordSets");

  private DeploymentPolicy() {}

  /** The policy for the role in {@code accountId} (compact JSON). */
  static String document(MigrationConfig config, String accountId) {
    String region = config.region();
    RunbookConfig runbook = config.runbook();
    CutoverConfig cutover = config.cutover();
    ArrayNode statements = JSON.createArrayNode();
    Set<String> buckets = names(config.data().buckets().stream().map(BucketMapping::target),
        Stream.of(runbook.tenants().bucket()));
    add(statements, "TargetBuckets", BUCKET_ACTIONS, buckets, b -> "arn:aws:s3:::" + b);
    add(statements, "TargetObjects", OBJECT_ACTIONS, buckets, b -> "arn:aws:s3:::" + b + "/*");
    add(statements, "TargetTables", TABLE_ACTIONS,
        names(config.data().tables().stream().map(TableMapping::target), Stream.of(runbook.tenants().table())),
        t -> "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + t);
    Set<String> secrets = names(config.data().secrets().include().stream(),
        Stream.of(runbook.tenants().secretName("*")));
    String secretArn = "arn:aws:secretsmanager:" + region + ":" + accountId + ":secret:";
    add(statements, "TargetSecrets", SECRET_ACTIONS, secrets, glob -> secretArn + SecretArnPatterns.allowed(glob));
    // IAM's * crosses '/', the config's does not: deny what the Allow matches beyond the globs.
    Set<String> beyondGlobs = new LinkedHashSet<>();
    secrets.forEach(glob -> beyondGlobs.addAll(SecretArnPatterns.denied(glob)));
    add(statements, "SecretsOutsideTheGlobs", DENY, SECRET_ACTIONS, beyondGlobs, pattern -> secretArn + pattern);
    add(statements, "IngestionRules", RULE_ACTIONS,
        names(cutover == null ? Stream.empty() : cutover.targetRules().stream(),
            runbook.infrastructure().rules().stream()),
        r -> "arn:aws:events:" + region + ":" + accountId + ":rule/" + r);
    add(statements, "Functions", FUNCTION_ACTIONS,
        names(cutover == null ? Stream.empty() : cutover.smokeTests().stream().map(SmokeTest::function),
            runbook.infrastructure().functions().stream()),
        f -> "arn:aws:lambda:" + region + ":" + accountId + ":function:" + f);
    add(statements, "Stacks", List.of("cloudformation:DescribeStacks"),
        names(runbook.infrastructure().stacks().stream(), Stream.empty()),
        s -> "arn:aws:cloudformation:" + region + ":" + accountId + ":stack/" + s + "/*");
    DnsConfig dns = cutover == null ? null : cutover.dns();
    if (dns != null && dns.account() != Side.SOURCE) {
      add(statements, "HostedZone", ZONE_ACTIONS, Set.of(dns.hostedZoneId()),
          z -> "arn:aws:route53:::hostedzone/" + z);
      add(statements, "DnsChanges", List.of("route53:GetChange"), Set.of("*"), c -> "arn:aws:route53:::change/*");
    }
    if (cutover != null && cutover.notifyTopicArn() != null) {
      add(statements, "Notify", List.of("sns:Publish"), Set.of(cutover.notifyTopicArn()), arn -> arn);
    }
    List<String> unscoped = new ArrayList<>(List.of("cloudwatch:DescribeAlarms", "sts:GetCallerIdentity"));
    if (!secrets.isEmpty()) {
      unscoped.add("secretsmanager:ListSecrets");
    }
    add(statements, "ReadOnlyWithoutResource", unscoped, Set.of("*"), any -> "*");
    ObjectNode policy = JSON.createObjectNode().put("Version", "2012-10-17");
    policy.set("Statement", statements);
    return policy.toString();
  }

  /** Whether an inline policy found on the role (maybe URL-encoded) says the same as {@code document}. */
  static boolean sameAs(String found, String document) {
    try {
      return JSON.readTree(TrustPolicy.decoded(found)).equals(JSON.readTree(document));
    } catch (JsonProcessingException unreadable) {
      return false;
    }
  }

  private static Set<String> names(Stream<String> configured, Stream<String> more) {
    Set<String> names = new LinkedHashSet<>();
    Stream.concat(configured, more).filter(n -> n != null && !n.isBlank()).forEach(names::add);
    return names;
  }

  private static void add(ArrayNode statements, String sid, List<String> actions, Set<String> names,
      Function<String, String> arn) {
    add(statements, sid, ALLOW, actions, names, arn);
  }

  private static void add(ArrayNode statements, String sid, String effect, List<String> actions, Set<String> names,
      Function<String, String> arn) {
    if (names.isEmpty()) {
      return;
    }
    ObjectNode statement = statements.addObject().put("Sid", sid).put("Effect", effect);
    actions.forEach(statement.putArray("Action")::add);
    names.stream().map(arn).distinct().forEach(statement.putArray("Resource")::add);
  }
}
