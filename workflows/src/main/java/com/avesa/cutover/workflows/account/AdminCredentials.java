package com.avesa.cutover.workflows.account;

import com.avesa.cutover.workflows.config.AccountSetupConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.estate.AccountConfig;
import com.avesa.cutover.workflows.estate.Estate;

/**
 * The credentials that create the deployment role and the baseline: an estate whose TARGET acts
 * as an administrator of the target account. Roles are assumed from the source (management
 * account) credentials without an ExternalId. In order: {@code account.adminRoleArn};
 * {@code account.adminProfile}; the target's own profile when it has one; else the
 * {@code OrganizationAccountAccessRole} Organizations puts in every member account (the runbook's
 * production account is one) — the deployment role may not exist yet, so it cannot be the one
 * assumed, and the source's default credentials would act in the wrong account.
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
    } else if (account.create() == null && config.target() != null && config.target().profile() != null) {
      admin = new AccountConfig(accountId, config.target().profile(), null, null);
    } else {
      admin = new AccountConfig(accountId, source.profile(), organizationRoleArn(accountId), null);
    }
    return new Estate(config.region(), config.endpoint(), source, admin, config.name());
  }

  static String organizationRoleArn(String accountId) {
    return "arn:aws:iam::" + accountId + ":role/" + AccountSetupConfig.ORGANIZATION_ROLE;
  }
}
