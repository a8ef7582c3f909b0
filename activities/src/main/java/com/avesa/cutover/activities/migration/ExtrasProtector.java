package com.avesa.cutover.activities.migration;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.aws.Failures;
import com.avesa.cutover.activities.tenants.AddedTenantsRecord;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.migration.ExtrasRule;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Which extras an {@link ExtrasRule} keeps: the configured prefixes, item keys and secret globs,
 * and what the added-tenants record names (read once, only when something has to be judged).
 */
final class ExtrasProtector {
  static final String TENANT_ID = "tenant_id";

  private final ExtrasRule rule;
  private final Supplier<Set<String>> addedTenants;
  private Set<String> added;

  ExtrasProtector(ExtrasRule rule, Supplier<Set<String>> addedTenants) {
    this.rule = ExtrasRule.orReportOnly(rule);
    this.addedTenants = addedTenants;
  }

  /** The rule asks for deletion. */
  boolean deletes() {
    return rule.delete();
  }

  /** Deletion is only reported (PLAN). */
  boolean dryRun() {
    return rule.dryRun();
  }

  boolean protectsKey(String key) {
    if (rule.prefixes().stream().anyMatch(key::startsWith)) {
      return true;
    }
    for (String tenant : added()) {
      if (key.startsWith("raw/" + tenant + "/") || key.startsWith("canonical/" + tenant + "/")) {
        return true;
      }
    }
    return false;
  }

  boolean protectsItem(Map<String, AttributeValue> item) {
    for (Map<String, String> key : rule.keys()) {
      if (key.entrySet().stream().allMatch(e -> e.getValue().equals(render(item.get(e.getKey()))))) {
        return true;
      }
    }
    return !added().isEmpty() && item.get(TENANT_ID) != null && added().contains(item.get(TENANT_ID).s());
  }

  boolean protectsSecret(String name) {
    if (new SecretGlob(rule.secrets()).matches(name)) {
      return true;
    }
    String environment = rule.addedTenants() == null ? null : rule.addedTenants().environment();
    return environment != null && added().stream().anyMatch(t -> name.equals("tenant/" + t + "/" + environment));
  }

  private Set<String> added() {
    if (added == null) {
      added = rule.addedTenants() == null ? Set.of() : addedTenants.get();
    }
    return added;
  }

  /** An item key in words: {@code tenant_id=acme, service_table=x}, in the key's attribute order. */
  static String describeKey(Map<String, AttributeValue> item, List<String> keyNames) {
    List<String> parts = new ArrayList<>();
    for (String name : keyNames) {
      parts.add(name + "=" + render(item.get(name)));
    }
    return String.join(", ", parts);
  }

  /** A key attribute's value as text (S and N as written, B as base64); null when absent. */
  static String render(AttributeValue value) {
    if (value == null) {
      return null;
    }
    if (value.s() != null) {
      return value.s();
    }
    if (value.n() != null) {
      return ItemDigest.normalise(value.n());
    }
    if (value.b() != null) {
      return Base64.getEncoder().encodeToString(value.b().asByteArray());
    }
    return value.toString();
  }

  /** The reader of the added-tenants record in the target account, for a rule that names one. */
  static Supplier<Set<String>> addedTenantsOf(AwsClients clients, Estate estate, ExtrasRule rule) {
    return () -> rule == null || rule.addedTenants() == null ? Set.of()
        : Failures.classified("read the added tenants recorded on " + rule.addedTenants().table(),
            () -> new AddedTenantsRecord(clients.dynamoDb(estate, Side.TARGET), rule.addedTenants().table()).read());
  }
}
