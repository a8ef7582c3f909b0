package com.avesa.cutover.workflows.config;

import java.util.List;
import java.util.Map;

/**
 * {@code data.protect}: extras that {@code data.deleteExtras} never deletes. What {@code tenant
 * add} and {@code service add} wrote is protected besides these, without being listed here.
 *
 * @param prefixes key prefixes protected in every bucket
 * @param bucketPrefixes key prefixes protected in one bucket, by either name of its mapping
 * @param items item keys, each protecting the items whose key attributes it names have those values
 * @param secrets secret-name globs ({@code *} within one path segment)
 */
public record ExtrasProtection(
    List<String> prefixes,
    @ConfigKeys.NotAKey("the {bucket, prefix} items of data.protect.prefixes") Map<String, List<String>> bucketPrefixes,
    List<ProtectedItem> items, List<String> secrets) {

  public static final ExtrasProtection NONE = new ExtrasProtection(List.of(), Map.of(), List.of(), List.of());

  public ExtrasProtection {
    prefixes = prefixes == null ? List.of() : List.copyOf(prefixes);
    bucketPrefixes = bucketPrefixes == null ? Map.of() : Map.copyOf(bucketPrefixes);
    items = items == null ? List.of() : List.copyOf(items);
    secrets = secrets == null ? List.of() : List.copyOf(secrets);
  }

  /** Items of table {@code table} (either name of its mapping) whose key attributes have these values. */
  public record ProtectedItem(String table, Map<String, String> key) {
    public ProtectedItem {
      key = key == null ? Map.of() : Map.copyOf(key);
    }
  }
}
