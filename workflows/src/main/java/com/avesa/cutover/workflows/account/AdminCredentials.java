package com.avesa.cutover.workflows.account;

import com.avesa.cutover.workflows.config.AccountConfig;
import com.avesa.cutover.workflows.config.AccountSetupConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.migration.Estate;

/**
 * The credentials that create the deployment role and the baseline: an estate whose TARGET acts
 * as an administrator of the target account. Roles are assumed from the source (management
 * account) credentials without an ExternalId. In order: {@code account.adminRoleArn};
 * {@code account.adminProfile}; {@code OrganizationAccountAccessRole} of an account the config
 * asks Organizations for; else the target's own credentials without its role (its profile, or the
 * default chain) — the deployment role may not exist yet, so it cannot be the one assumed.
 */
final class AdminCredentials {
  private AdminCredentials() {}

  static Estate estate(MigrationConfig config, String accountId) {
    AccountSetupConfig account = config.runbook().account();
    AccountConfig source = config.source();
    AccountConfig admin;
    if (account.adminRoleArn() != null) {
      admin = new AccountConfig(accountId, source.profile(), account.adminRoleArn(), null);
    } else if (account.adminProfile() != null) {
      admin = new AccountConfig(accountId, account.adminProfile(), null, null);
    } else if (account.create() != null) {
      admin = new AccountConfig(accountId, source.profile(), organizationRoleArn(accountId), null);
    } else {
      admin = new AccountConfig(accountId, config.target() == null ? null : config.target().profile(), null, null);
    }
    return new Estate(config.region(), config.endpoint(), source, admin);
  }

  static String organizationRoleArn(String accountId) {
    return "arn:aws:iam::" + accountId + ":role/" + AccountSetupConfig.ORGANIZATION_ROLE;
  }
}
