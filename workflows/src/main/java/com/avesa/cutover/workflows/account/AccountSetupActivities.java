package com.avesa.cutover.workflows.account;

import io.temporal.activity.ActivityInterface;

/**
 * Phase 1's own side effects: the Organizations account, the admin credentials' identity, the
 * deployment role and the proof that the source account can assume it. Every call is idempotent
 * and reports what it created or changed and what it found already in place. Errors retrying
 * cannot fix (a refused call, a wrong account, a bad config) are non-retryable failures naming the
 * fix; everything else is retried by the caller's policy.
 */
@ActivityInterface
public interface AccountSetupActivities {

  /**
   * The account with {@code request.email()}: found (ListAccounts, every page) → {@link AccountCreation#existing()};
   * an Organizations creation of that name still in progress → its request; else CreateAccount with
   * the source (management account) credentials.
   */
  AccountCreation createAccount(NewAccountRequest request);

  /** DescribeCreateAccountStatus of one CreateAccount request. */
  AccountCreation accountCreationStatus(AccountStatusRequest request);

  /** GetCallerIdentity with the admin credentials; they must act in {@code accountId}. Returns the caller's ARN. */
  String checkAdminAccess(AdminAccessRequest request);

  /**
   * Creates the deployment role (trust: the source account only, ExternalId required) when absent;
   * when present, checks its trust policy and reports what is wrong in {@link RoleStep#problems()}
   * without rewriting it.
   */
  RoleStep ensureDeploymentRole(DeploymentRoleRequest request);

  /** The role's permissions: the generated least-privilege inline policy, or the runbook's managed policies. */
  RoleStep ensureRolePermissions(RolePermissionsRequest request);

  /** AssumeRole with the ExternalId from the source credentials, then GetCallerIdentity as the role. Returns its ARN. */
  String verifyDeploymentRole(AccessCheckRequest request);

  /** Compensation: deletes the role's inline policies, detaches its managed ones, deletes it; already gone is fine. */
  void removeDeploymentRole(RoleRemoval removal);
}
