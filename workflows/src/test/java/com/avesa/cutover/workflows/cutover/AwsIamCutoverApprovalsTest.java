package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.approval.ApprovalProof;
import com.avesa.cutover.workflows.approval.FakeSts;
import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.gate.Approval;
import com.avesa.cutover.workflows.gate.ApprovalAuthority;
import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A cutover under {@code approvals.identity: aws-iam}, with STS played by {@link FakeSts}: every
 * forged approval is refused with one line, a pasted token works, and the ARN is what counts.
 */
@Timeout(90)
class AwsIamCutoverApprovalsTest {
  private static final String ID = "cutover-test";
  private static final String HOST = "127.0.0.1:5000";
  private static final String CAROL = "arn:aws:iam::111122223333:user/carol";
  private static final String ALICE = "arn:aws:sts::111122223333:assumed-role/CabApprover/alice";
  private static final String BOB = "arn:aws:iam::111122223333:user/bob";

  @RegisterExtension
  final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(CutoverWorkflowImpl.class, ScriptedMigration.class)
      .setDoNotStart(true)
      .build();

  private final FakeSts sts = new FakeSts().person("AKIDCAROL", CAROL).person("AKIDALICE", ALICE).person("AKIDBOB", BOB);
  private final CutoverFixtures fx = new CutoverFixtures();
  private TestWorkflowEnvironment env;

  private static MigrationConfig config(int required) {
    return CutoverFixtures.config(new ApprovalsConfig(List.of("arn:aws:sts::111122223333:assumed-role/CabApprover/*",
        BOB, CAROL), required, true, false, Duration.ofDays(1), ApprovalsConfig.AWS_IAM));
  }

