package com.avesa.cutover.cli;

import com.avesa.cutover.activities.approval.ProofSigner;
import com.avesa.cutover.activities.approval.StsReplay;
import com.avesa.cutover.activities.aws.AwsCallException;
import com.avesa.cutover.workflows.approval.ApprovalProof;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Makes the proof of one decision or start: an STS GetCallerIdentity POST signed by the SDK's own
 * SigV4 signer with the caller's credentials, for the STS endpoint the run will replay it to,
 * binding {@link ApprovalProof#digest} in the signed header {@link ApprovalProof#DIGEST_HEADER}.
 * Before handing it out it replays it once itself, so credentials STS refuses (expired, unknown)
 * stop the command with one line instead of reaching the run.
 */
final class ApprovalSigner {
  private static final List<String> CREDENTIAL_ERRORS = List.of("ExpiredToken", "InvalidClientTokenId",
      "SignatureDoesNotMatch", "UnrecognizedClientException", "InvalidAccessKeyId", "AccessDenied");

  private final AwsCredentialsProvider credentials;
  private final String whose;
  private final StsReplay sts;
  private final Clock clock;

  ApprovalSigner(SigningOptions options) {
    this(options.credentials(), options.describe(), new StsReplay(), Clock.systemUTC());
  }

  ApprovalSigner(AwsCredentialsProvider credentials, String whose, StsReplay sts, Clock clock) {
    this.credentials = credentials;
    this.whose = whose;
    this.sts = sts;
    this.clock = clock;
  }

  /**
   * The token proving that the caller made the decision {@code digest} names, for a run that
   * verifies at {@code stsUrl} in {@code region}.
   *
   * @throws CliException exit 2 when there are no credentials or STS refuses them
   */
  String sign(String stsUrl, String region, String digest) {
    ApprovalProof proof = ProofSigner.sign(resolve(), stsUrl, region, digest, clock);
    checkWithSts(stsUrl, proof);
    return proof.encode();
  }

  private AwsCredentials resolve() {
    try {
      return credentials.resolveCredentials();
    } catch (SdkException e) {
      throw new CliException(ExitCodes.USAGE, "avesa: no AWS credentials to sign with (" + whose + "; approvals.identity "
          + "is aws-iam, so every decision and start is signed): set AWS_PROFILE or --profile, or log in (aws sso login)");
    }
  }

  private void checkWithSts(String stsUrl, ApprovalProof proof) {
    try {
      sts.identify(stsUrl, proof);
    } catch (AwsCallException refused) {
      if (CREDENTIAL_ERRORS.contains(refused.code())) {
        throw new CliException(ExitCodes.USAGE, "avesa: STS refused " + whose + " (" + refused.code()
            + "): refresh them (aws sso login, new keys, --profile) and try again");
      }
      // Anything else (a 5xx) the run judges and names.
    } catch (IllegalArgumentException | IOException e) {
      // STS unreachable from here: the worker may reach it; the run judges the proof.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
