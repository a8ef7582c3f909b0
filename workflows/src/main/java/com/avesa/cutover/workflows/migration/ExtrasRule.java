package com.avesa.cutover.workflows.migration;

import java.util.List;
import java.util.Map;

/**
 * What a verification pass does with extras. {@code delete}: delete the ones nothing protects
 * ({@code data.deleteExtras}); {@code dryRun}: only say which (PLAN). Protected: keys under
 * {@code prefixes}, items whose key attributes match one of {@code keys}, secrets matching
 * {@code secrets}, and what {@code addedTenants} records (null: nothing recorded applies).
 */
public record ExtrasRule(
    boolean delete,
    boolean dryRun,
    List<String> prefixes,
    List<Map<String, String>> keys,
    List<String> secrets,
    AddedTenants addedTenants) {

  /** Report extras, delete nothing. */
  public static final ExtrasRule REPORT_ONLY = new ExtrasRule(false, false, List.of(), List.of(), List.of(), null);

  public ExtrasRule {
    prefixes = prefixes == null ? List.of() : List.copyOf(prefixes);
    keys = keys == null ? List.of() : keys.stream().map(Map::copyOf).toList();
    secrets = secrets == null ? List.of() : List.copyOf(secrets);
  }

  public static ExtrasRule orReportOnly(ExtrasRule rule) {
    return rule == null ? REPORT_ONLY : rule;
  }
}
