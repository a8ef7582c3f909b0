package com.avesa.cutover.activities.account;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.aws.Failures;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.account.DeploymentRoleRequest;
import com.avesa.cutover.workflows.account.RolePermissionsRequest;
import com.avesa.cutover.workflows.account.RoleRemoval;
import com.avesa.cutover.workflows.account.RoleStep;
import com.avesa.cutover.workflows.config.RoleConfig;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * The cross-account deployment role in the target, with the admin credentials: created with the
 * runbook's trust policy, or an existing one checked (never rewritten); its permissions; its
 * removal when the run that created it fails. A role carries the id of the run that created it
 * as a tag, so an attempt retried after CreateRole still knows the role is its own.
 */
final class DeploymentRole {
  static final String RUN_TAG = "avesa:setup-run";
  static final List<String> RUNBOOK_POLICIES = List.of("arn:aws:iam::aws:policy/PowerUserAccess",
      "arn:aws:iam::aws:policy/IAMFullAccess");
  private static final String FIX_BY_HAND = " — the setup does not rewrite an existing role's trust: fix it"
      + " (aws iam update-assume-role-policy) or delete the role so the setup creates it";

  private final AwsClients clients;

  DeploymentRole(AwsClients clients) {
    this.clients = clients;
  }

  RoleStep ensure(DeploymentRoleRequest request) {
    if (request.externalId() == null || request.externalId().isBlank()) {
      throw Failures.nonRetryable(FailureType.BAD_CONFIG, "target.externalId is not set: the trust policy of "
          + request.roleName() + " must require it (set target.externalId to a random string)");
    }
    IamClient iam = clients.iam(request.admin(), Side.TARGET);
    String item = "iam role " + request.roleName();
    Optional<Role> found = find(iam, request.roleName(), request.accountId());
    if (found.isEmpty()) {
      try {
        Role role = iamCall("create role " + request.roleName(), request.accountId(), () -> iam.createRole(b -> b
            .roleName(request.roleName())
            .assumeRolePolicyDocument(TrustPolicy.document(request.sourceAccountId(), request.externalId()))
            .description("AVESA cutover deployment role: assumed from account " + request.sourceAccountId()
                + " with the ExternalId")
            .tags(t -> t.key(RUN_TAG).value(request.runId()))).role());
        iam.waiter().waitUntilRoleExists(b -> b.roleName(request.roleName()));
        return created(role.arn(), item);
      } catch (EntityAlreadyExistsException raced) {
        found = find(iam, request.roleName(), request.accountId());
      }
    }
    Role role = found.orElseThrow();
    if (role.tags().stream().anyMatch(t -> RUN_TAG.equals(t.key()) && request.runId().equals(t.value()))) {
      return created(role.arn(), item);
    }
    List<String> problems = TrustPolicy.problems(role.assumeRolePolicyDocument(), request.sourceAccountId(),
        request.externalId()).stream().map(p -> item + ": " + p + FIX_BY_HAND).toList();
    return new RoleStep(role.arn(), false, List.of(),
        problems.isEmpty() ? List.of(new PhaseItem(item, PhaseItem.IN_PLACE)) : List.of(), problems);
  }

  RoleStep ensurePermissions(RolePermissionsRequest request) {
    IamClient iam = clients.iam(request.admin(), Side.TARGET);
    RoleConfig role = request.config().runbook().role();
    String roleArn = "arn:aws:iam::" + request.accountId() + ":role/" + request.roleName();
    List<PhaseItem> changed = new ArrayList<>();
    List<PhaseItem> unchanged = new ArrayList<>();
    if (role.runbookPolicies()) {
      Set<String> attached = attachedPolicies(iam, request.roleName(), request.accountId()).stream()
          .map(AttachedPolicy::policyArn).collect(Collectors.toSet());
      for (String policy : RUNBOOK_POLICIES) {
        String item = "iam managed policy " + policy.substring(policy.lastIndexOf('/') + 1);
        if (attached.contains(policy)) {
          unchanged.add(new PhaseItem(item, PhaseItem.IN_PLACE));
        } else {
          attachManaged(iam, request.roleName(), policy, request.accountId());
          changed.add(new PhaseItem(item, "attached"));
        }
      }
    } else {
      String document = DeploymentPolicy.document(request.config(), request.accountId());
      String item = "iam inline policy " + DeploymentPolicy.NAME;
      Optional<String> current = inlinePolicy(iam, request.roleName(), request.accountId());
      if (current.isPresent() && DeploymentPolicy.sameAs(current.get(), document)) {
        unchanged.add(new PhaseItem(item, PhaseItem.IN_PLACE));
      } else {
        iamCall("put policy " + DeploymentPolicy.NAME, request.accountId(), () -> iam.putRolePolicy(b -> b
            .roleName(request.roleName()).policyName(DeploymentPolicy.NAME).policyDocument(document)));
        changed.add(new PhaseItem(item, current.isPresent() ? "updated" : "created"));
      }
    }
    return new RoleStep(roleArn, false, changed, unchanged, List.of());
  }

