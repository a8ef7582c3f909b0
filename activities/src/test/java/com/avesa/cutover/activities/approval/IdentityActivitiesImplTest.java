package com.avesa.cutover.activities.approval;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.workflows.approval.ApprovalProof;
import com.avesa.cutover.workflows.approval.CallerIdentity;
import com.avesa.cutover.workflows.approval.CallerProof;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * The STS replay of a proof: the happy paths against moto's STS (which answers the caller's ARN
 * but checks no signature), the refusals against a WireMock stub answering as real STS does.
 */
class IdentityActivitiesImplTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();

  private static final String DIGEST = ApprovalProof.digest("run-1", "cutover", "approve", "CAB-1", "now");
  private final IdentityActivitiesImpl activities = new IdentityActivitiesImpl();
  private WireMockServer sts;

  @BeforeEach
  void startStub() {
    sts = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    sts.start();
  }

  @AfterEach
  void stopStub() {
    sts.stop();
  }

  private static String proof(software.amazon.awssdk.auth.credentials.AwsCredentials who, String url) {
    return ProofSigner.sign(who, url, MotoExtension.REGION, DIGEST, Clock.systemUTC()).encode();
  }

  @Test
  void aProofSignedByAnIamUserAnswersThatUsersArn() {
    String url = ApprovalProof.stsUrl(MOTO.endpoint(), MotoExtension.REGION);
    String proof = proof(new MotoIdentities(MOTO.endpoint()).user("alice"), url);

    CallerIdentity caller = activities.identifyCaller(new CallerProof(url, proof));

    assertThat(caller.arn()).isEqualTo("arn:aws:iam::" + MotoIdentities.ACCOUNT + ":user/alice");
    assertThat(caller.account()).isEqualTo(MotoIdentities.ACCOUNT);
  }

  @Test
  void aProofSignedByAnAssumedRoleSessionAnswersTheSessionArn() {
    String url = ApprovalProof.stsUrl(MOTO.endpoint(), MotoExtension.REGION);
    String proof = proof(new MotoIdentities(MOTO.endpoint()).assumedRole("CabApprover", "alice"), url);

    CallerIdentity caller = activities.identifyCaller(new CallerProof(url, proof));

    assertThat(caller.arn()).isEqualTo("arn:aws:sts::" + MotoIdentities.ACCOUNT + ":assumed-role/CabApprover/alice");
  }

  @Test
  void theSignedHeadersIncludeTheDigestAndTheHost() {
    ApprovalProof proof = ProofSigner.sign(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"),
        "https://sts.eu-west-1.amazonaws.com/", "eu-west-1", DIGEST, Clock.systemUTC());

    assertThat(proof.refuseShape()).isNull();
    assertThat(proof.signedHeaders()).contains("host", "x-amz-date", "x-avesa-approval-digest");
    assertThat(proof.header("Host")).isEqualTo("sts.eu-west-1.amazonaws.com");
    assertThat(proof.header(ApprovalProof.DIGEST_HEADER)).isEqualTo(DIGEST);
    assertThat(ApprovalProof.decode(proof.encode())).isEqualTo(proof);
  }

  @Test
  void aBadSignatureIsRefusedWithStsErrorCodeAndNotRetried() {
    String url = sts.baseUrl() + "/";
    sts.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(403).withHeader("Content-Type", "text/xml")
        .withBody(stsError("SignatureDoesNotMatch", "The request signature we calculated does not match"))));
    String proof = proof(AwsBasicCredentials.create("AKIDFORGED", "wrong-secret"), url);

    assertThatThrownBy(() -> activities.identifyCaller(new CallerProof(url, proof)))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getType()).isEqualTo("NOT_AUTHENTICATED");
          assertThat(f.getOriginalMessage()).isEqualTo("STS GetCallerIdentity failed: SignatureDoesNotMatch (HTTP 403)");
        });
    sts.verify(postRequestedFor(urlEqualTo("/"))
        .withHeader("X-Avesa-Approval-Digest", containing(DIGEST))
        .withHeader("Authorization", containing("AWS4-HMAC-SHA256"))
        .withRequestBody(containing("Action=GetCallerIdentity")));
  }

  @Test
  void anExpiredTokenIsRefused() {
    String url = sts.baseUrl() + "/";
    sts.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(403)
        .withBody(stsError("ExpiredToken", "The security token included in the request is expired"))));
    String proof = proof(AwsBasicCredentials.create("ASIAEXPIRED", "secret"), url);

    assertThatThrownBy(() -> activities.identifyCaller(new CallerProof(url, proof)))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getOriginalMessage()).isEqualTo("STS GetCallerIdentity failed: ExpiredToken (HTTP 403)");
        });
  }

  @Test
  void aProofSignedForAnotherHostIsRefusedWithoutSendingIt() {
    String proof = proof(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"), "https://attacker.example/");
    String url = sts.baseUrl() + "/";

    assertThatThrownBy(() -> activities.identifyCaller(new CallerProof(url, proof)))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getOriginalMessage()).startsWith("the proof was signed for host attacker.example, but this run "
              + "verifies proofs at localhost:" + sts.port());
        });
    sts.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aServerErrorIsRetryable() {
    String url = sts.baseUrl() + "/";
    sts.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(503).withBody(stsError("ServiceUnavailable", "x"))));
    String proof = proof(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"), url);

    assertThatThrownBy(() -> activities.identifyCaller(new CallerProof(url, proof)))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> assertThat(f.isNonRetryable()).isFalse());
  }

  static String stsError(String code, String message) {
    return "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type><Code>" + code
        + "</Code><Message>" + message + "</Message></Error><RequestId>r-1</RequestId></ErrorResponse>";
  }
}
