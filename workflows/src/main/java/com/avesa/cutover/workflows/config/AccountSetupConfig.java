package com.avesa.cutover.workflows.config;

/**
 * Phase 1's {@code account:} section.
 *
 * @param create the account to create through Organizations, or null to use {@code target.accountId}
 * @param adminRoleArn a role with admin rights in the target, assumed (no ExternalId) to create or
 *     check the deployment role and the security baseline; null: {@code adminProfile}, else the
 *     target's profile (when it has one and the account is not created), else the
 *     {@code OrganizationAccountAccessRole} of the target account
 * @param adminProfile a named profile with admin rights in the target; null when not given
 */
public record AccountSetupConfig(NewAccount create, String adminRoleArn, String adminProfile) {
  /** The role Organizations creates in every new member account. */
  public static final String ORGANIZATION_ROLE = "OrganizationAccountAccessRole";

  public static AccountSetupConfig none() {
    return new AccountSetupConfig(null, null, null);
  }

  /** {@code account.create}: what Organizations' CreateAccount gets. */
  public record NewAccount(String email, String name) {}
}
