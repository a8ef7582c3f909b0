package com.avesa.cutover.runtime.config;

import com.avesa.cutover.workflows.estate.AccountConfig;
import com.avesa.cutover.workflows.config.AccountSetupConfig;
import com.avesa.cutover.workflows.config.DataConfig;
import com.avesa.cutover.workflows.config.DecommissionConfig;
import com.avesa.cutover.workflows.config.DurationLimits;
import com.avesa.cutover.workflows.config.InfrastructureConfig;
import com.avesa.cutover.workflows.config.RoleConfig;
import com.avesa.cutover.workflows.config.RunbookConfig;
import com.avesa.cutover.workflows.config.SecurityConfig;
import com.avesa.cutover.workflows.config.TableMapping;
import com.avesa.cutover.workflows.config.TenantsConfig;
import com.avesa.cutover.workflows.config.ValidationConfig;
import static com.avesa.cutover.runtime.config.YamlFields.absent;

import com.avesa.cutover.workflows.config.AccountSetupConfig.NewAccount;
import com.avesa.cutover.workflows.config.DecommissionConfig.Removal;
import com.avesa.cutover.workflows.config.InfrastructureConfig.DeployCommand;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the runbook's other sections — {@code account:}, {@code role:}, {@code security:},
 * {@code infrastructure:}, {@code tenants:}, {@code decommission:}, {@code validation:} — into the
 * shared problem list.
 */
