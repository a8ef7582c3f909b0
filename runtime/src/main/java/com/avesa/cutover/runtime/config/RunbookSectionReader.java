package com.avesa.cutover.runtime.config;

import com.avesa.cutover.workflows.config.AccountSetupConfig.NewAccount;
import com.avesa.cutover.workflows.config.AccountSetupConfig;
import com.avesa.cutover.workflows.config.DataConfig;
import com.avesa.cutover.workflows.config.DecommissionConfig.Removal;
import com.avesa.cutover.workflows.config.DecommissionConfig;
import com.avesa.cutover.workflows.config.InfrastructureConfig.DeployCommand;
import com.avesa.cutover.workflows.config.InfrastructureConfig;
import com.avesa.cutover.workflows.config.RoleConfig;
import com.avesa.cutover.workflows.config.RunbookConfig;
import com.avesa.cutover.workflows.config.SecurityConfig;
import com.avesa.cutover.workflows.config.TableMapping;
import com.avesa.cutover.workflows.config.TenantsConfig;
import com.avesa.cutover.workflows.config.ValidationConfig;
import com.avesa.cutover.workflows.estate.AccountConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;

import static com.avesa.cutover.runtime.config.YamlFields.absent;

/**
 * Reads the runbook's other sections — {@code account:}, {@code role:}, {@code security:},
 * {@code infrastructure:}, {@code tenants:}, {@code decommission:}, {@code validation:} — into the
 * shared problem list.
 */