  void remove(RoleRemoval removal) {
    IamClient iam = clients.iam(removal.admin(), Side.TARGET);
    String name = removal.roleName();
    String accountId = removal.admin().target().accountId();
    try {
      List<String> inline = iam.listRolePoliciesPaginator(b -> b.roleName(name)).policyNames().stream().toList();
      inline.forEach(policy -> iam.deleteRolePolicy(b -> b.roleName(name).policyName(policy)));
      attachedPolicies(iam, name, accountId).forEach(policy ->
          iam.detachRolePolicy(b -> b.roleName(name).policyArn(policy.policyArn())));
      iamCall("delete role " + name, accountId, () -> iam.deleteRole(b -> b.roleName(name)));
    } catch (NoSuchEntityException alreadyGone) {
      // Removed by an earlier attempt or by hand: nothing left to do.
    }
  }

  private static RoleStep created(String roleArn, String item) {
    return new RoleStep(roleArn, true, List.of(new PhaseItem(item, "created")), List.of(), List.of());
  }

  /**
   * Attaches an AWS managed policy. AWS always has them; an emulator may not (moto loads them only
   * when started with MOTO_IAM_LOAD_MANAGED_POLICIES=true), and retrying would not help.
   */
  private static void attachManaged(IamClient iam, String role, String policy, String accountId) {
    try {
      iamCall("attach " + policy, accountId, () -> iam.attachRolePolicy(b -> b.roleName(role).policyArn(policy)));
    } catch (NoSuchEntityException e) {
      throw Failures.nonRetryable(FailureType.BAD_CONFIG, "iam attach " + policy + " to role " + role + " in account "
          + accountId + ": no such policy here (" + Failures.awsMessage(e) + "); AWS has every managed policy, so this"
          + " is an emulator without them (moto: start it with MOTO_IAM_LOAD_MANAGED_POLICIES=true), or use"
          + " role.policies: least-privilege");
    }
  }

  private static Optional<Role> find(IamClient iam, String name, String accountId) {
    try {
      return Optional.of(iamCall("read role " + name, accountId, () -> iam.getRole(b -> b.roleName(name)).role()));
    } catch (NoSuchEntityException absent) {
      return Optional.empty();
    }
  }

  private static Optional<String> inlinePolicy(IamClient iam, String role, String accountId) {
    try {
      return Optional.of(iamCall("read policy " + DeploymentPolicy.NAME, accountId, () -> iam.getRolePolicy(b -> b
          .roleName(role).policyName(DeploymentPolicy.NAME)).policyDocument()));
    } catch (NoSuchEntityException absent) {
      return Optional.empty();
    }
  }

  private static List<AttachedPolicy> attachedPolicies(IamClient iam, String role, String accountId) {
    return iamCall("list policies of " + role, accountId,
        () -> iam.listAttachedRolePoliciesPaginator(b -> b.roleName(role)).attachedPolicies().stream().toList());
  }

  /** One IAM call; refused access is non-retryable and names the admin credentials' fix. */
  private static <T> T iamCall(String what, String accountId, Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      if (Failures.isAccessDenied(e)) {
        throw Failures.nonRetryable(FailureType.ACCESS_DENIED, "iam " + what + " in account " + accountId
            + " was refused to the admin credentials: " + Failures.awsMessage(e) + "; set account.adminRoleArn"
            + " or account.adminProfile to an administrator of " + accountId);
      }
      throw e;
    }
  }
}
