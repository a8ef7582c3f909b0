package com.avesa.cutover.runtime.config;

import com.avesa.cutover.workflows.config.BucketMapping;
import com.avesa.cutover.workflows.config.DataConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.config.SecretFilter;
import com.avesa.cutover.workflows.config.TableMapping;
import com.avesa.cutover.workflows.estate.AccountConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

import static com.avesa.cutover.runtime.config.YamlFields.absent;
import static com.avesa.cutover.runtime.config.YamlFields.readItems;

/**
 * Walks the YAML tree of a configuration file into a {@link MigrationConfig}, collecting every
 * unknown key, wrong type and broken rule as {@code path: what is wrong} instead of stopping at
 * the first. The {@code cutover:} and {@code approvals:} sections are read by
 * {@link CutoverSectionReader}.
 */
final class ConfigReader {
  /** The top-level keys (the runbook's sections among them), from {@link MigrationConfig}. */
  static final List<String> TOP_KEYS = ConfigSchema.keys(MigrationConfig.class);

  private final List<String> problems = new ArrayList<>();
  private final YamlFields yaml = new YamlFields(problems);
  private final ConfigRules rules = new ConfigRules(problems);
  private final CutoverSectionReader cutoverSections = new CutoverSectionReader(problems, yaml, rules);
  private final RunbookSectionReader runbookSections = new RunbookSectionReader(problems, yaml, rules);
  private final ProtectSectionReader protectSection = new ProtectSectionReader(problems, yaml);

  List<String> problems() {
    return problems;
  }

  MigrationConfig read(JsonNode root) {
    if (!yaml.mapping(root, "", MigrationConfig.class)) {
      return null;
    }
    Section<MigrationConfig> config = yaml.section(MigrationConfig.class, root, "");
    rules.checkName(config.put("name", yaml.text(root, "", "name", true)));
    rules.checkRegion(config.put("region", yaml.text(root, "", "region", true)));
    rules.checkEndpoint(config.read("endpoint"));
    config.put("source", account(root, "source", false));
    AccountConfig target = config.put("target", account(root, "target", RunbookSectionReader.createsAccount(root)));
    DataConfig data = config.put("data", data(root.get("data")));
    JsonNode cutoverNode = root.get("cutover");
    config.put("cutover", absent(cutoverNode) ? null : cutoverSections.cutover(cutoverNode));
    boolean gated = !absent(cutoverNode) || !absent(root.get("decommission"));
    config.put("approvals", cutoverSections.approvals(root.get("approvals"), gated));
    config.put("runbook", runbookSections.read(root, target, data));
    return config.build();
  }

  /**
   * One account; {@code idOptional}: the target of a run that creates its account, whose id is
   * known only once Organizations made it (then it has no roleArn either: the run derives it).
   */
  private AccountConfig account(JsonNode parent, String side, boolean idOptional) {
    JsonNode node = parent.get(side);
    if (absent(node)) {
      problems.add(side + ": required (a mapping with accountId and optionally profile, roleArn, externalId)");
      return null;
    }
    if (!yaml.mapping(node, side, AccountConfig.class)) {
      return null;
    }
    Section<AccountConfig> account = yaml.section(AccountConfig.class, node, side);
    JsonNode idNode = node.get("accountId");
    if (idOptional && absent(idNode)) {
      String roleArn = yaml.text(node, side, "roleArn", false);
      if (roleArn != null) {
        problems.add(side + ".roleArn: the account is created by this run (account.create), so its role ARN is "
            + "not known yet: leave roleArn out (the run uses role.name in the new account)");
      }
      account.put("roleArn", null);
      return account.build();
    }
    String accountId = account.put("accountId", rules.accountId(idNode, side + ".accountId"));
    account.read("profile");
    String roleArn = account.read("roleArn");
    String externalId = account.read("externalId");
    rules.checkRole(side, accountId, roleArn, externalId);
    return account.build();
  }

