package com.avesa.cutover.workflows.config;

import com.avesa.cutover.workflows.migration.Estate;

/**
 * The validated configuration file, as it travels in workflow input. It carries names and
 * identifiers only, never credentials or secret values. Build it with {@link ConfigLoader}.
 * {@code cutover} is null unless the file has a {@code cutover:} section; {@code approvals} is
 * then filled in ({@link ApprovalsConfig#defaults()} when the file has none).
 */
public record MigrationConfig(
    String name,
    String region,
    String endpoint,
    AccountConfig source,
    AccountConfig target,
    DataConfig data,
    CutoverConfig cutover,
    ApprovalsConfig approvals) {

  /** A config that only migrates data (no {@code cutover:} or {@code approvals:} section). */
  public MigrationConfig(String name, String region, String endpoint, AccountConfig source, AccountConfig target,
      DataConfig data) {
    this(name, region, endpoint, source, target, data, null, null);
  }

  /** Where and as whom activities call AWS. */
  public Estate estate() {
    return new Estate(region, endpoint, source, target);
  }
}