final class RunbookSectionReader {
  static final List<String> POLICIES = List.of(RoleConfig.LEAST_PRIVILEGE, RoleConfig.RUNBOOK);
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
    // the runbook's sections are top-level keys (MigrationConfig.runbook is inline)
    Section<RunbookConfig> runbook = yaml.section(RunbookConfig.class, root, "");
    runbook.put("account", account(root.get("account")));
    runbook.put("role", role(root.get("role"), target));
    runbook.put("security", security(root.get("security"), targetId));
    runbook.put("infrastructure", infrastructure(root.get("infrastructure")));
    runbook.put("tenants", tenants(root.get("tenants"), data));
    JsonNode decommissionNode = root.get("decommission");
    runbook.put("decommission", absent(decommissionNode) ? null : decommission(decommissionNode));
    runbook.put("validation", validation(root.get("validation")));
    return runbook.build();
  }

  /** {@code validation.knownPrefixes}: key prefixes that end with {@code /} and hold no {@code ..}. */
  private ValidationConfig validation(JsonNode node) {
    if (absent(node) || !yaml.mapping(node, "validation", ValidationConfig.class)) {
      return ValidationConfig.none();
    }
    Section<ValidationConfig> validation = yaml.section(ValidationConfig.class, node, "validation");
    List<String> prefixes = validation.read("knownPrefixes");
    for (int i = 0; i < prefixes.size(); i++) {
      String prefix = prefixes.get(i);
      if (!KNOWN_PREFIX.matcher(prefix).matches() || prefix.contains("..") || prefix.contains("//")) {
        problems.add("validation.knownPrefixes[" + i + "]: '" + prefix + "' is not a key prefix ending in /"
            + " (1-1024 characters, no leading /, no .. or //; e.g. raw/legacy-export/)");
      }
    }
    return validation.build();
  }

  private AccountSetupConfig account(JsonNode node) {
    if (absent(node) || !yaml.mapping(node, "account", AccountSetupConfig.class)) {
      return AccountSetupConfig.none();
    }
    Section<AccountSetupConfig> account = yaml.section(AccountSetupConfig.class, node, "account");
    NewAccount create = null;
    JsonNode createNode = node.get("create");
    if (!absent(createNode) && yaml.mapping(createNode, "account.create", NewAccount.class)) {
      Section<NewAccount> newAccount = yaml.section(NewAccount.class, createNode, "account.create");
      String email = newAccount.put("email", yaml.text(createNode, "account.create", "email", true));
      if (email != null && !EMAIL.matcher(email).matches()) {
        problems.add("account.create.email: '" + email + "' is not an email address (the new account's root "
            + "email, e.g. aws-prod@avesa.example.com)");
      }
      newAccount.put("name", yaml.text(createNode, "account.create", "name", true));
      create = newAccount.build();
    }
    account.put("create", create);
    String adminRoleArn = account.read("adminRoleArn");
    if (adminRoleArn != null) {
      rules.checkRoleArn("account.adminRoleArn", adminRoleArn);
    }
    String adminProfile = account.read("adminProfile");
    if (adminRoleArn != null && adminProfile != null) {
      problems.add("account.adminProfile: give either account.adminRoleArn or account.adminProfile, not both");
    }
    return account.build();
  }

  private RoleConfig role(JsonNode node, AccountConfig target) {
    String fromArn = target == null || target.roleArn() == null ? null
        : target.roleArn().substring(target.roleArn().lastIndexOf('/') + 1);
    if (absent(node) || !yaml.mapping(node, "role", RoleConfig.class)) {
      return new RoleConfig(fromArn, null);
    }
    Section<RoleConfig> role = yaml.section(RoleConfig.class, node, "role");
    String name = yaml.text(node, "role", "name", false);
    if (name != null && !ROLE_NAME.matcher(name).matches()) {
      problems.add("role.name: '" + name + "' is not an IAM role name (1-64 of letters, digits and +=,.@_-)");
    }
    if (name != null && fromArn != null && !name.equals(fromArn)) {
      problems.add("role.name: " + name + " but target.roleArn names role " + fromArn
          + ": the run assumes the role it sets up (make them the same, or leave role.name out)");
    }
    role.put("name", name == null ? fromArn : name);
    role.put("policies", yaml.oneOf(node, "role", "policies", POLICIES, RoleConfig.LEAST_PRIVILEGE));
    return role.build();
  }

  private SecurityConfig security(JsonNode node, String targetId) {
    if (absent(node) || !yaml.mapping(node, "security", SecurityConfig.class)) {
      return SecurityConfig.defaults(targetId);
    }
    Section<SecurityConfig> security = yaml.section(SecurityConfig.class, node, "security");
    security.read("billingThreshold");
    List<String> emails = yaml.strings(node, "security", "alertEmails");
    for (int i = 0; i < emails.size(); i++) {
      if (!EMAIL.matcher(emails.get(i).trim()).matches()) {
        problems.add("security.alertEmails[" + i + "]: '" + emails.get(i) + "' is not an email address");
      }
    }
    security.put("alertEmails", emails.stream().map(String::trim).toList());
    String trailBucket = yaml.text(node, "security", "trailBucket", false);
    rules.checkBucketName("security.trailBucket", trailBucket);
    security.put("trailBucket", trailBucket == null ? SecurityConfig.defaultTrailBucket(targetId) : trailBucket);
    checkPattern("security.trailName", security.read("trailName"), TRAIL_NAME,
        "a CloudTrail trail name (3-128 of letters, digits, ._-)");
    checkPattern("security.alertTopic", security.read("alertTopic"), TOPIC_NAME,
        "an SNS topic name (1-256 of letters, digits, _-)");
    return security.build();
  }

  private InfrastructureConfig infrastructure(JsonNode node) {
    if (absent(node) || !yaml.mapping(node, "infrastructure", InfrastructureConfig.class)) {
      return InfrastructureConfig.none();
    }
    Section<InfrastructureConfig> infrastructure = yaml.section(InfrastructureConfig.class, node, "infrastructure");
    infrastructure.put("deploy", deployCommand(node.get("deploy")));
    infrastructure.put("stacks", names(node, "infrastructure", "stacks", STACK_NAME, "a CloudFormation stack name"));
    infrastructure.put("functions",
        names(node, "infrastructure", "functions", FUNCTION_NAME, "a Lambda function name"));
    List<String> ruleNames = infrastructure.put("rules", yaml.strings(node, "infrastructure", "rules"));
    for (int i = 0; i < ruleNames.size(); i++) {
      rules.checkRuleName("infrastructure.rules[" + i + "]", ruleNames.get(i));
    }
    return infrastructure.build();
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
    if (absent(node) || !yaml.mapping(node, "tenants", TenantsConfig.class)) {
      return TenantsConfig.defaults(defaultTable, defaultBucket);
    }
    Section<TenantsConfig> tenants = yaml.section(TenantsConfig.class, node, "tenants");
    String table = yaml.text(node, "tenants", "table", false);
    rules.checkTableName("tenants.table", table);
    tenants.put("table", table == null ? defaultTable : table);
    checkPattern("tenants.environment", tenants.read("environment"), ENVIRONMENT,
        "an environment name (letters, digits, _ and -), as in the secret names tenant/{id}/{env}");
    String bucket = yaml.text(node, "tenants", "bucket", false);
    rules.checkBucketName("tenants.bucket", bucket);
    tenants.put("bucket", bucket == null ? defaultBucket : bucket);
    return tenants.build();
  }

  private DecommissionConfig decommission(JsonNode node) {
    String path = "decommission";
    if (!yaml.mapping(node, path, DecommissionConfig.class)) {
      return null;
    }
    Section<DecommissionConfig> decommission = yaml.section(DecommissionConfig.class, node, path);
    String archiveBucket = decommission.put("archiveBucket", yaml.text(node, path, "archiveBucket", true));
    rules.checkBucketName(path + ".archiveBucket", archiveBucket);
    decommission.put("storageClass", yaml.oneOf(node, path, "storageClass", DecommissionConfig.STORAGE_CLASSES,
        DecommissionConfig.DEFAULT_STORAGE_CLASS));
    decommission.read("retention");
    Removal remove = null;
    JsonNode removeNode = node.get("remove");
    String at = path + ".remove";
    if (!absent(removeNode) && yaml.mapping(removeNode, at, Removal.class)) {
      Section<Removal> removal = yaml.section(Removal.class, removeNode, at);
      List<String> ruleNames = removal.put("rules", yaml.strings(removeNode, at, "rules"));
      for (int i = 0; i < ruleNames.size(); i++) {
        rules.checkRuleName(at + ".rules[" + i + "]", ruleNames.get(i));
      }
      removal.put("functions", names(removeNode, at, "functions", FUNCTION_NAME, "a Lambda function name"));
      List<String> tables = removal.put("tables", yaml.strings(removeNode, at, "tables"));
      for (int i = 0; i < tables.size(); i++) {
        rules.checkTableName(at + ".tables[" + i + "]", tables.get(i));
      }
      remove = removal.build();
    }
    decommission.put("remove", remove);
    return decommission.build();
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
