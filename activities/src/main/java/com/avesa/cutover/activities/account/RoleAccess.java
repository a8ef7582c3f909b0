package com.avesa.cutover.activities.account;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.aws.Failures;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.account.AccessCheckRequest;
import com.avesa.cutover.workflows.account.AdminAccessRequest;
import com.avesa.cutover.workflows.estate.AccountConfig;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Who the setup's credentials are: the admin credentials must act in the target account, and the
 * source account must be able to assume the deployment role with the ExternalId (a fresh
 * AssumeRole, not the cached session of {@link AwsClients}) and then act in the target account.
 * A role just created may be refused for a few seconds while IAM propagates it; AssumeRole is
 * retried for {@code patience} before the refusal counts.
 */
final class RoleAccess {
  static final String SESSION_NAME = "avesa-account-setup";

  private final AwsClients clients;
  private final Duration patience;
  private final Duration pause;

  RoleAccess(AwsClients clients, Duration patience, Duration pause) {
    this.clients = clients;
    this.patience = patience;
    this.pause = pause;
  }

  String checkAdmin(AdminAccessRequest request) {
    AccountConfig admin = request.admin().target();
    GetCallerIdentityResponse identity;
    try {
      identity = clients.sts(request.admin(), Side.TARGET).getCallerIdentity();
    } catch (SdkException e) {
      if (!Failures.isAccessDenied(e)) {
        throw e;
      }
      throw Failures.nonRetryable(FailureType.ACCESS_DENIED, "the admin credentials for account "
          + request.accountId() + " (" + describe(admin) + ") were refused: " + Failures.awsMessage(e)
          + "; " + remedy(request.accountId()));
    }
    if (!identity.account().equals(request.accountId())) {
      throw Failures.nonRetryable(FailureType.ACCOUNT_MISMATCH, "the admin credentials (" + describe(admin)
          + ") act in account " + identity.account() + " (" + identity.arn() + "), not in the target account "
          + request.accountId() + ": " + remedy(request.accountId()));
    }
    return identity.arn();
  }

  String verify(AccessCheckRequest request) {
    Credentials session = assume(request);
    try (StsClient asRole = sessionClient(request.estate(), session)) {
      GetCallerIdentityResponse identity = asRole.getCallerIdentity();
      if (!identity.account().equals(request.accountId())) {
        throw Failures.nonRetryable(FailureType.ACCOUNT_MISMATCH, "the deployment role " + request.roleArn()
            + " acts in account " + identity.account() + " (" + identity.arn() + "), not in the target account "
            + request.accountId() + ": set target.accountId (or role.name) to name the target's own role");
      }
      return identity.arn();
    }
  }

  private Credentials assume(AccessCheckRequest request) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      try {
        return clients.sts(request.estate(), Side.SOURCE).assumeRole(b -> b.roleArn(request.roleArn())
            .externalId(request.externalId()).roleSessionName(SESSION_NAME)).credentials();
      } catch (SdkException e) {
        if (!Failures.isAccessDenied(e)) {
          throw e;
        }
        if (System.nanoTime() >= deadline) {
          String source = request.estate().source().accountId();
          throw Failures.nonRetryable(FailureType.ACCESS_DENIED, "the source account " + source
              + " cannot assume " + request.roleArn() + " with target.externalId: " + Failures.awsMessage(e)
              + "; its trust policy must allow arn:aws:iam::" + source + ":root with that ExternalId, and the"
              + " source credentials need sts:AssumeRole on it");
        }
        pause();
      }
    }
  }

  private StsClient sessionClient(Estate estate, Credentials session) {
    StsClientBuilder builder = StsClient.builder()
        .region(Region.of(estate.region()))
        .httpClient(clients.httpClient())
        .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
            session.accessKeyId(), session.secretAccessKey(), session.sessionToken())));
    if (estate.endpoint() != null && !estate.endpoint().isBlank()) {
      builder.endpointOverride(URI.create(estate.endpoint()));
    }
    return builder.build();
  }

  private void pause() {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the role to propagate", e);
    }
  }

  private static String describe(AccountConfig admin) {
    if (admin.roleArn() != null) {
      return "assuming " + admin.roleArn();
    }
    return admin.profile() != null ? "profile " + admin.profile() : "the default credential chain";
  }

  private static String remedy(String accountId) {
    return "set account.adminRoleArn to a role with admin rights in " + accountId + " that the source account may"
        + " assume (e.g. arn:aws:iam::" + accountId + ":role/OrganizationAccountAccessRole), or account.adminProfile"
        + " to a profile of that account";
  }
}
