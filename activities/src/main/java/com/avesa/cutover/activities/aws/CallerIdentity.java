package com.avesa.cutover.activities.aws;

import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * {@code GetCallerIdentity} of one side's credentials (for the target: as the assumed role),
 * checked against the account id the config names. Refused credentials and a mismatched account
 * are results, not exceptions, so a preflight can list them; other errors propagate (retryable).
 *
 * @param identity what STS answered, or null when the credentials were refused
 * @param failure ACCESS_DENIED or ACCOUNT_MISMATCH, null when the identity is the configured account
 * @param problem the failure in words, naming the configured and the actual account; null when none
 */
public record CallerIdentity(GetCallerIdentityResponse identity, FailureType failure, String problem) {

  public static CallerIdentity of(AwsClients clients, Estate estate, Side side) {
    String name = side.name().toLowerCase();
    String expected = estate.account(side).accountId();
    GetCallerIdentityResponse identity;
    try {
      identity = clients.sts(estate, side).getCallerIdentity();
    } catch (SdkException e) {
      if (!Failures.isAccessDenied(e)) {
        throw e;
      }
      String role = estate.account(side).roleArn();
      String as = role == null || role.isBlank() ? "" : " assuming " + role;
      return new CallerIdentity(null, FailureType.ACCESS_DENIED, "the " + name + " credentials (account " + expected
          + ") were refused" + as + ": " + Failures.awsMessage(e));
    }
    if (!identity.account().equals(expected)) {
      return new CallerIdentity(identity, FailureType.ACCOUNT_MISMATCH, name + " account mismatch: the config says "
          + name + ".accountId " + expected + " but the credentials act as " + identity.account()
          + " (" + identity.arn() + ")");
    }
    return new CallerIdentity(identity, null, null);
  }

  /** The identity, or the non-retryable failure it amounts to. */
  public GetCallerIdentityResponse orThrow() {
    if (failure != null) {
      throw Failures.nonRetryable(failure, problem);
    }
    return identity;
  }

  public boolean refused() {
    return identity == null;
  }
}