  private CutoverWorkflow start(TestWorkflowEnvironment env, Worker worker, MigrationConfig config, String startProof) {
    this.env = env;
    worker.registerActivitiesImplementations(fx.activities());
    worker.registerActivitiesImplementations(sts);
    env.start();
    CutoverWorkflow workflow = env.getWorkflowClient().newWorkflowStub(CutoverWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).setWorkflowId(ID).build());
    WorkflowClient.start(workflow::cutover, new CutoverInput(config, "carol", startProof));
    return workflow;
  }

  private CutoverWorkflow startedByCarol(TestWorkflowEnvironment env, Worker worker, int required) {
    CutoverWorkflow workflow = start(env, worker, config(required),
        FakeSts.proof("AKIDCAROL", ApprovalProof.startDigest(ID, "avesa-test"), now(), HOST));
    await().atMost(Duration.ofSeconds(20)).until(() -> {
      CutoverReport p = workflow.progress();
      return p != null && Gates.CUTOVER.equals(p.pendingGate());
    });
    return workflow;
  }

  private Instant now() {
    return Instant.ofEpochMilli(env == null ? System.currentTimeMillis() : env.currentTimeMillis());
  }

  private Approval signed(String key, String typedName, String gate, String kind, Instant at) {
    String digest = ApprovalProof.digest(ID, gate, kind, "CAB-123", "now");
    return new Approval(gate, typedName, "CAB-123", "now", FakeSts.proof(key, digest, at, HOST));
  }

  private Approval approvalBy(String key, String typedName) {
    return signed(key, typedName, Gates.CUTOVER, ApprovalProof.APPROVE, now());
  }

  private static void assertRefused(Runnable call, String reason) {
    assertThatThrownBy(call::run).isInstanceOf(WorkflowUpdateException.class)
        .rootCause().hasMessageContaining(reason);
  }

  @Test
  void anApprovalSignedByAnotherPersonRecordsTheirArnAndOpensTheGate(TestWorkflowEnvironment env, Worker worker)
      throws Exception {
    CutoverWorkflow workflow = startedByCarol(env, worker, 1);

    ApprovalRecord accepted = workflow.approveGate(approvalBy("AKIDALICE", "whatever-i-type"));

    assertThat(accepted.approver()).isEqualTo(ALICE);
    assertThat(accepted.identity()).isEqualTo(ApprovalsConfig.AWS_IAM);
    CutoverReport report = WorkflowStub.fromTyped(workflow).getResult(CutoverReport.class);
    assertThat(report.outcome()).isEqualTo(Outcome.CUT_OVER);
    assertThat(report.requestedBy()).isEqualTo(CAROL);
    assertThat(report.approvals()).extracting(ApprovalRecord::approver).containsExactly(ALICE);
    assertThat(sts.replayedTo).containsOnly("http://" + HOST + "/");
    WorkflowExecutionHistory history = env.getWorkflowClient().fetchHistory(ID);
    assertThat(history.getEvents().stream().filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
        .filter(e -> "identifyCaller".equals(e.getActivityTaskScheduledEventAttributes().getActivityType().getName())))
        .as("the start, then the approval").hasSize(2);
    assertThat(history.getEvents().stream().filter(HistoryEvent::hasMarkerRecordedEventAttributes)
        .map(e -> e.getMarkerRecordedEventAttributes().getDetailsMap().toString()))
        .anyMatch(details -> details.contains(ApprovalAuthority.CHANGE_ID));
    WorkflowReplayer.replayWorkflowExecution(history, CutoverWorkflowImpl.class);
  }

  @Test
  void anApprovalPastedAsTheTokenJsonWorks(TestWorkflowEnvironment env, Worker worker) throws Exception {
    CutoverWorkflow workflow = startedByCarol(env, worker, 1);
    String pasted = new ObjectMapper().writeValueAsString(approvalBy("AKIDBOB", "bob"));

    ApprovalRecord accepted = WorkflowStub.fromTyped(workflow)
        .update("approveGate", ApprovalRecord.class, new ObjectMapper().readTree(pasted));

    assertThat(accepted.decision()).isEqualTo(ApprovalRecord.Decision.APPROVED);
    assertThat(accepted.approver()).isEqualTo(BOB);
  }

  @Test
  void aDeclaredIdentityWithoutProofIsRefused(TestWorkflowEnvironment env, Worker worker) {
    CutoverWorkflow workflow = startedByCarol(env, worker, 1);

    assertRefused(() -> workflow.approveGate(new Approval(Gates.CUTOVER, BOB, "CAB-123", "now")),
        "approvals.identity is aws-iam: this decision carries no proof of who made it");
    assertThat(workflow.progress().approvalsNeeded()).isEqualTo(1);
  }

  @Test
  void aProofOfAnotherGateIsRefused(TestWorkflowEnvironment env, Worker worker) {
    CutoverWorkflow workflow = startedByCarol(env, worker, 1);
    Approval signOffProof = signed("AKIDALICE", "alice", Gates.SIGN_OFF, ApprovalProof.APPROVE, now());
    Approval replanted = new Approval(Gates.CUTOVER, "alice", "CAB-123", "now", signOffProof.proof());

    assertRefused(() -> workflow.approveGate(replanted),
        "the proof was signed for another decision: its digest does not match approve of gate cutover of run cutover-test");
  }

  @Test
  void aRejectionProofCannotApprove(TestWorkflowEnvironment env, Worker worker) {
    CutoverWorkflow workflow = startedByCarol(env, worker, 1);
    Approval rejection = signed("AKIDALICE", "alice", Gates.CUTOVER, ApprovalProof.REJECT, now());

    assertRefused(() -> workflow.approveGate(rejection), "the proof was signed for another decision");
  }

  @Test
  void aReusedProofIsRefused(TestWorkflowEnvironment env, Worker worker) {
    CutoverWorkflow workflow = startedByCarol(env, worker, 2);
    Approval alice = approvalBy("AKIDALICE", "alice");
    workflow.approveGate(alice);

    assertRefused(() -> workflow.approveGate(alice), "this proof was already used; sign a new one for each decision");
    assertThat(workflow.progress().approvalsNeeded()).isEqualTo(1);
  }

  @Test
  void anExpiredProofIsRefused(TestWorkflowEnvironment env, Worker worker) {
    CutoverWorkflow workflow = startedByCarol(env, worker, 1);
    Approval old = signed("AKIDALICE", "alice", Gates.CUTOVER, ApprovalProof.APPROVE, now().minus(Duration.ofMinutes(16)));

    assertRefused(() -> workflow.approveGate(old), "the proof expired: signed at");
  }

  @Test
  void theRequesterApprovingUnderAnotherTypedNameIsRefusedByArn(TestWorkflowEnvironment env, Worker worker)
      throws Exception {
    CutoverWorkflow workflow = startedByCarol(env, worker, 1);

    assertRefused(() -> workflow.approveGate(approvalBy("AKIDCAROL", "alice")),
        "four eyes: " + CAROL + " started this run and cannot approve it");
    WorkflowReplayer.replayWorkflowExecution(env.getWorkflowClient().fetchHistory(ID), CutoverWorkflowImpl.class);
    CutoverReport progress = workflow.progress();
    assertThat(progress.approvalsNeeded()).isEqualTo(1);
    assertThat(progress.approvals()).singleElement().satisfies(a -> {
      assertThat(a.decision()).isEqualTo(ApprovalRecord.Decision.REFUSED);
      assertThat(a.approver()).isEqualTo(CAROL);
    });
  }

  @Test
  void aProofStsRefusesIsRefusedAndKept(TestWorkflowEnvironment env, Worker worker) {
    CutoverWorkflow workflow = startedByCarol(env, worker, 1);

    assertRefused(() -> workflow.approveGate(approvalBy("AKIDFORGED", "bob")),
        "STS did not confirm who signed the proof: STS GetCallerIdentity failed: SignatureDoesNotMatch (HTTP 403)");
    assertThat(workflow.progress().approvals()).singleElement()
        .satisfies(a -> assertThat(a.decision()).isEqualTo(ApprovalRecord.Decision.REFUSED));
  }

  @Test
  void aSignalIsKeptAsRefusedNamingTheUpdateToUse(TestWorkflowEnvironment env, Worker worker) {
    CutoverWorkflow workflow = startedByCarol(env, worker, 1);

    workflow.approve(approvalBy("AKIDBOB", "bob"));

    await().atMost(Duration.ofSeconds(10)).until(() -> !workflow.progress().approvals().isEmpty());
    assertThat(workflow.progress().approvals()).singleElement().satisfies(a -> {
      assertThat(a.decision()).isEqualTo(ApprovalRecord.Decision.REFUSED);
      assertThat(a.note()).isEqualTo(ApprovalAuthority.SIGNAL_REFUSED);
    });
    assertThat(workflow.progress().pendingGate()).isEqualTo(Gates.CUTOVER);
  }

  @Test
  void aStartWithoutProofEndsThePreflightWithNothingChanged(TestWorkflowEnvironment env, Worker worker) {
    CutoverWorkflow workflow = start(env, worker, config(1), null);

    CutoverReport report = WorkflowStub.fromTyped(workflow).getResult(CutoverReport.class);

    assertThat(report.outcome()).isEqualTo(Outcome.PREFLIGHT_FAILED);
    assertThat(report.reason()).isEqualTo("the start of this run is not authenticated: " + ApprovalAuthority.NO_PROOF
        + "; nothing was changed");
    assertThat(fx.journal).isEmpty();
  }

  @Test
  void aFloodOfRefusedSignalsKeepsFiftyAndSaysHowManyMore(TestWorkflowEnvironment env, Worker worker) {
    CutoverWorkflow workflow = startedByCarol(env, worker, 1);

    for (int i = 0; i < 60; i++) {
      workflow.approve(new Approval(Gates.CUTOVER, "mallory-" + "x".repeat(300), "r".repeat(2_000), "now"));
    }

    await().atMost(Duration.ofSeconds(20)).until(() -> workflow.progress().approvals().size() == 51);
    List<ApprovalRecord> kept = workflow.progress().approvals();
    assertThat(kept.get(0).approver()).endsWith("…[cut 52 chars]").hasSize(256 + "…[cut 52 chars]".length());
    assertThat(kept.get(0).reason()).endsWith("…[cut 1000 chars]");
    assertThat(kept.get(50).note()).isEqualTo("10 more refused decision(s) not kept: 60 refused in all, the first 50 are listed");
    assertThat(workflow.approveGate(approvalBy("AKIDALICE", "alice")).decision()).isEqualTo(ApprovalRecord.Decision.APPROVED);
  }
}
