package com.avesa.cutover.workflows.account;

import com.avesa.cutover.workflows.ActivityRetries;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.config.AccountSetupConfig.NewAccount;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.config.RoleConfig;
import com.avesa.cutover.workflows.config.SecurityConfig;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.run.WorkflowClock;
import com.avesa.cutover.workflows.runbook.PhaseInput;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import com.avesa.cutover.workflows.runbook.PhaseProgress;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.common.VersioningBehavior;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Saga;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowVersioningBehavior;
import java.time.Duration;
import java.time.Instant;

/**
 * Phase 1 in runbook order: the account, admin access, the deployment role and its permissions,
 * proof of access, the security baseline. Everything this run creates registers its removal in a
 * {@link Saga} as soon as it exists; any failure removes it again, last first, in a scope a
 * cancellation cannot stop, and fails the run with its report as the failure's first detail.
 * An Organizations account cannot be removed that way: a failed run says it stays.
 */
public class AccountSetupWorkflowImpl implements AccountSetupWorkflow {
  static final Duration POLL_EVERY = Duration.ofSeconds(15);
  /** Organizations usually creates an account within minutes; longer means something to look at. */
  static final Duration CREATION_DEADLINE = Duration.ofMinutes(30);
  /** The failure type of an account creation that outlived the deadline (a rerun resumes it). */
  static final String CREATION_PENDING = FailureType.ACCOUNT_CREATION_PENDING.type();

  // Transient errors (throttling, resets, a killed worker) are retried; ten attempts with backoff
  // up to a minute ride out an outage, after which a person should look at the failure.
  private final RetryOptions retry = ActivityRetries.transientErrors(Duration.ofMinutes(1), 10);

