package com.avesa.cutover.workflows.migration;

import com.avesa.cutover.workflows.config.BucketMapping;
import com.avesa.cutover.workflows.config.ExtrasProtection;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.config.TableMapping;
import com.avesa.cutover.workflows.config.TenantsConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@link ExtrasRule} of each bucket, table and the secrets, from {@code data.deleteExtras},
 * {@code data.protect} and {@code tenants:} (where {@code tenant add} records what it added).
 * Deterministic: built from the run's input only.
 */
final class ExtrasRules {
  private final boolean delete;
  private final boolean dryRun;
  private final ExtrasProtection protect;
  private final AddedTenants added;

  ExtrasRules(MigrationConfig config, boolean dryRun) {
    this.delete = config.data().deleteExtras();
    this.dryRun = dryRun;
    this.protect = config.data().protect();
    TenantsConfig tenants = config.runbook() == null ? null : config.runbook().tenants();
    this.added = tenants == null ? null : new AddedTenants(tenants.table(), tenants.environment());
  }

  ExtrasRule bucket(BucketMapping mapping) {
    List<String> prefixes = new ArrayList<>(protect.prefixes());
    for (String name : List.of(mapping.source(), mapping.target())) {
      prefixes.addAll(protect.bucketPrefixes().getOrDefault(name, List.of()));
    }
    return new ExtrasRule(delete, dryRun, prefixes, List.of(), List.of(), added);
  }

  ExtrasRule table(String source, String target) {
    List<Map<String, String>> keys = protect.items().stream()
        .filter(item -> item.table().equals(source) || item.table().equals(target))
        .map(ExtrasProtection.ProtectedItem::key)
        .toList();
    boolean tenantsTable = added != null && (added.table().equals(target) || added.table().equals(source));
    return new ExtrasRule(delete, dryRun, List.of(), keys, List.of(), tenantsTable ? added : null);
  }

  ExtrasRule table(TableMapping mapping) {
    return table(mapping.source(), mapping.target());
  }

  ExtrasRule secrets() {
    return new ExtrasRule(delete, dryRun, List.of(), List.of(), protect.secrets(), added);
  }
}
