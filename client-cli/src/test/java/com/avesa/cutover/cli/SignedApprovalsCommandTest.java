package com.avesa.cutover.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.avesa.cutover.activities.approval.MotoIdentities;
import com.avesa.cutover.activities.approval.StsReplay;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.cli.CliHarness.Run;
import com.avesa.cutover.workflows.approval.ApprovalProof;
import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.common.converter.DefaultDataConverter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * The CLI under {@code approvals.identity: aws-iam}: it signs the start and every decision with the
 * caller's own credentials (profiles of IAM users in moto), and what it sends replays to moto's
 * STS as that user; missing or refused credentials stop it with one line and exit 2.
 */
class SignedApprovalsCommandTest {
  @RegisterExtension static final CliHarness TEMPORAL = new CliHarness();
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension(false);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static String savedCredentialsFile;

  @BeforeAll
  static void profiles(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    MotoIdentities people = new MotoIdentities(MOTO.endpoint());
    AwsCredentials carol = people.user("carol");
    AwsCredentials alice = people.user("alice");
    Path file = dir.resolve("credentials");
    Files.writeString(file, profile("carol", carol) + profile("alice", alice));
    savedCredentialsFile = System.getProperty("aws.sharedCredentialsFile");
    System.setProperty("aws.sharedCredentialsFile", file.toString());
  }

  @AfterAll
  static void restore() {
    if (savedCredentialsFile == null) {
      System.clearProperty("aws.sharedCredentialsFile");
    } else {
      System.setProperty("aws.sharedCredentialsFile", savedCredentialsFile);
    }
  }

  private static String profile(String name, AwsCredentials c) {
    return "[" + name + "]\naws_access_key_id = " + c.accessKeyId() + "\naws_secret_access_key = " + c.secretAccessKey()
        + "\n";
  }

  private static MigrationConfig awsIam(String name, String endpoint) {
    // Anyone may approve: the scripted run judges typed names; the ARNs are checked by replaying the proofs here.
    MigrationConfig c = CutoverConfigs.config(name, new ApprovalsConfig(List.of(), 1, true, false, null,
        ApprovalsConfig.AWS_IAM));
    return new MigrationConfig(c.name(), c.region(), endpoint, c.source(), c.target(), c.data(), c.cutover(),
        c.approvals(), c.runbook());
  }

  private static String callerOf(String token) throws Exception {
    return new StsReplay().identify(ApprovalProof.stsUrl(MOTO.endpoint(), MotoExtension.REGION),
        ApprovalProof.decode(token)).arn();
  }

  private static JsonNode firstArgument(io.temporal.api.common.v1.Payloads payloads) {
    return DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(0, Optional.of(payloads), JsonNode.class, JsonNode.class);
  }

  @Test
  void theStartAndTheApprovalCarryProofsThatStsAnswersWithTheCallersArns() throws Exception {
    Path config = TEMPORAL.cutoverConfig(awsIam("signed", MOTO.endpoint()));

    Run started = TEMPORAL.avesa("cutover", "-c", config.toString(), "--identity", "carol", "--profile", "carol");
    Run approved = TEMPORAL.avesa("approve", "signed-cutover", "--gate", "cutover", "--reason", "CAB-9",
        "--identity", "alice", "--profile", "alice");

    assertThat(started.exitCode()).as(started.err()).isZero();
    assertThat(approved.exitCode()).as(approved.err()).isZero();
    List<HistoryEvent> events = TEMPORAL.client().fetchHistory("signed-cutover").getEvents();
    JsonNode input = firstArgument(events.get(0).getWorkflowExecutionStartedEventAttributes().getInput());
    ApprovalProof startProof = ApprovalProof.decode(input.path("startProof").asText());
    assertThat(startProof.header(ApprovalProof.DIGEST_HEADER))
        .isEqualTo(ApprovalProof.startDigest("signed-cutover", "signed"));
    assertThat(callerOf(input.path("startProof").asText())).isEqualTo("arn:aws:iam::123456789012:user/carol");
    JsonNode approval = events.stream().filter(HistoryEvent::hasWorkflowExecutionUpdateAcceptedEventAttributes)
        .map(e -> firstArgument(e.getWorkflowExecutionUpdateAcceptedEventAttributes().getAcceptedRequest().getInput()
            .getArgs())).findFirst().orElseThrow();
    assertThat(ApprovalProof.decode(approval.path("proof").asText()).header(ApprovalProof.DIGEST_HEADER))
        .isEqualTo(ApprovalProof.digest("signed-cutover", "cutover", ApprovalProof.APPROVE, "CAB-9", null));
    assertThat(callerOf(approval.path("proof").asText())).isEqualTo("arn:aws:iam::123456789012:user/alice");
  }

  @Test
  void approvalTokenPrintsTheWholeApprovalToPaste() throws Exception {
    TEMPORAL.avesa("cutover", "-c", TEMPORAL.cutoverConfig(awsIam("pasted", MOTO.endpoint())).toString(),
        "--identity", "carol", "--profile", "carol");

    Run token = TEMPORAL.avesa("approval-token", "pasted-cutover", "--gate", "cutover", "--reason", "CAB-10",
        "--window-start", "now", "--identity", "alice", "--profile", "alice");

    assertThat(token.exitCode()).as(token.err()).isZero();
    JsonNode approval = JSON.readTree(token.out());
    assertThat(approval.path("gate").asText()).isEqualTo("cutover");
    assertThat(approval.path("reason").asText()).isEqualTo("CAB-10");
    assertThat(approval.path("windowStart").asText()).isEqualTo("now");
    assertThat(ApprovalProof.decode(approval.path("proof").asText()).header(ApprovalProof.DIGEST_HEADER))
        .isEqualTo(ApprovalProof.digest("pasted-cutover", "cutover", ApprovalProof.APPROVE, "CAB-10", "now"));
    assertThat(callerOf(approval.path("proof").asText())).isEqualTo("arn:aws:iam::123456789012:user/alice");
    assertThat(token.err()).isEqualTo("valid for 15 minutes, once; paste it into Send an Update → approveGate of run "
        + "pasted-cutover\n");
  }

  @Test
  void missingCredentialsStopTheStartWithOneLine() {
    Run run = TEMPORAL.avesa("cutover", "-c", TEMPORAL.cutoverConfig(awsIam("nocreds", MOTO.endpoint())).toString(),
        "--profile", "nobody");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).isEqualTo("avesa: no AWS credentials to sign with (AWS profile nobody; approvals.identity "
        + "is aws-iam, so every decision and start is signed): set AWS_PROFILE or --profile, or log in (aws sso login)\n");
    assertThatThrownBy(() -> TEMPORAL.client().newUntypedWorkflowStub("nocreds-cutover").describe())
        .isInstanceOf(WorkflowNotFoundException.class);
  }

  @Test
  void credentialsStsRefusesStopTheStartWithOneLine() {
    WireMockServer sts = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    sts.start();
    try {
      sts.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(403).withBody("<ErrorResponse><Error>"
          + "<Type>Sender</Type><Code>ExpiredToken</Code><Message>expired</Message></Error></ErrorResponse>")));
      Path config = TEMPORAL.cutoverConfig(awsIam("expired", sts.baseUrl()));

      Run run = TEMPORAL.avesa("cutover", "-c", config.toString(), "--profile", "carol");

      assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(run.err()).isEqualTo("avesa: STS refused AWS profile carol (ExpiredToken): refresh them "
          + "(aws sso login, new keys, --profile) and try again\n");
    } finally {
      sts.stop();
    }
  }
}