final class RunbookSectionReader {
  static final List<String> RUNBOOK_KEYS =
      List.of("account", "role", "security", "infrastructure", "tenants", "decommission", "validation");
  static final List<String> ACCOUNT_KEYS = List.of("create", "adminRoleArn", "adminProfile");
  static final List<String> CREATE_KEYS = List.of("email", "name");
  static final List<String> ROLE_KEYS = List.of("name", "policies");
  static final List<String> POLICIES = List.of(RoleConfig.LEAST_PRIVILEGE, RoleConfig.RUNBOOK);
  static final List<String> SECURITY_KEYS =
      List.of("billingThreshold", "alertEmails", "trailBucket", "trailName", "alertTopic");
  static final List<String> INFRASTRUCTURE_KEYS = List.of("deploy", "stacks", "functions", "rules");
  static final List<String> TENANTS_KEYS = List.of("table", "environment", "bucket");
  static final List<String> DECOMMISSION_KEYS = List.of("archiveBucket", "storageClass", "retention", "remove");
  static final List<String> VALIDATION_KEYS = List.of("knownPrefixes");
  static final List<String> REMOVE_KEYS = List.of("rules", "functions", "tables", "bucketObjects");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
  private static final Pattern STACK_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,127}");
  private static final Pattern TRAIL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,127}");
  private static final Pattern ENVIRONMENT = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");
  private static final Pattern KNOWN_PREFIX = Pattern.compile("[^/\\s][^\\s]{0,1022}/");
  private static final Pattern FUNCTION_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final List<String> problems;
  private final YamlFields yaml;
  private final ConfigRules rules;

  RunbookSectionReader(List<String> problems, YamlFields yaml, ConfigRules rules) {
    this.problems = problems;
    this.yaml = yaml;
    this.rules = rules;
  }

  /** True when the file asks for a new account, so {@code target.accountId} may be left out. */
  static boolean createsAccount(JsonNode root) {
    JsonNode account = root.get("account");
    return account != null && account.isObject() && !absent(account.get("create"));
  }

  /**
   * The runbook sections of {@code root}; {@code target} and {@code data} are the already read
   * sections (either may be null when broken) the defaults derive from.
   */
  RunbookConfig read(JsonNode root, AccountConfig target, DataConfig data) {
    String targetId = target == null ? null : target.accountId();
    AccountSetupConfig account = account(root.get("account"));
    RoleConfig role = role(root.get("role"), target);
    SecurityConfig security = security(root.get("security"), targetId);
    InfrastructureConfig infrastructure = infrastructure(root.get("infrastructure"));
    TenantsConfig tenants = tenants(root.get("tenants"), data);
    JsonNode decommissionNode = root.get("decommission");
    DecommissionConfig decommission = absent(decommissionNode) ? null : decommission(decommissionNode);
    ValidationConfig validation = validation(root.get("validation"));
    return new RunbookConfig(account, role, security, infrastructure, tenants, decommission, validation);
  }

  /** {@code validation.knownPrefixes}: key prefixes that end with {@code /} and hold no {@code ..}. */
  private ValidationConfig validation(JsonNode node) {
    if (absent(node) || !yaml.mapping(node, "validation", VALIDATION_KEYS)) {
      return ValidationConfig.none();
    }
    List<String> prefixes = yaml.strings(node, "validation", "knownPrefixes");
    for (int i = 0; i < prefixes.size(); i++) {
      String prefix = prefixes.get(i);
      if (!KNOWN_PREFIX.matcher(prefix).matches() || prefix.contains("..") || prefix.contains("//")) {
        problems.add("validation.knownPrefixes[" + i + "]: '" + prefix + "' is not a key prefix ending in /"
            + " (1-1024 characters, no leading /, no .. or //; e.g. raw/legacy-export/)");
      }
    }
    return new ValidationConfig(prefixes);
  }

  private AccountSetupConfig account(JsonNode node) {
    if (absent(node) || !yaml.mapping(node, "account", ACCOUNT_KEYS)) {
      return AccountSetupConfig.none();
    }
    NewAccount create = null;
    JsonNode createNode = node.get("create");
    if (!absent(createNode) && yaml.mapping(createNode, "account.create", CREATE_KEYS)) {
      String email = yaml.text(createNode, "account.create", "email", true);
      if (email != null && !EMAIL.matcher(email).matches()) {
        problems.add("account.create.email: '" + email + "' is not an email address (the new account's root "
            + "email, e.g. aws-prod@avesa.example.com)");
      }
      String name = yaml.text(createNode, "account.create", "name", true);
      create = new NewAccount(email, name);
    }
    String adminRoleArn = yaml.text(node, "account", "adminRoleArn", false);
    if (adminRoleArn != null) {
      rules.checkRoleArn("account.adminRoleArn", adminRoleArn);
    }
    String adminProfile = yaml.text(node, "account", "adminProfile", false);
    if (adminRoleArn != null && adminProfile != null) {
      problems.add("account.adminProfile: give either account.adminRoleArn or account.adminProfile, not both");
    }
    return new AccountSetupConfig(create, adminRoleArn, adminProfile);
  }

  private RoleConfig role(JsonNode node, AccountConfig target) {
    String fromArn = target == null || target.roleArn() == null ? null
        : target.roleArn().substring(target.roleArn().lastIndexOf('/') + 1);
    if (absent(node) || !yaml.mapping(node, "role", ROLE_KEYS)) {
      return new RoleConfig(fromArn, null);
    }
    String name = yaml.text(node, "role", "name", false);
    if (name != null && !ROLE_NAME.matcher(name).matches()) {
      problems.add("role.name: '" + name + "' is not an IAM role name (1-64 of letters, digits and +=,.@_-)");
    }
    if (name != null && fromArn != null && !name.equals(fromArn)) {
      problems.add("role.name: " + name + " but target.roleArn names role " + fromArn
          + ": the run assumes the role it sets up (make them the same, or leave role.name out)");
    }
    String policies = yaml.oneOf(node, "role", "policies", POLICIES, RoleConfig.LEAST_PRIVILEGE);
    return new RoleConfig(name == null ? fromArn : name, policies);
  }

  private SecurityConfig security(JsonNode node, String targetId) {
    if (absent(node) || !yaml.mapping(node, "security", SECURITY_KEYS)) {
      return SecurityConfig.defaults(targetId);
    }
    int threshold = yaml.number(node, "security", "billingThreshold", SecurityConfig.DEFAULT_BILLING_THRESHOLD,
        1, Integer.MAX_VALUE);
    List<String> emails = yaml.strings(node, "security", "alertEmails");
    for (int i = 0; i < emails.size(); i++) {
      if (!EMAIL.matcher(emails.get(i).trim()).matches()) {
        problems.add("security.alertEmails[" + i + "]: '" + emails.get(i) + "' is not an email address");
      }
    }
    String trailBucket = yaml.text(node, "security", "trailBucket", false);
    rules.checkBucketName("security.trailBucket", trailBucket);
    String trailName = yaml.text(node, "security", "trailName", false);
    checkPattern("security.trailName", trailName, TRAIL_NAME, "a CloudTrail trail name (3-128 of letters, digits, ._-)");
    String alertTopic = yaml.text(node, "security", "alertTopic", false);
    checkPattern("security.alertTopic", alertTopic, TOPIC_NAME, "an SNS topic name (1-256 of letters, digits, _-)");
    return new SecurityConfig(threshold, emails.stream().map(String::trim).toList(),
        trailBucket == null ? SecurityConfig.defaultTrailBucket(targetId) : trailBucket, trailName, alertTopic);
  }

  private InfrastructureConfig infrastructure(JsonNode node) {
    if (absent(node) || !yaml.mapping(node, "infrastructure", INFRASTRUCTURE_KEYS)) {
      return InfrastructureConfig.none();
    }
    DeployCommand deploy = deployCommand(node.get("deploy"));
    List<String> stacks = names(node, "infrastructure", "stacks", STACK_NAME, "a CloudFormation stack name");
    List<String> functions = names(node, "infrastructure", "functions", FUNCTION_NAME, "a Lambda function name");
    List<String> ruleNames = yaml.strings(node, "infrastructure", "rules");
    for (int i = 0; i < ruleNames.size(); i++) {
      rules.checkRuleName("infrastructure.rules[" + i + "]", ruleNames.get(i));
    }
    return new InfrastructureConfig(deploy, stacks, functions, ruleNames);
  }

  /**
   * {@code infrastructure.deploy}: the name of a command the worker's operator allows. An argv
   * ({@code deploy.command}) is refused with what to do instead: anyone who may start a run would
   * otherwise run a program of their choosing on the worker.
   */
  private DeployCommand deployCommand(JsonNode node) {
    if (absent(node)) {
      return null;
    }
    if (node.isObject() && node.has("command")) {
      problems.add("infrastructure.deploy.command: the worker no longer runs a program named in the config; put"
          + " it in the worker's deploy commands file (AVESA_DEPLOY_COMMANDS, e.g. /etc/avesa/deploy.yaml) under a"
          + " name and write that name here, e.g. infrastructure.deploy: cdk-deploy");
      return null;
    }
    String name = node.isTextual() ? node.asText().trim() : null;
    if (name == null || !DeployCommand.NAME.matcher(name).matches()) {
      problems.add("infrastructure.deploy: expected the name of a deploy command the worker allows (1-64 of"
          + " letters, digits and ._-, e.g. cdk-deploy), not " + (name == null ? "a " + kind(node) : "'" + name + "'"));
      return null;
    }
    return DeployCommand.named(name);
  }

  private static String kind(JsonNode node) {
    return node.isObject() ? "mapping" : node.isArray() ? "list" : node.getNodeType().name().toLowerCase();
  }

  private TenantsConfig tenants(JsonNode node, DataConfig data) {
    String defaultTable = data == null ? null : data.tables().stream()
        .map(TableMapping::target).filter(t -> t != null && t.startsWith(TenantsConfig.DEFAULT_TABLE))
        .findFirst().orElse(null);
    String defaultBucket = data == null || data.buckets().isEmpty() ? null : data.buckets().get(0).target();
    if (absent(node) || !yaml.mapping(node, "tenants", TENANTS_KEYS)) {
      return TenantsConfig.defaults(defaultTable, defaultBucket);
    }
    String table = yaml.text(node, "tenants", "table", false);
    rules.checkTableName("tenants.table", table);
    String environment = yaml.text(node, "tenants", "environment", false);
    checkPattern("tenants.environment", environment, ENVIRONMENT,
        "an environment name (letters, digits, _ and -), as in the secret names tenant/{id}/{env}");
    String bucket = yaml.text(node, "tenants", "bucket", false);
    rules.checkBucketName("tenants.bucket", bucket);
    return new TenantsConfig(table == null ? defaultTable : table, environment,
        bucket == null ? defaultBucket : bucket);
  }

  private DecommissionConfig decommission(JsonNode node) {
    String path = "decommission";
    if (!yaml.mapping(node, path, DECOMMISSION_KEYS)) {
      return null;
    }
    String archiveBucket = yaml.text(node, path, "archiveBucket", true);
    rules.checkBucketName(path + ".archiveBucket", archiveBucket);
    String storageClass = yaml.oneOf(node, path, "storageClass", DecommissionConfig.STORAGE_CLASSES,
        DecommissionConfig.DEFAULT_STORAGE_CLASS);
    Duration retention = yaml.duration(node, path, "retention", DecommissionConfig.DEFAULT_RETENTION,
        DurationLimits.RETENTION, "P30D");
    Removal remove = null;
    JsonNode removeNode = node.get("remove");
    String at = path + ".remove";
    if (!absent(removeNode) && yaml.mapping(removeNode, at, REMOVE_KEYS)) {
      List<String> ruleNames = yaml.strings(removeNode, at, "rules");
      for (int i = 0; i < ruleNames.size(); i++) {
        rules.checkRuleName(at + ".rules[" + i + "]", ruleNames.get(i));
      }
      List<String> functions = names(removeNode, at, "functions", FUNCTION_NAME, "a Lambda function name");
      List<String> tables = yaml.strings(removeNode, at, "tables");
      for (int i = 0; i < tables.size(); i++) {
        rules.checkTableName(at + ".tables[" + i + "]", tables.get(i));
      }
      boolean bucketObjects = yaml.bool(removeNode, at, "bucketObjects", false);
      remove = new Removal(ruleNames, functions, tables, bucketObjects);
    }
    return new DecommissionConfig(archiveBucket, storageClass, retention, remove);
  }

  private void checkPattern(String path, String value, Pattern pattern, String what) {
    if (value != null && !pattern.matcher(value).matches()) {
      problems.add(path + ": '" + value + "' is not " + what);
    }
  }

  private List<String> names(JsonNode node, String path, String key, Pattern pattern, String what) {
    List<String> names = yaml.strings(node, path, key);
    for (int i = 0; i < names.size(); i++) {
      if (!pattern.matcher(names.get(i)).matches()) {
        problems.add(path + "." + key + "[" + i + "]: '" + names.get(i) + "' is not " + what);
      }
    }
    return names;
  }
}
