package com.avesa.cutover.activities.account;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.workflows.account.AccessCheckRequest;
import com.avesa.cutover.workflows.account.AccountCreation;
import com.avesa.cutover.workflows.account.AccountSetupActivities;
import com.avesa.cutover.workflows.account.AccountStatusRequest;
import com.avesa.cutover.workflows.account.AdminAccessRequest;
import com.avesa.cutover.workflows.account.DeploymentRoleRequest;
import com.avesa.cutover.workflows.account.NewAccountRequest;
import com.avesa.cutover.workflows.account.RolePermissionsRequest;
import com.avesa.cutover.workflows.account.RoleRemoval;
import com.avesa.cutover.workflows.account.RoleStep;
import java.time.Duration;

/** Phase 1's own side effects: Organizations through signed calls, IAM and STS on the AWS SDK v2. */
public class AccountSetupActivitiesImpl implements AccountSetupActivities {
  /** IAM usually lets a new role be assumed within seconds; a minute covers a slow propagation. */
  static final Duration PROPAGATION_PATIENCE = Duration.ofMinutes(1);
  private static final Duration PROPAGATION_PAUSE = Duration.ofSeconds(5);

  private final OrganizationsAccounts organizations;
  private final DeploymentRole role;
  private final RoleAccess access;

  public AccountSetupActivitiesImpl(AwsClients clients) {
    this(clients, PROPAGATION_PATIENCE, PROPAGATION_PAUSE);
  }

  AccountSetupActivitiesImpl(AwsClients clients, Duration propagationPatience, Duration propagationPause) {
    this.organizations = new OrganizationsAccounts(clients);
    this.role = new DeploymentRole(clients);
    this.access = new RoleAccess(clients, propagationPatience, propagationPause);
  }

  @Override
  public AccountCreation createAccount(NewAccountRequest request) {
    return organizations.createAccount(request);
  }

  @Override
  public AccountCreation accountCreationStatus(AccountStatusRequest request) {
    return organizations.status(request);
  }

  @Override
  public String checkAdminAccess(AdminAccessRequest request) {
    return access.checkAdmin(request);
  }

  @Override
  public RoleStep ensureDeploymentRole(DeploymentRoleRequest request) {
    return role.ensure(request);
  }

  @Override
  public RoleStep ensureRolePermissions(RolePermissionsRequest request) {
    return role.ensurePermissions(request);
  }

  @Override
  public String verifyDeploymentRole(AccessCheckRequest request) {
    return access.verify(request);
  }

  @Override
  public void removeDeploymentRole(RoleRemoval removal) {
    role.remove(removal);
  }
}
