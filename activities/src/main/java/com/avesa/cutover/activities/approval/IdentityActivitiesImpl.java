package com.avesa.cutover.activities.approval;

import com.avesa.cutover.activities.aws.AwsCallException;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.approval.ApprovalProof;
import com.avesa.cutover.workflows.approval.CallerIdentity;
import com.avesa.cutover.workflows.approval.CallerProof;
import com.avesa.cutover.workflows.approval.IdentityActivities;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;

/** {@link IdentityActivities} on {@link StsReplay}. Needs no AWS credentials of its own. */
public final class IdentityActivitiesImpl implements IdentityActivities {
  private final StsReplay sts;

  public IdentityActivitiesImpl() {
    this(new StsReplay());
  }

  public IdentityActivitiesImpl(StsReplay sts) {
    this.sts = sts;
  }

  @Override
  public CallerIdentity identifyCaller(CallerProof request) {
    ApprovalProof proof;
    try {
      proof = ApprovalProof.decode(request.proof());
    } catch (IllegalArgumentException e) {
      throw notAuthenticated(e.getMessage());
    }
    try {
      return sts.identify(request.stsUrl(), proof);
    } catch (IllegalArgumentException wrongHost) {
      throw notAuthenticated(wrongHost.getMessage());
    } catch (AwsCallException refused) {
      if (StsReplay.transientError(refused)) {
        throw ApplicationFailure.newFailure(refused.getMessage(), "STS_UNAVAILABLE");
      }
      throw notAuthenticated(refused.getMessage());
    } catch (IOException e) {
      throw ApplicationFailure.newFailure("STS at " + request.stsUrl() + " could not be reached: "
          + e.getClass().getSimpleName(), "STS_UNREACHABLE");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApplicationFailure.newFailure("interrupted while asking STS", "STS_UNREACHABLE");
    }
  }

  private static ApplicationFailure notAuthenticated(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, FailureType.NOT_AUTHENTICATED.type());
  }
}
