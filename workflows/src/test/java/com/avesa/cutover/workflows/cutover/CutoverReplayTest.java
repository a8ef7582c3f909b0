package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.RecordedHistories;
import com.avesa.cutover.workflows.gate.Approval;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;

/**
 * Determinism: the cutover must replay the histories it produces — an approved cutover with its
 * gate, updates, timers and child runs — including the one recorded when this version shipped
 * (src/test/resources/histories), and the one recorded before the run held the periodic final sync
 * (its version branch, {@code hold-scheduled-sync}). Every history is also replayed by HistoryCorpusTest.
 */
@Timeout(90)
class CutoverReplayTest {
  private static final String RECORDED = "/histories/cutover-rolled-back.json";
  private static final String BEFORE_HOLD = "/histories/2026-11-28/cutover-rolled-back-before-hold.json";

  @RegisterExtension
  final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(CutoverWorkflowImpl.class, ScriptedMigration.class)
      .setDoNotStart(true)
      .build();

  @Test
  void replaysTheHistoryOfACutoverThatRolledBack(TestWorkflowEnvironment env, Worker worker) throws Exception {
    CutoverFixtures fx = new CutoverFixtures();
    doReturn(new AlarmCheck(1, List.of("LambdaErrorAlarm-x: Threshold Crossed"))).when(fx.cutover).checkAlarms(any());
    CutoverWorkflow workflow = CutoverScenarios.startAtGate(env, worker, fx, "replay-cutover");
    workflow.approve(new Approval(Gates.CUTOVER, "carol", "mine", null));
    workflow.approveGate(new Approval(Gates.CUTOVER, "alice", "CAB-1", "now"));
    CutoverReport report = WorkflowStub.fromTyped(workflow).getResult(CutoverReport.class);
    assertThat(report.outcome()).isEqualTo(Outcome.ROLLED_BACK);

    WorkflowExecutionHistory history = env.getWorkflowClient().fetchHistory("replay-cutover");
    assertThat(history.getEvents()).hasSizeGreaterThan(30);
    WorkflowReplayer.replayWorkflowExecution(history, CutoverWorkflowImpl.class);

    RecordedHistories.recordIfAsked(history);
  }

  @Test
  void replaysTheRecordedHistory() throws Exception {
    RecordedHistories.replay(RECORDED, "replay-cutover", CutoverWorkflowImpl.class);
  }

  @Test
  void replaysTheCutoverRecordedBeforeTheScheduledSyncWasHeld() throws Exception {
    // Started 2026-11-28T00:36:28Z, before holdScheduledSync shipped: no marker, no hold.
    RecordedHistories.replay(BEFORE_HOLD, "replay-cutover", CutoverWorkflowImpl.class);
  }

  @Test
  void aNewRunMarksTheHoldScheduledSyncVersionAndHoldsTheSync(TestWorkflowEnvironment env, Worker worker)
      throws Exception {
    CutoverFixtures fx = new CutoverFixtures();
    CutoverWorkflow workflow = CutoverScenarios.startAtGate(env, worker, fx, "versioned-cutover");
    workflow.approveGate(new Approval(Gates.CUTOVER, "alice", "CAB-1", "now"));
    assertThat(WorkflowStub.fromTyped(workflow).getResult(CutoverReport.class).outcome()).isEqualTo(Outcome.CUT_OVER);

    WorkflowExecutionHistory history = env.getWorkflowClient().fetchHistory("versioned-cutover");
    List<String> versions = history.getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED)
        .map(e -> e.getMarkerRecordedEventAttributes().getDetailsMap())
        .filter(details -> details.containsKey("changeId"))
        .map(details -> DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(0, Optional.of(details.get("changeId")),
            String.class, String.class) + " " + DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(0,
            Optional.of(details.get("version")), Integer.class, Integer.class))
        .toList();
    assertThat(versions).contains(CutoverWorkflowImpl.HOLD_SCHEDULED_SYNC + " 1");
    assertThat(fx.journal).containsSubsequence("describe sync avesa-test-final-sync", "hold sync", "describe SOURCE");
    WorkflowReplayer.replayWorkflowExecution(history, CutoverWorkflowImpl.class);
  }

}
