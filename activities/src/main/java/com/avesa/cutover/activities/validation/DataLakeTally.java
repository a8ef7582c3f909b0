package com.avesa.cutover.activities.validation;

import com.avesa.cutover.workflows.validation.DataLakeSummary;
import com.avesa.cutover.workflows.validation.TenantObjects;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts the keys of one listing of the data lake: per known tenant under {@code raw/{id}/} and
 * {@code canonical/{id}/} (and how many are new), everything else as stray, keeping samples of
 * at most {@value DataLakeSummary#SAMPLE} stray keys and unknown tenant prefixes. Keys under a
 * known prefix ({@code validation.knownPrefixes}) count as objects and nothing else. Its size
 * depends on the number of tenants, never on the number of keys.
 */
final class DataLakeTally {
  private static final List<String> ROOTS = List.of("raw/", "canonical/");

  private final String bucket;
  private final Instant since;
  private final List<String> knownPrefixes;
  private final Map<String, TenantObjects> tenants = new LinkedHashMap<>();
  private final Set<String> unknownPrefixes = new LinkedHashSet<>();
  private final List<String> strayKeys = new ArrayList<>();
  private long objects;
  private long newRaw;
  private long newCanonical;
  private long strayTotal;

  /** Continues from {@code soFar} (a heartbeated summary), or starts at zero for {@code tenantIds}. */
  DataLakeTally(String bucket, List<String> tenantIds, Instant since, List<String> knownPrefixes,
      DataLakeSummary soFar) {
    this.bucket = bucket;
    this.since = since;
    this.knownPrefixes = List.copyOf(knownPrefixes);
    tenantIds.forEach(id -> tenants.put(id, TenantObjects.none(id)));
    if (soFar != null) {
      soFar.tenants().forEach(t -> tenants.put(t.tenantId(), t));
      unknownPrefixes.addAll(soFar.unknownTenantPrefixes());
      strayKeys.addAll(soFar.strayKeys());
      objects = soFar.objects();
      newRaw = soFar.newRawObjects();
      newCanonical = soFar.newCanonicalObjects();
      strayTotal = soFar.strayKeysTotal();
    }
  }

  void add(String key, Instant lastModified) {
    objects++;
    boolean isNew = since != null && lastModified != null && !lastModified.isBefore(since);
    String root = ROOTS.stream().filter(key::startsWith).findFirst().orElse(null);
    if (knownPrefixes.stream().anyMatch(key::startsWith)) {
      countNew(root, isNew);
      return;
    }
    if (root == null) {
      stray(key);
      return;
    }
    boolean raw = root.equals("raw/");
    countNew(root, isNew);
    if (key.equals(root)) {
      return; // the folder marker a console creates for raw/ or canonical/ belongs to no one
    }
    int end = key.indexOf('/', root.length());
    if (end <= root.length()) {
      stray(key);
      return;
    }
    String tenantId = key.substring(root.length(), end);
    TenantObjects t = tenants.get(tenantId);
    if (t == null) {
      if (unknownPrefixes.size() < DataLakeSummary.SAMPLE) {
        unknownPrefixes.add(key.substring(0, end + 1));
      }
      stray(key);
      return;
    }
    int fresh = isNew ? 1 : 0;
    tenants.put(tenantId, raw
        ? new TenantObjects(tenantId, t.rawObjects() + 1, t.canonicalObjects(), t.newRawObjects() + fresh,
            t.newCanonicalObjects())
        : new TenantObjects(tenantId, t.rawObjects(), t.canonicalObjects() + 1, t.newRawObjects(),
            t.newCanonicalObjects() + fresh));
  }

  DataLakeSummary summary() {
    return new DataLakeSummary(bucket, objects, newRaw, newCanonical, List.copyOf(tenants.values()),
        List.copyOf(unknownPrefixes), List.copyOf(strayKeys), strayTotal);
  }

  private void countNew(String root, boolean isNew) {
    if (isNew && root != null) {
      newRaw += root.equals("raw/") ? 1 : 0;
      newCanonical += root.equals("raw/") ? 0 : 1;
    }
  }

  private void stray(String key) {
    strayTotal++;
    if (strayKeys.size() < DataLakeSummary.SAMPLE) {
      strayKeys.add(key);
    }
  }
}
