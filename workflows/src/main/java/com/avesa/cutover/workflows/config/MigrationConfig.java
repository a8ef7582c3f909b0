package com.avesa.cutover.workflows.config;

import com.avesa.cutover.workflows.estate.AccountConfig;
import com.avesa.cutover.workflows.estate.Estate;

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
    ApprovalsConfig approvals,
    RunbookConfig runbook) {

  public MigrationConfig {
    if (runbook == null) {
      runbook = RunbookConfig.defaults(target == null ? null : target.accountId(), null,
          data == null || data.buckets().isEmpty() ? null : data.buckets().get(0).target());
    }
  }

  /** A config without the runbook's other sections (their defaults apply). */
  public MigrationConfig(String name, String region, String endpoint, AccountConfig source, AccountConfig target,
      DataConfig data, CutoverConfig cutover, ApprovalsConfig approvals) {
    this(name, region, endpoint, source, target, data, cutover, approvals, null);
  }

  /** A config that only migrates data (no {@code cutover:} or {@code approvals:} section). */
  public MigrationConfig(String name, String region, String endpoint, AccountConfig source, AccountConfig target,
      DataConfig data) {
    this(name, region, endpoint, source, target, data, null, null, null);
  }

  /** Where and as whom activities call AWS. */
  public Estate estate() {
    return new Estate(region, endpoint, source, target, name);
  }
}
