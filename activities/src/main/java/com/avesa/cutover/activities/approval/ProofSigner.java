package com.avesa.cutover.activities.approval;

import com.avesa.cutover.workflows.approval.ApprovalProof;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Signs the STS GetCallerIdentity POST of a proof with the SDK's own SigV4 signer
 * ({@link AwsV4HttpSigner}), for the endpoint the run will replay it to, with
 * {@link ApprovalProof#DIGEST_HEADER} among the signed headers.
 */
public final class ProofSigner {
  private ProofSigner() {}

  /** The proof that {@code credentials} made the decision {@code digest} names, dated by {@code clock}. */
  public static ApprovalProof sign(AwsCredentialsIdentity credentials, String stsUrl, String region, String digest,
      Clock clock) {
    URI uri = URI.create(stsUrl);
    String host = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    SdkHttpRequest request = SdkHttpRequest.builder()
        .method(SdkHttpMethod.POST)
        .uri(uri)
        .putHeader("Host", host)
        .putHeader("Content-Type", ApprovalProof.CONTENT_TYPE)
        .putHeader(ApprovalProof.DIGEST_HEADER, digest)
        .build();
    SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
        .identity(credentials)
        .request(request)
        .payload(ContentStreamProvider.fromUtf8String(ApprovalProof.BODY))
        .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "sts")
        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock));
    Map<String, String> headers = new LinkedHashMap<>();
    signed.request().forEachHeader((name, values) -> headers.put(name, String.join(",", values)));
    return new ApprovalProof("POST", headers, ApprovalProof.BODY);
  }
}
