package com.avesa.cutover.workflows.config;

import com.avesa.cutover.workflows.migration.Estate;

/**
 * The validated configuration file, as it travels in workflow input. It carries names and
 * identifiers only, never credentials or secret values. Build it with {@link ConfigLoader}.
 */
public record MigrationConfig(
    String name,
    String region,
    String endpoint,
    AccountConfig source,
    AccountConfig target,
    DataConfig data) {

  /** Where and as whom activities call AWS. */
  public Estate estate() {
    return new Estate(region, endpoint, source, target);
  }
}
