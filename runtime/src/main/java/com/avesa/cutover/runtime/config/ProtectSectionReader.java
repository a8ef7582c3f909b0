package com.avesa.cutover.runtime.config;

import com.avesa.cutover.workflows.config.ExtrasProtection;
import static com.avesa.cutover.runtime.config.YamlFields.absent;
import static com.avesa.cutover.runtime.config.YamlFields.kind;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code data.protect}: what mirror mode ({@code data.deleteExtras}) keeps.
 *
 * <pre>
 * protect:
 *   prefixes: ["raw/test-msp/", {bucket: avesa-lake-target, prefix: exports/}]
 *   items: [{table: TenantServices, key: {tenant_id: test-msp}}]
 *   secrets: ["tenant/test-*&#47;prod"]
 * </pre>
 */
final class ProtectSectionReader {
  private static final String PATH = "data.protect";

  /** The shape of a {@code {bucket: NAME, prefix: P}} item of {@code data.protect.prefixes}. */
  record BucketPrefix(String bucket, String prefix) {}

  private final List<String> problems;
  private final YamlFields yaml;

  ProtectSectionReader(List<String> problems, YamlFields yaml) {
    this.problems = problems;
    this.yaml = yaml;
  }

  ExtrasProtection read(JsonNode node) {
    if (absent(node) || !yaml.mapping(node, PATH, ExtrasProtection.class)) {
      return ExtrasProtection.NONE;
    }
    Section<ExtrasProtection> protect = yaml.section(ExtrasProtection.class, node, PATH);
    List<String> prefixes = new ArrayList<>();
    Map<String, List<String>> bucketPrefixes = new LinkedHashMap<>();
    List<JsonNode> prefixNodes = yaml.list(node, PATH, "prefixes");
    for (int i = 0; i < prefixNodes.size(); i++) {
      JsonNode item = prefixNodes.get(i);
      String at = PATH + ".prefixes[" + i + "]";
      if (item.isTextual()) {
        prefix(at, item.textValue()).ifPresent(prefixes::add);
      } else if (item.isObject() && yaml.mapping(item, at, BucketPrefix.class)) {
        String bucket = yaml.text(item, at, "bucket", true);
        String prefix = item.get("prefix") != null && item.get("prefix").isTextual() ? item.get("prefix").textValue() : null;
        if (prefix == null) {
          problems.add(at + ".prefix: required (a key prefix, e.g. exports/)");
        }
        Optional<String> checked = prefix == null ? Optional.empty() : prefix(at + ".prefix", prefix);
        if (bucket != null && checked.isPresent()) {
          bucketPrefixes.computeIfAbsent(bucket, b -> new ArrayList<>()).add(checked.get());
        }
      } else if (!item.isObject()) {
        problems.add(at + ": must be a key prefix (e.g. raw/test-msp/) or {bucket: NAME, prefix: P}, got " + kind(item));
      }
    }
    List<ExtrasProtection.ProtectedItem> items = new ArrayList<>();
    List<JsonNode> itemNodes = yaml.list(node, PATH, "items");
    for (int i = 0; i < itemNodes.size(); i++) {
      item(itemNodes.get(i), PATH + ".items[" + i + "]").ifPresent(items::add);
    }
    protect.put("prefixes", prefixes);
    protect.put("bucketPrefixes", bucketPrefixes);
    protect.put("items", items);
    List<String> secrets = protect.read("secrets");
    for (int i = 0; i < secrets.size(); i++) {
      if (secrets.get(i).isBlank()) {
        problems.add(PATH + ".secrets[" + i + "]: empty glob (e.g. tenant/test-*/prod)");
      }
    }
    return protect.build();
  }

  private Optional<String> prefix(String at, String prefix) {
    if (prefix.isEmpty()) {
      problems.add(at + ": an empty prefix protects every key: leave data.deleteExtras false instead");
      return Optional.empty();
    }
    return Optional.of(prefix);
  }

  private Optional<ExtrasProtection.ProtectedItem> item(JsonNode node, String at) {
    if (!yaml.mapping(node, at, ExtrasProtection.ProtectedItem.class)) {
      return Optional.empty();
    }
    Section<ExtrasProtection.ProtectedItem> item = yaml.section(ExtrasProtection.ProtectedItem.class, node, at);
    String table = item.put("table", yaml.text(node, at, "table", true));
    JsonNode keyNode = node.get("key");
    Map<String, String> key = new LinkedHashMap<>();
    if (absent(keyNode) || !keyNode.isObject() || keyNode.isEmpty()) {
      problems.add(at + ".key: required, a mapping of key attributes to values (e.g. {tenant_id: test-msp}), got "
          + kind(keyNode));
    } else {
      for (Iterator<Map.Entry<String, JsonNode>> fields = keyNode.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode value = field.getValue();
        if (value.isTextual() || value.isNumber()) {
          key.put(field.getKey(), value.asText());
        } else {
          problems.add(at + ".key." + field.getKey() + ": must be a string or a number, got " + kind(value));
        }
      }
    }
    if (table == null || key.isEmpty()) {
      return Optional.empty();
    }
    item.put("key", key);
    return Optional.of(item.build());
  }
}
