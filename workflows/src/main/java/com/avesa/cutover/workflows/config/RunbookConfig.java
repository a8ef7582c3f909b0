package com.avesa.cutover.workflows.config;

/**
 * The runbook's phases beyond data and cutover, from the top-level {@code account:}, {@code role:},
 * {@code security:}, {@code infrastructure:}, {@code tenants:}, {@code decommission:} and
 * {@code validation:} keys. Every part is filled in with its defaults when the file leaves it out,
 * except {@code decommission}, which is null without a {@code decommission:} section, and
 * {@code validation}, which is null in payloads written before it existed (read it through
 * {@link #validationOrNone()}).
 */
public record RunbookConfig(
    AccountSetupConfig account,
    RoleConfig role,
    SecurityConfig security,
    InfrastructureConfig infrastructure,
    TenantsConfig tenants,
    DecommissionConfig decommission,
    ValidationConfig validation) {

  /** Without a {@code validation:} section. */
  public RunbookConfig(AccountSetupConfig account, RoleConfig role, SecurityConfig security,
      InfrastructureConfig infrastructure, TenantsConfig tenants, DecommissionConfig decommission) {
    this(account, role, security, infrastructure, tenants, decommission, ValidationConfig.none());
  }

  /** The {@code validation:} section; none when a payload has no such field. */
  public ValidationConfig validationOrNone() {
    return validation == null ? ValidationConfig.none() : validation;
  }

  /** Every default, no decommission. */
  public static RunbookConfig defaults(String targetAccountId, String tenantsTable, String bucket) {
    return new RunbookConfig(AccountSetupConfig.none(), RoleConfig.defaults(),
        SecurityConfig.defaults(targetAccountId), InfrastructureConfig.none(),
        TenantsConfig.defaults(tenantsTable, bucket), null);
  }
}