  private DataConfig data(JsonNode node) {
    if (absent(node)) {
      problems.add("data: required (what to migrate: buckets, tables and/or secrets)");
      return null;
    }
    if (!yaml.mapping(node, "data", DataConfig.class)) {
      return null;
    }
    Section<DataConfig> data = yaml.section(DataConfig.class, node, "data");
    List<BucketMapping> buckets = new ArrayList<>();
    List<JsonNode> bucketNodes = yaml.list(node, "data", "buckets");
    for (int i = 0; i < bucketNodes.size(); i++) {
      buckets.add(bucket(bucketNodes.get(i), "data.buckets[" + i + "]"));
    }
    List<TableMapping> tables = new ArrayList<>();
    List<JsonNode> tableNodes = yaml.list(node, "data", "tables");
    for (int i = 0; i < tableNodes.size(); i++) {
      tables.add(table(tableNodes.get(i), "data.tables[" + i + "]"));
    }
    data.put("buckets", readItems(buckets));
    data.put("tables", readItems(tables));
    SecretFilter secrets = data.put("secrets", secrets(node.get("secrets")));
    data.read("concurrency");
    data.read("copyMode");
    data.put("tableSegments", tableSegments(node.get("tableSegments")));
    if (bucketNodes.isEmpty() && tableNodes.isEmpty() && secrets.include().isEmpty()) {
      problems.add("data: nothing to migrate: add at least one of data.buckets, data.tables "
          + "or a glob in data.secrets.include");
    }
    rules.checkDistinctTargets("data.tables", tables.stream().map(t -> t == null ? null : t.target()).toList());
    data.put("multipartThreshold", yaml.bytes(node, "data", "multipartThreshold",
        DataConfig.DEFAULT_MULTIPART_THRESHOLD, DataConfig.MIN_MULTIPART_THRESHOLD, DataConfig.MAX_MULTIPART_THRESHOLD));
    data.read("deleteExtras");
    data.put("protect", protectSection.read(node.get("protect")));
    data.read("verify");
    data.put("verifySample", yaml.fraction(node, "data", "verifySample", DataConfig.DEFAULT_VERIFY_SAMPLE));
    data.read("partitions");
    return data.build();
  }

  /** {@code auto} (the default) or a whole number from 1 to 1000. */
  private int tableSegments(JsonNode node) {
    if (absent(node) || node.isTextual() && node.textValue().trim().equalsIgnoreCase("auto")) {
      return DataConfig.AUTO_TABLE_SEGMENTS;
    }
    if (node.isIntegralNumber() && node.canConvertToInt() && node.intValue() >= 1 && node.intValue() <= 1000) {
      return node.intValue();
    }
    problems.add("data.tableSegments: " + (node.isIntegralNumber() ? node.asText() + " is out of range" : "'"
        + node.asText() + "' is not a segment count") + ": use auto (the default: from the table's size) or 1 to 1000");
    return DataConfig.AUTO_TABLE_SEGMENTS;
  }

  private BucketMapping bucket(JsonNode node, String path) {
    if (!yaml.mapping(node, path, BucketMapping.class)) {
      return null;
    }
    Section<BucketMapping> bucket = yaml.section(BucketMapping.class, node, path);
    rules.checkBucketName(path + ".source", bucket.put("source", yaml.text(node, path, "source", true)));
    rules.checkBucketName(path + ".target", bucket.put("target", yaml.text(node, path, "target", true)));
    return bucket.build();
  }

  private TableMapping table(JsonNode node, String path) {
    if (!yaml.mapping(node, path, TableMapping.class)) {
      return null;
    }
    Section<TableMapping> table = yaml.section(TableMapping.class, node, path);
    rules.checkTableName(path + ".source", table.put("source", yaml.text(node, path, "source", true)));
    rules.checkTableName(path + ".target", table.put("target", yaml.text(node, path, "target", true)));
    return table.build();
  }

  private SecretFilter secrets(JsonNode node) {
    if (absent(node) || !yaml.mapping(node, "data.secrets", SecretFilter.class)) {
      return new SecretFilter(List.of());
    }
    Section<SecretFilter> filter = yaml.section(SecretFilter.class, node, "data.secrets");
    List<String> include = filter.read("include");
    for (int i = 0; i < include.size(); i++) {
      if (include.get(i).isBlank()) {
        problems.add("data.secrets.include[" + i + "]: empty glob (e.g. tenant/*/prod)");
      }
    }
    return filter.build();
  }
}
