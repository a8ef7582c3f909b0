package com.avesa.cutover.workflows.config;

/**
 * The runbook's phases beyond data and cutover, from the top-level {@code account:}, {@code role:},
 * {@code security:}, {@code infrastructure:}, {@code tenants:} and {@code decommission:} keys.
 * Every part is filled in with its defaults when the file leaves it out, except
 * {@code decommission}, which is null without a {@code decommission:} section.
 */
public record RunbookConfig(
    AccountSetupConfig account,
    RoleConfig role,
    SecurityConfig security,
    InfrastructureConfig infrastructure,
    TenantsConfig tenants,
    DecommissionConfig decommission) {

  /** Every default, no decommission. */
  public static RunbookConfig defaults(String targetAccountId, String tenantsTable, String bucket) {
    return new RunbookConfig(AccountSetupConfig.none(), RoleConfig.defaults(),
        SecurityConfig.defaults(targetAccountId), InfrastructureConfig.none(),
        TenantsConfig.defaults(tenantsTable, bucket), null);
  }
}
