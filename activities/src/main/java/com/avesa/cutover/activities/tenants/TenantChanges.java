package com.avesa.cutover.activities.tenants;

import com.avesa.cutover.workflows.runbook.PhaseItem;
import java.util.ArrayList;
import java.util.List;

/** What {@code tenant add} or {@code service add} changed and what it found in place; names only, never values. */
public record TenantChanges(List<PhaseItem> changed, List<PhaseItem> unchanged) {

  static TenantChanges changed(PhaseItem item) {
    return new TenantChanges(List.of(item), List.of());
  }

  static TenantChanges unchanged(PhaseItem item) {
    return new TenantChanges(List.of(), List.of(item));
  }

  TenantChanges and(TenantChanges other) {
    List<PhaseItem> allChanged = new ArrayList<>(changed);
    allChanged.addAll(other.changed);
    List<PhaseItem> allUnchanged = new ArrayList<>(unchanged);
    allUnchanged.addAll(other.unchanged);
    return new TenantChanges(List.copyOf(allChanged), List.copyOf(allUnchanged));
  }
}