  // verifyDeploymentRole waits up to a minute for a new role to be assumable (IAM propagation).
  private final AccountSetupActivities setup = Workflow.newActivityStub(AccountSetupActivities.class,
      ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(3)).setRetryOptions(retry).build());

  // A trail bucket, a recorder or a topic is a handful of calls each.
  private final SecurityBaselineActivities baseline = Workflow.newActivityStub(SecurityBaselineActivities.class,
      ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(5)).setRetryOptions(retry).build());

  private final Saga saga = new Saga(new Saga.Options.Builder().setParallelCompensation(false).build());

  private MigrationConfig config;
  private AccountSetupState ledger;

  @Override
  @WorkflowVersioningBehavior(VersioningBehavior.AUTO_UPGRADE)
  public AccountSetupReport setUp(PhaseInput input) {
    config = input.config();
    ledger = new AccountSetupState(Workflow.getInfo().getWorkflowId(), config.name());
    try {
      String externalId = requireExternalId();
      String accountId = ensureAccount();
      Estate admin = AdminCredentials.estate(config, accountId);
      checkAdminAccess(admin, accountId);
      String roleArn = ensureDeploymentRole(admin, accountId, externalId);
      verifyAccess(roleArn, externalId, accountId);
      ensureBaseline(admin, accountId);
    } catch (TemporalFailure failure) {
      throw fail(failure);
    }
    ledger.end(PhaseOutcome.SUCCEEDED);
    return ledger.report();
  }

  @Override
  public PhaseProgress progress() {
    return ledger == null ? null : ledger.progress();
  }

  // --- steps ---------------------------------------------------------------------------------

  /** Checked before anything is created: the trust policy cannot be written without it. */
  private String requireExternalId() {
    String externalId = config.target() == null ? null : config.target().externalId();
    if (externalId == null || externalId.isBlank()) {
      throw ApplicationFailure.newNonRetryableFailure("target.externalId is not set: the deployment role's trust"
          + " policy requires it (set target.externalId to a random string shared with the source account)",
          FailureType.BAD_CONFIG.type());
    }
    return externalId;
  }

  private String ensureAccount() {
    NewAccount wanted = config.runbook().account().create();
    if (wanted == null) {
      ledger.account(config.target().accountId(), false);
      return config.target().accountId();
    }
    ledger.at(AccountSetupState.CREATE_ACCOUNT, "looking for the account of " + wanted.email() + ", else creating "
        + wanted.name());
    AccountCreation creation = setup.createAccount(new NewAccountRequest(config.estate(), wanted.email(),
        wanted.name()));
    if (creation.existing()) {
      ledger.account(creation.accountId(), false);
      ledger.unchanged(new PhaseItem("organizations account " + creation.accountId(), PhaseItem.IN_PLACE));
      return creation.accountId();
    }
    String accountId = awaitCreation(creation, wanted).accountId();
    ledger.account(accountId, true);
    ledger.changed(new PhaseItem("organizations account " + accountId, "created (" + wanted.name() + ")"));
    return accountId;
  }

  private AccountCreation awaitCreation(AccountCreation creation, NewAccount wanted) {
    Instant deadline = WorkflowClock.now().plus(CREATION_DEADLINE);
    while (creation.state() == AccountCreation.State.IN_PROGRESS) {
      if (!WorkflowClock.now().isBefore(deadline)) {
        throw ApplicationFailure.newNonRetryableFailure("Organizations has not finished creating account "
            + wanted.name() + " after " + CREATION_DEADLINE + " (request " + creation.requestId()
            + "): run the setup again later; it resumes that request", CREATION_PENDING);
      }
      ledger.waitingUntil(deadline, "Organizations is creating account " + wanted.name() + " (request "
          + creation.requestId() + ")");
      Workflow.sleep(POLL_EVERY);
      creation = setup.accountCreationStatus(new AccountStatusRequest(config.estate(), creation.requestId()));
    }
    if (creation.state() == AccountCreation.State.FAILED) {
      throw ApplicationFailure.newNonRetryableFailure("Organizations could not create account " + wanted.name()
          + " (" + wanted.email() + "): " + creation.failureReason() + remedy(creation.failureReason()),
          FailureType.BAD_CONFIG.type());
    }
    return creation;
  }

  private static String remedy(String reason) {
    return switch (String.valueOf(reason)) {
      case "EMAIL_ALREADY_EXISTS" -> " (the email belongs to another AWS account: choose another"
          + " account.create.email, or leave account.create out and set target.accountId)";
      case "ACCOUNT_LIMIT_EXCEEDED" -> " (the organization has as many accounts as it may: ask AWS Support to"
          + " raise the quota)";
      default -> "";
    };
  }

  private void checkAdminAccess(Estate admin, String accountId) {
    ledger.at(AccountSetupState.ADMIN_ACCESS, "checking that the admin credentials act in account " + accountId);
    String caller = setup.checkAdminAccess(new AdminAccessRequest(admin, accountId));
    ledger.at(AccountSetupState.ADMIN_ACCESS, "admin credentials act as " + caller);
  }

  private String ensureDeploymentRole(Estate admin, String accountId, String externalId) {
    RoleConfig role = config.runbook().role();
    ledger.at(AccountSetupState.ROLE, "deployment role " + role.name());
    RoleStep found = setup.ensureDeploymentRole(new DeploymentRoleRequest(admin, accountId,
        config.source().accountId(), role.name(), externalId, Workflow.getInfo().getRunId()));
    if (found.created()) {
      saga.addCompensation(() -> undo("iam role " + role.name(), "deleted",
          () -> setup.removeDeploymentRole(new RoleRemoval(admin, role.name()))));
    }
    ledger.role(found.roleArn());
    ledger.record(found.changed(), found.unchanged());
    if (!found.problems().isEmpty()) {
      throw ApplicationFailure.newNonRetryableFailure(String.join("; ", found.problems()),
          FailureType.BAD_CONFIG.type());
    }
    ledger.at(AccountSetupState.ROLE, "permissions of " + role.name() + " (" + role.policies() + ")");
    RoleStep permissions = setup.ensureRolePermissions(new RolePermissionsRequest(admin, accountId, role.name(),
        config));
    ledger.record(permissions.changed(), permissions.unchanged());
    return found.roleArn();
  }

  private void verifyAccess(String roleArn, String externalId, String accountId) {
    ledger.at(AccountSetupState.VERIFY, "assuming " + roleArn + " with the ExternalId from the source account");
    ledger.caller(setup.verifyDeploymentRole(new AccessCheckRequest(config.estate(), roleArn, externalId,
        accountId)));
  }

  private void ensureBaseline(Estate admin, String accountId) {
    SecurityConfig security = securityFor(accountId);
    BaselineRequest request = new BaselineRequest(admin, accountId, security, null);
    ledger.at(AccountSetupState.BASELINE, "GuardDuty detector");
    record(baseline.ensureGuardDuty(request), admin);
    ledger.at(AccountSetupState.BASELINE, "AWS Config recorder and delivery channel");
    record(baseline.ensureConfigRecorder(request), admin);
    ledger.at(AccountSetupState.BASELINE, "CloudTrail trail " + security.trailName() + " into " + security.trailBucket());
    record(baseline.ensureCloudTrail(request), admin);
    ledger.at(AccountSetupState.BASELINE, "alert topic " + security.alertTopic());
    BaselineStep topic = baseline.ensureAlertTopic(request);
    record(topic, admin);
    ledger.at(AccountSetupState.BASELINE, "billing alarm above " + security.billingThreshold() + " USD");
    record(baseline.ensureBillingAlarm(new BaselineRequest(admin, accountId, security, topic.topicArn())), admin);
  }

  private void record(BaselineStep step, Estate admin) {
    for (CreatedResource created : step.created()) {
      saga.addCompensation(() -> undo(created.kind() + " " + created.id(), "removed",
          () -> baseline.remove(new BaselineRemoval(admin, created))));
    }
    ledger.record(step.changed(), step.unchanged());
  }

  /**
   * The configured security section; for an account the config asks Organizations for, a trail
   * bucket left to its default is named after the new account (the config could not know its id).
   */
  private SecurityConfig securityFor(String accountId) {
    SecurityConfig security = config.runbook().security();
    boolean defaultBucket = security.trailBucket() == null
        || security.trailBucket().equals(SecurityConfig.defaultTrailBucket(null));
    if (config.runbook().account().create() == null || !defaultBucket) {
      return security;
    }
    return new SecurityConfig(security.billingThreshold(), security.alertEmails(),
        SecurityConfig.defaultTrailBucket(accountId), security.trailName(), security.alertTopic());
  }

  // --- failure and compensation ----------------------------------------------------------------

  private TemporalFailure fail(TemporalFailure failure) {
    String message = describe(failure);
    ledger.problem(ledger.progress().phase().toLowerCase().replace('_', ' ') + ": " + message);
    Workflow.newDetachedCancellationScope(saga::compensate).run();
    if (ledger.accountCreated()) {
      ledger.problem("organizations account " + ledger.report().accountId() + " was created by this run and stays:"
          + " compensation cannot remove an account (close it by hand if it is not wanted)");
    }
    if (failure instanceof CanceledFailure) {
      ledger.end(PhaseOutcome.CANCELLED);
      return failure;
    }
    ledger.end(PhaseOutcome.FAILED);
    return ApplicationFailure.newNonRetryableFailureWithCause(message, typeOf(failure), failure, ledger.report());
  }

  /** One compensation: a removal that fails is reported as a problem, and the others still run. */
  private void undo(String item, String done, Functions.Proc removal) {
    try {
      removal.apply();
      ledger.compensated(new PhaseItem(item, done));
    } catch (TemporalFailure failure) {
      ledger.problem("could not remove " + item + " (remove it by hand): " + describe(failure));
    }
  }

  /** The innermost message of an activity failure, which is what a person can act on. */
  private static String describe(TemporalFailure failure) {
    Throwable cause = failure;
    while (!(cause instanceof ApplicationFailure) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause instanceof TemporalFailure t ? t.getOriginalMessage() : String.valueOf(cause.getMessage());
  }

  private static String typeOf(TemporalFailure failure) {
    Throwable cause = failure;
    while (!(cause instanceof ApplicationFailure) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause instanceof ApplicationFailure app ? app.getType() : "ACTIVITY_FAILED";
  }
}
