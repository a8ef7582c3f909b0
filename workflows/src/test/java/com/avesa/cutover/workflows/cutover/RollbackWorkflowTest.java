package com.avesa.cutover.workflows.cutover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.run.CutoverStep;
import com.avesa.cutover.workflows.run.RunKind;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(60)
class RollbackWorkflowTest {
  private static final Instant T = Instant.parse("2026-12-01T02:00:00Z");

  @RegisterExtension
  final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(RollbackWorkflowImpl.class, ScriptedMigration.class)
      .setDoNotStart(true)
      .build();

  private final CutoverFixtures fx = new CutoverFixtures();

  private CutoverReport rollBack(TestWorkflowEnvironment env, Worker worker, CutoverReport cutover) {
    worker.registerActivitiesImplementations(fx.activities());
    env.start();
    RollbackWorkflow workflow = env.getWorkflowClient().newWorkflowStub(RollbackWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).setWorkflowId("cutover-test-rollback").build());
    return workflow.rollBack(new RollbackInput(cutover, "bob", "ingestion lag in the new account"));
  }

  static CutoverReport finishedCutover(Outcome outcome, List<CompensationRecord> compensations) {
    CutoverChanges changes = new CutoverChanges(CutoverFixtures.SOURCE_RULES, List.of("ConnectWiseIngestionSchedule"),
        Side.SOURCE, "Z123", CutoverFixtures.SHARED_DNS,
        DnsRecordSet.simple("api.example.com", "CNAME", 60, "api-prod.example.com"), T);
    return new CutoverReport("cutover-test", RunKind.CUTOVER, "avesa-test", outcome, "DONE", outcome.name(), "carol",
        null, 0, T, T.plusSeconds(4 * 3600), null, List.of(), List.of(), compensations, List.of(), changes,
        "cutover-test-final-sync", null, CutoverFixtures.config(ApprovalsConfig.defaults()));
  }

  static CompensationRecord compensation(String name, String undoes, CompensationRecord.Status status) {
    return new CompensationRecord(name, CutoverStep.of(undoes).orElseThrow(), status, T, null);
  }

  @Test
  void undoesAFinishedCutoverLastChangeFirst(TestWorkflowEnvironment env, Worker worker) {
    CutoverReport cutover = finishedCutover(Outcome.CUT_OVER, List.of(
        compensation("enableSourceIngestion", "disableSourceIngestion", CompensationRecord.Status.REGISTERED),
        compensation("reverseSync", "switchDns", CompensationRecord.Status.REGISTERED),
        compensation("restoreDns", "switchDns", CompensationRecord.Status.REGISTERED),
        compensation("disableTargetIngestion", "enableTargetIngestion", CompensationRecord.Status.REGISTERED)));

    CutoverReport report = rollBack(env, worker, cutover);

    assertThat(report.kind()).isEqualTo(RunKind.ROLLBACK);
    assertThat(report.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(report.reason()).isEqualTo(
        "rollback of cutover-test requested by bob: ingestion lag in the new account");
    // Only the target rule this cutover enabled is disabled again; the DNS record comes back with its TTL.
    assertThat(fx.journal).containsExactly(
        "disable TARGET [ConnectWiseIngestionSchedule]",
        "dns SOURCE [api-shared.example.com] ttl 60",
        "sync REVERSE",
        "enable SOURCE " + CutoverFixtures.SOURCE_RULES);
    assertThat(report.compensations()).extracting(CompensationRecord::status).containsOnly(CompensationRecord.Status.DONE);
    assertThat(report.reverseSyncId()).isEqualTo("cutover-test-rollback-reverse-sync");
  }

  @Test
  void finishesWhatAnIncompleteRollbackLeft(TestWorkflowEnvironment env, Worker worker) {
    CutoverReport cutover = finishedCutover(Outcome.ROLLBACK_INCOMPLETE, List.of(
        compensation("enableSourceIngestion", "disableSourceIngestion", CompensationRecord.Status.DONE),
        compensation("reverseSync", "switchDns", CompensationRecord.Status.DONE),
        compensation("restoreDns", "switchDns", CompensationRecord.Status.FAILED),
        compensation("disableTargetIngestion", "enableTargetIngestion", CompensationRecord.Status.DONE)));

    CutoverReport report = rollBack(env, worker, cutover);

    assertThat(report.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(fx.journal).containsExactly("dns SOURCE [api-shared.example.com] ttl 60");
    assertThat(report.compensations()).singleElement().extracting(CompensationRecord::name).isEqualTo("restoreDns");
  }

  @Test
  void aRollbackAfterTheWindowRetriesAFailingCompensationWithinAFreshBudget(TestWorkflowEnvironment env,
      Worker worker) {
    AtomicInteger attempts = new AtomicInteger();
    doAnswer(i -> {
      if (attempts.incrementAndGet() <= 20) {
        throw new IllegalStateException("Route53 PriorRequestNotComplete");
      }
      fx.journal.add("dns restored");
      return null;
    }).when(fx.cutover).writeDnsRecord(any());
    CutoverReport cutover = finishedCutover(Outcome.ROLLBACK_INCOMPLETE, List.of(
        compensation("restoreDns", "switchDns", CompensationRecord.Status.FAILED)));
    Instant started = Instant.ofEpochMilli(env.currentTimeMillis());

    CutoverReport report = rollBack(env, worker, cutover);

    // The cutover's window is long past; the rollback has its own 30 minutes. Backoff 1 s doubling
    // to a minute: 21 attempts over about 15 minutes.
    assertThat(attempts.get()).isEqualTo(21);
    assertThat(report.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(report.compensations()).singleElement().satisfies(c -> {
      assertThat(c.status()).isEqualTo(CompensationRecord.Status.DONE);
      assertThat(Duration.between(started, c.at())).isBetween(Duration.ofMinutes(15), Duration.ofMinutes(17));
    });
  }

  @Test
  void aReverseSyncThatFailsLeavesTheRollbackIncompleteAndSaysSo(TestWorkflowEnvironment env, Worker worker) {
    ScriptedMigration.reverseFails = true;
    CutoverReport cutover = finishedCutover(Outcome.CUT_OVER, List.of(
        compensation("enableSourceIngestion", "disableSourceIngestion", CompensationRecord.Status.REGISTERED),
        compensation("reverseSync", "switchDns", CompensationRecord.Status.REGISTERED)));

    CutoverReport report = rollBack(env, worker, cutover);

    assertThat(report.outcome()).isEqualTo(Outcome.ROLLBACK_INCOMPLETE);
    assertThat(report.remaining()).singleElement().asString().startsWith("reverseSync (undoes switchDns): ")
        .contains("verification failed");
    assertThat(fx.journal).containsExactly("sync REVERSE", "enable SOURCE " + CutoverFixtures.SOURCE_RULES);
  }
}
