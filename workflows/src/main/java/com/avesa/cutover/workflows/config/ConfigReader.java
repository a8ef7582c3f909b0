package com.avesa.cutover.workflows.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Walks the YAML tree of a configuration file into a {@link MigrationConfig}, collecting every
 * unknown key, wrong type and broken rule as {@code path: what is wrong} instead of stopping at
 * the first.
 */
final class ConfigReader {
  static final List<String> TOP_KEYS = List.of("name", "region", "endpoint", "source", "target", "data");
  static final List<String> ACCOUNT_KEYS = List.of("accountId", "profile", "roleArn", "externalId");
  static final List<String> DATA_KEYS =
      List.of("buckets", "tables", "secrets", "concurrency", "copyMode", "tableSegments");
  static final List<String> BUCKET_KEYS = List.of("source", "target", "prefixes");
  static final List<String> TABLE_KEYS = List.of("source", "target");
  static final List<String> SECRET_KEYS = List.of("include");

  private final List<String> problems = new ArrayList<>();
  private final ConfigRules rules = new ConfigRules(problems);

  List<String> problems() {
    return problems;
  }

  MigrationConfig read(JsonNode root) {
    if (!mapping(root, "", TOP_KEYS)) {
      return null;
    }
    String name = text(root, "", "name", true);
    rules.checkName(name);
    String region = text(root, "", "region", true);
    rules.checkRegion(region);
    String endpoint = text(root, "", "endpoint", false);
    rules.checkEndpoint(endpoint);
    AccountConfig source = account(root, "source");
    AccountConfig target = account(root, "target");
    DataConfig data = data(root.get("data"));
    return new MigrationConfig(name, region, endpoint, source, target, data);
  }

  private AccountConfig account(JsonNode parent, String side) {
    JsonNode node = parent.get(side);
    if (absent(node)) {
      problems.add(side + ": required (a mapping with accountId and optionally profile, roleArn, externalId)");
      return null;
    }
    if (!mapping(node, side, ACCOUNT_KEYS)) {
      return null;
    }
    String accountId = rules.accountId(node.get("accountId"), side + ".accountId");
    String profile = text(node, side, "profile", false);
    String roleArn = text(node, side, "roleArn", false);
    String externalId = text(node, side, "externalId", false);
    rules.checkRole(side, accountId, roleArn, externalId);
    return new AccountConfig(accountId, profile, roleArn, externalId);
  }

  private DataConfig data(JsonNode node) {
    if (absent(node)) {
      problems.add("data: required (what to migrate: buckets, tables and/or secrets)");
      return null;
    }
    if (!mapping(node, "data", DATA_KEYS)) {
      return null;
    }
    List<BucketMapping> buckets = new ArrayList<>();
    List<JsonNode> bucketNodes = list(node, "data", "buckets");
    for (int i = 0; i < bucketNodes.size(); i++) {
      buckets.add(bucket(bucketNodes.get(i), "data.buckets[" + i + "]"));
    }
    List<TableMapping> tables = new ArrayList<>();
    List<JsonNode> tableNodes = list(node, "data", "tables");
    for (int i = 0; i < tableNodes.size(); i++) {
      tables.add(table(tableNodes.get(i), "data.tables[" + i + "]"));
    }
    SecretFilter secrets = secrets(node.get("secrets"));
    int concurrency = number(node, "data", "concurrency", DataConfig.DEFAULT_CONCURRENCY, 1, 1024);
    CopyMode copyMode = copyMode(node.get("copyMode"));
    int segments = number(node, "data", "tableSegments", DataConfig.DEFAULT_TABLE_SEGMENTS, 1, 1000);
    if (bucketNodes.isEmpty() && tableNodes.isEmpty() && secrets.include().isEmpty()) {
      problems.add("data: nothing to migrate: add at least one of data.buckets, data.tables "
          + "or a glob in data.secrets.include");
    }
    rules.checkDistinctTargets("data.tables", tables.stream().map(t -> t == null ? null : t.target()).toList());
    return new DataConfig(buckets, tables, secrets, concurrency, copyMode, segments);
  }

