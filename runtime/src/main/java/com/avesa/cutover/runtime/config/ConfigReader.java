package com.avesa.cutover.runtime.config;

import com.avesa.cutover.workflows.estate.AccountConfig;
import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.config.BucketMapping;
import com.avesa.cutover.workflows.config.CopyMode;
import com.avesa.cutover.workflows.config.CutoverConfig;
import com.avesa.cutover.workflows.config.DataConfig;
import com.avesa.cutover.workflows.config.ExtrasProtection;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.config.RunbookConfig;
import com.avesa.cutover.workflows.config.SecretFilter;
import com.avesa.cutover.workflows.config.TableMapping;
import com.avesa.cutover.workflows.config.VerifyMode;
import static com.avesa.cutover.runtime.config.YamlFields.absent;
import static com.avesa.cutover.runtime.config.YamlFields.readItems;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Walks the YAML tree of a configuration file into a {@link MigrationConfig}, collecting every
 * unknown key, wrong type and broken rule as {@code path: what is wrong} instead of stopping at
 * the first. The {@code cutover:} and {@code approvals:} sections are read by
 * {@link CutoverSectionReader}.
 */
final class ConfigReader {
  static final List<String> TOP_KEYS =
      Stream.concat(Stream.of("name", "region", "endpoint", "source", "target", "data", "cutover", "approvals"),
          RunbookSectionReader.RUNBOOK_KEYS.stream()).toList();
  static final List<String> ACCOUNT_KEYS = List.of("accountId", "profile", "roleArn", "externalId");
  static final List<String> DATA_KEYS =
      List.of("buckets", "tables", "secrets", "concurrency", "copyMode", "tableSegments", "multipartThreshold",
          "deleteExtras", "protect", "verify", "verifySample", "partitions");
  static final List<String> BUCKET_KEYS = List.of("source", "target", "prefixes");
  static final List<String> TABLE_KEYS = List.of("source", "target");
  static final List<String> SECRET_KEYS = List.of("include");
  static final List<String> COPY_MODES =
      Stream.of(CopyMode.values()).map(mode -> mode.name().toLowerCase(Locale.ROOT)).toList();
  static final List<String> VERIFY_MODES =
      Stream.of(VerifyMode.values()).map(mode -> mode.name().toLowerCase(Locale.ROOT)).toList();

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
    if (!yaml.mapping(root, "", TOP_KEYS)) {
      return null;
    }
    String name = yaml.text(root, "", "name", true);
    rules.checkName(name);
    String region = yaml.text(root, "", "region", true);
    rules.checkRegion(region);
    String endpoint = yaml.text(root, "", "endpoint", false);
    rules.checkEndpoint(endpoint);
    AccountConfig source = account(root, "source", false);
    AccountConfig target = account(root, "target", RunbookSectionReader.createsAccount(root));
    DataConfig data = data(root.get("data"));
    JsonNode cutoverNode = root.get("cutover");
    CutoverConfig cutover = absent(cutoverNode) ? null : cutoverSections.cutover(cutoverNode);
    boolean gated = !absent(cutoverNode) || !absent(root.get("decommission"));
    ApprovalsConfig approvals = cutoverSections.approvals(root.get("approvals"), gated);
    RunbookConfig runbook = runbookSections.read(root, target, data);
    return new MigrationConfig(name, region, endpoint, source, target, data, cutover, approvals, runbook);
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
    if (!yaml.mapping(node, side, ACCOUNT_KEYS)) {
      return null;
    }
    JsonNode idNode = node.get("accountId");
    if (idOptional && absent(idNode)) {
      String roleArn = yaml.text(node, side, "roleArn", false);
      if (roleArn != null) {
        problems.add(side + ".roleArn: the account is created by this run (account.create), so its role ARN is "
            + "not known yet: leave roleArn out (the run uses role.name in the new account)");
      }
      return new AccountConfig(null, yaml.text(node, side, "profile", false), null,
          yaml.text(node, side, "externalId", false));
    }
    String accountId = rules.accountId(idNode, side + ".accountId");
    String profile = yaml.text(node, side, "profile", false);
    String roleArn = yaml.text(node, side, "roleArn", false);
    String externalId = yaml.text(node, side, "externalId", false);
    rules.checkRole(side, accountId, roleArn, externalId);
    return new AccountConfig(accountId, profile, roleArn, externalId);
  }

  private DataConfig data(JsonNode node) {
    if (absent(node)) {
      problems.add("data: required (what to migrate: buckets, tables and/or secrets)");
      return null;
    }
    if (!yaml.mapping(node, "data", DATA_KEYS)) {
      return null;
    }
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
    SecretFilter secrets = secrets(node.get("secrets"));
    int concurrency = yaml.number(node, "data", "concurrency", DataConfig.DEFAULT_CONCURRENCY, 1, 1024);
    String copyMode = yaml.oneOf(node, "data", "copyMode", COPY_MODES, "auto");
    int segments = tableSegments(node.get("tableSegments"));
    if (bucketNodes.isEmpty() && tableNodes.isEmpty() && secrets.include().isEmpty()) {
      problems.add("data: nothing to migrate: add at least one of data.buckets, data.tables "
          + "or a glob in data.secrets.include");
    }
    rules.checkDistinctTargets("data.tables", tables.stream().map(t -> t == null ? null : t.target()).toList());
    long multipartThreshold = yaml.bytes(node, "data", "multipartThreshold", DataConfig.DEFAULT_MULTIPART_THRESHOLD,
        DataConfig.MIN_MULTIPART_THRESHOLD, DataConfig.MAX_MULTIPART_THRESHOLD);
    boolean deleteExtras = yaml.bool(node, "data", "deleteExtras", false);
    ExtrasProtection protect = protectSection.read(node.get("protect"));
    String verify = yaml.oneOf(node, "data", "verify", VERIFY_MODES, "listing");
    double verifySample = yaml.fraction(node, "data", "verifySample", DataConfig.DEFAULT_VERIFY_SAMPLE);
    int partitions = yaml.number(node, "data", "partitions", DataConfig.DEFAULT_PARTITIONS, 1,
        DataConfig.MAX_PARTITIONS);
    return new DataConfig(readItems(buckets), readItems(tables), secrets, concurrency,
        CopyMode.valueOf(copyMode.toUpperCase(Locale.ROOT)), segments, multipartThreshold, deleteExtras, protect,
        VerifyMode.valueOf(verify.toUpperCase(Locale.ROOT)), verifySample, partitions);
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
    if (!yaml.mapping(node, path, BUCKET_KEYS)) {
      return null;
    }
    String source = yaml.text(node, path, "source", true);
    rules.checkBucketName(path + ".source", source);
    String target = yaml.text(node, path, "target", true);
    rules.checkBucketName(path + ".target", target);
    List<String> prefixes = yaml.strings(node, path, "prefixes");
    return new BucketMapping(source, target, prefixes);
  }

  private TableMapping table(JsonNode node, String path) {
    if (!yaml.mapping(node, path, TABLE_KEYS)) {
      return null;
    }
    String source = yaml.text(node, path, "source", true);
    rules.checkTableName(path + ".source", source);
    String target = yaml.text(node, path, "target", true);
    rules.checkTableName(path + ".target", target);
    return new TableMapping(source, target);
  }

  private SecretFilter secrets(JsonNode node) {
    if (absent(node) || !yaml.mapping(node, "data.secrets", SECRET_KEYS)) {
      return new SecretFilter(List.of());
    }
    List<String> include = yaml.strings(node, "data.secrets", "include");
    for (int i = 0; i < include.size(); i++) {
      if (include.get(i).isBlank()) {
        problems.add("data.secrets.include[" + i + "]: empty glob (e.g. tenant/*/prod)");
      }
    }
    return new SecretFilter(include);
  }
}
