package com.avesa.cutover.workflows.infra;

import java.util.List;

/** What {@link InfrastructureActivities#inspectTargetStorage} found, in the request's order. */
public record TargetStorage(List<StorageState> buckets, List<StorageState> tables) {

  /**
   * One bucket or table.
   *
   * @param exists whether it exists in the target account
   * @param missingBaseline what of the runbook's baseline an existing one lacks, e.g.
   *     {@code versioning}, {@code point-in-time recovery}; empty when it is fully in place
   */
  public record StorageState(String name, boolean exists, List<String> missingBaseline) {}
}
