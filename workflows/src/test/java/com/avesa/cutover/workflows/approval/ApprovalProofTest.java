package com.avesa.cutover.workflows.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.avesa.cutover.workflows.gate.ApprovalRules;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApprovalProofTest {

  @Test
  void theDigestBindsEveryFieldOfTheDecision() {
    String digest = ApprovalProof.digest("run", "cutover", "approve", "CAB-1", "now");

    assertThat(digest).hasSize(64).isEqualTo(ApprovalProof.digest("run", "cutover", "approve", "CAB-1", "now"));
    assertThat(List.of(ApprovalProof.digest("run2", "cutover", "approve", "CAB-1", "now"),
        ApprovalProof.digest("run", "signOff", "approve", "CAB-1", "now"),
        ApprovalProof.digest("run", "cutover", "reject", "CAB-1", "now"),
        ApprovalProof.digest("run", "cutover", "approve", "CAB-2", "now"),
        ApprovalProof.digest("run", "cutover", "approve", "CAB-1", "2026-12-01T02:00:00Z"),
        // no delimiter trick: fields are JSON array elements
        ApprovalProof.digest("run\",\"cutover", "", "approve", "CAB-1", "now")))
        .doesNotContain(digest).doesNotHaveDuplicates();
  }

  @Test
  void aTokenRoundTripsAndGarbageIsOneLine() {
    String token = FakeSts.proof("AKIDALICE", "d", Instant.parse("2026-12-02T03:00:00Z"), "sts.us-east-1.amazonaws.com");
    ApprovalProof proof = ApprovalProof.decode(token);

    assertThat(proof.header("x-amz-date")).isEqualTo("20261202T030000Z");
    assertThat(proof.signedAt()).isEqualTo(Instant.parse("2026-12-02T03:00:00Z"));
    assertThat(proof.refuseShape()).isNull();
    assertThatThrownBy(() -> ApprovalProof.decode("not-a-token!"))
        .hasMessage("the proof is not a base64url JSON {method, headers, body} as avesa approval-token prints it");
  }

  @Test
  void aProofThatDoesNotSignTheDigestIsRefused() {
    ApprovalProof proof = new ApprovalProof("POST", Map.of(
        "Authorization", "AWS4-HMAC-SHA256 Credential=A/20261202/us-east-1/sts/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=00",
        "Host", "h", "X-Amz-Date", "20261202T030000Z", ApprovalProof.DIGEST_HEADER, "d"), ApprovalProof.BODY);

    assertThat(proof.refuseShape()).isEqualTo("the proof does not sign the header x-avesa-approval-digest");
    assertThat(new ApprovalProof("GET", proof.headers(), ApprovalProof.BODY).refuseShape())
        .isEqualTo("the proof is not an STS GetCallerIdentity POST");
  }

  @Test
  void theStsUrlIsTheConfigsEndpointElseTheRegionalOne() {
    assertThat(ApprovalProof.stsUrl(null, "eu-west-1")).isEqualTo("https://sts.eu-west-1.amazonaws.com/");
    assertThat(ApprovalProof.stsUrl("http://127.0.0.1:5000", "us-east-1")).isEqualTo("http://127.0.0.1:5000/");
  }

  @Test
  void approverPatternsMatchWithinOnePathSegment() {
    List<String> approvers = List.of("arn:aws:sts::111122223333:assumed-role/CabApprover/*",
        "arn:aws:iam::111122223333:user/alice");

    assertThat(ApprovalRules.listed(approvers, "arn:aws:sts::111122223333:assumed-role/CabApprover/alice")).isTrue();
    assertThat(ApprovalRules.listed(approvers, "arn:aws:iam::111122223333:user/alice")).isTrue();
    assertThat(ApprovalRules.listed(approvers, "arn:aws:iam::111122223333:user/alice2")).isFalse();
    assertThat(ApprovalRules.listed(approvers, "arn:aws:sts::111122223333:assumed-role/CabApproverX/alice")).isFalse();
    assertThat(ApprovalRules.listed(approvers, "arn:aws:sts::111122223333:assumed-role/CabApprover/a/b")).isFalse();
    assertThat(ApprovalRules.listed(approvers, "arn:aws:sts::999999999999:assumed-role/CabApprover/alice")).isFalse();
  }
}
