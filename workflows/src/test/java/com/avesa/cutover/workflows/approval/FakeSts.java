package com.avesa.cutover.workflows.approval;

import com.avesa.cutover.workflows.FailureType;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for STS in workflow-logic tests: a proof's access key id names the caller; an unknown
 * key is refused as SignatureDoesNotMatch. It also makes proofs shaped as the SDK's signer makes
 * them (the real signer and STS replay are tested in the activities module against moto and a stub).
 */
public final class FakeSts implements IdentityActivities {
  static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final AtomicInteger SIGNATURES = new AtomicInteger();

  private final Map<String, String> arns = new ConcurrentHashMap<>();
  public final List<String> replayedTo = new CopyOnWriteArrayList<>();

  public FakeSts person(String accessKeyId, String arn) {
    arns.put(accessKeyId, arn);
    return this;
  }

  @Override
  public CallerIdentity identifyCaller(CallerProof request) {
    replayedTo.add(request.stsUrl());
    ApprovalProof proof = ApprovalProof.decode(request.proof());
    String authorization = proof.header("Authorization");
    String key = authorization.substring(authorization.indexOf("Credential=") + "Credential=".length(),
        authorization.indexOf('/'));
    String arn = arns.get(key);
    if (arn == null) {
      throw ApplicationFailure.newNonRetryableFailure("STS GetCallerIdentity failed: SignatureDoesNotMatch (HTTP 403)",
          FailureType.NOT_AUTHENTICATED.type());
    }
    return new CallerIdentity(arn, arn.split(":")[4]);
  }

  /** A proof by {@code accessKeyId} of {@code digest}, signed at {@code at}, for {@code host}. */
  public static String proof(String accessKeyId, String digest, Instant at, String host) {
    String date = AMZ_DATE.format(at);
    return new ApprovalProof("POST", Map.of(
        "Authorization", "AWS4-HMAC-SHA256 Credential=" + accessKeyId + "/" + date.substring(0, 8)
            + "/us-east-1/sts/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-avesa-approval-digest, "
            + "Signature=" + String.format("%064x", SIGNATURES.incrementAndGet()),
        "X-Amz-Date", date,
        "Host", host,
        "Content-Type", ApprovalProof.CONTENT_TYPE,
        ApprovalProof.DIGEST_HEADER, digest), ApprovalProof.BODY).encode();
  }
}