  private BucketMapping bucket(JsonNode node, String path) {
    if (!mapping(node, path, BUCKET_KEYS)) {
      return null;
    }
    String source = text(node, path, "source", true);
    rules.checkBucketName(path + ".source", source);
    String target = text(node, path, "target", true);
    rules.checkBucketName(path + ".target", target);
    List<String> prefixes = strings(node, path, "prefixes");
    return new BucketMapping(source, target, prefixes);
  }

  private TableMapping table(JsonNode node, String path) {
    if (!mapping(node, path, TABLE_KEYS)) {
      return null;
    }
    String source = text(node, path, "source", true);
    rules.checkTableName(path + ".source", source);
    String target = text(node, path, "target", true);
    rules.checkTableName(path + ".target", target);
    return new TableMapping(source, target);
  }

  private SecretFilter secrets(JsonNode node) {
    if (absent(node) || !mapping(node, "data.secrets", SECRET_KEYS)) {
      return new SecretFilter(List.of());
    }
    List<String> include = strings(node, "data.secrets", "include");
    for (int i = 0; i < include.size(); i++) {
      if (include.get(i).isBlank()) {
        problems.add("data.secrets.include[" + i + "]: empty glob (e.g. tenant/*/prod)");
      }
    }
    return new SecretFilter(include);
  }

  private CopyMode copyMode(JsonNode node) {
    if (absent(node)) {
      return CopyMode.AUTO;
    }
    String allowed = "auto, server or stream";
    if (!node.isTextual()) {
      problems.add("data.copyMode: must be one of " + allowed + ", got " + kind(node));
      return CopyMode.AUTO;
    }
    try {
      return CopyMode.valueOf(node.textValue().trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add("data.copyMode: '" + node.textValue() + "' is not one of " + allowed);
      return CopyMode.AUTO;
    }
  }

  private int number(JsonNode parent, String path, String key, int fallback, int min, int max) {
    JsonNode node = parent.get(key);
    String at = join(path, key);
    if (absent(node)) {
      return fallback;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      problems.add(at + ": must be a whole number from " + min + " to " + max + ", got " + kind(node));
      return fallback;
    }
    int value = node.intValue();
    if (value < min || value > max) {
      problems.add(at + ": " + value + " is out of range: use " + min + " to " + max
          + " (default " + fallback + ")");
      return fallback;
    }
    return value;
  }

  private List<String> strings(JsonNode parent, String path, String key) {
    List<String> values = new ArrayList<>();
    List<JsonNode> nodes = list(parent, path, key);
    for (int i = 0; i < nodes.size(); i++) {
      JsonNode item = nodes.get(i);
      if (item.isTextual()) {
        values.add(item.textValue());
      } else {
        problems.add(join(path, key) + "[" + i + "]: must be a string, got " + kind(item));
      }
    }
    return values;
  }

  private List<JsonNode> list(JsonNode parent, String path, String key) {
    JsonNode node = parent.get(key);
    if (absent(node)) {
      return List.of();
    }
    if (!node.isArray()) {
      problems.add(join(path, key) + ": must be a list, got " + kind(node));
      return List.of();
    }
    List<JsonNode> items = new ArrayList<>();
    node.forEach(items::add);
    return items;
  }

  private String text(JsonNode parent, String path, String key, boolean required) {
    JsonNode node = parent.get(key);
    String at = join(path, key);
    if (absent(node) || (node.isTextual() && node.textValue().isBlank())) {
      if (required) {
        problems.add(at + ": required");
      }
      return null;
    }
    if (!node.isTextual()) {
      problems.add(at + ": must be a string, got " + kind(node) + (node.isValueNode() ? " (quote it)" : ""));
      return null;
    }
    return node.textValue().trim();
  }

  /** Checks that {@code node} is a mapping and reports every key not in {@code known}. */
  private boolean mapping(JsonNode node, String path, List<String> known) {
    String at = path.isEmpty() ? "(top level)" : path;
    if (node == null || !node.isObject()) {
      problems.add(at + ": must be a mapping with keys " + String.join(", ", known) + ", got " + kind(node));
      return false;
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        problems.add(join(path, name) + ": unknown key (known: " + String.join(", ", known) + ")");
      }
    }
    return true;
  }

  private static boolean absent(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }

  static String kind(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    return "a string";
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
