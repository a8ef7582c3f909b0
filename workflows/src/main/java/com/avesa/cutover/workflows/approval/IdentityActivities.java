package com.avesa.cutover.workflows.approval;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Learns who made a decision from the signed request the decision carries. */
@ActivityInterface
public interface IdentityActivities {

  /**
   * Sends the proof's signed GetCallerIdentity POST (its method, headers and body; the Host of
   * {@code stsUrl}) to {@code stsUrl} and returns the ARN STS answers. STS checks the signature and
   * its age. Idempotent (GetCallerIdentity changes nothing). A proof STS refuses (HTTP 4xx:
   * SignatureDoesNotMatch, ExpiredToken, InvalidClientTokenId, ...) or one signed for another host
   * is a non-retryable {@code NOT_AUTHENTICATED} failure naming STS's error code only; 5xx and
   * connection errors are retried.
   */
  @ActivityMethod(name = "identifyCaller")
  CallerIdentity identifyCaller(CallerProof request);
}
