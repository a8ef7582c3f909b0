package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.RunSearchAttributes;
import com.avesa.cutover.workflows.SearchAttributesOnServer;
import com.avesa.cutover.workflows.gate.Approval;
import com.avesa.cutover.workflows.run.RunKind;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A cutover started with its config and kind as search attributes, on a test server that has the
 * attributes, upserts its phase, pending gate and outcome as it moves; one started without them
 * (an older starter, a server without them) upserts nothing and records no version marker.
 */
@Timeout(90)
class CutoverSearchAttributesTest {
  @RegisterExtension
  final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(CutoverWorkflowImpl.class, ScriptedMigration.class)
      .setDoNotStart(true)
      .build();

  @Test
  void aRunStartedWithTheAttributesShowsItsPendingGateThenItsOutcome(TestWorkflowEnvironment env, Worker worker) {
    SearchAttributesOnServer.register(env);
    CutoverWorkflow workflow = CutoverScenarios.startAtGate(env, worker, new CutoverFixtures(), "sa-cutover", true);

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      SearchAttributes atGate = searchAttributes(workflow);
      assertThat(atGate.get(RunSearchAttributes.CONFIG)).isEqualTo("avesa-test");
      assertThat(atGate.get(RunSearchAttributes.KIND)).isEqualTo(RunKind.CUTOVER.word());
      assertThat(atGate.get(RunSearchAttributes.PENDING_GATE)).isEqualTo(Gates.CUTOVER);
      assertThat(atGate.get(RunSearchAttributes.OUTCOME)).isEqualTo("RUNNING");
      assertThat(atGate.get(RunSearchAttributes.PHASE)).isEqualTo(workflow.progress().phase());
    });
    workflow.approveGate(new Approval(Gates.CUTOVER, "alice", "CAB-1", "now"));
    assertThat(WorkflowStub.fromTyped(workflow).getResult(CutoverReport.class).outcome()).isEqualTo(Outcome.CUT_OVER);

    SearchAttributes ended = searchAttributes(workflow);
    assertThat(ended.get(RunSearchAttributes.OUTCOME)).isEqualTo("CUT_OVER");
    assertThat(ended.get(RunSearchAttributes.PHASE)).isEqualTo("DONE");
    assertThat(ended.containsKey(RunSearchAttributes.PENDING_GATE)).isFalse();
    assertThat(events(env, "sa-cutover", EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES)).hasSizeGreaterThan(2);
    assertThat(markerDetails(env, "sa-cutover")).anySatisfy(details -> assertThat(details).contains(RunSearchAttributes.CHANGE_ID));
  }

  @Test
  void aRunStartedWithoutTheAttributesUpsertsNothingAndRecordsNoMarker(TestWorkflowEnvironment env, Worker worker) {
    CutoverWorkflow workflow = CutoverScenarios.startAtGate(env, worker, new CutoverFixtures(), "plain-cutover");
    workflow.approveGate(new Approval(Gates.CUTOVER, "alice", "CAB-1", "now"));

    assertThat(WorkflowStub.fromTyped(workflow).getResult(CutoverReport.class).outcome()).isEqualTo(Outcome.CUT_OVER);
    assertThat(events(env, "plain-cutover", EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES)).isEmpty();
    assertThat(markerDetails(env, "plain-cutover")).isNotEmpty()
        .noneMatch(details -> details.contains(RunSearchAttributes.CHANGE_ID));
  }

  private static SearchAttributes searchAttributes(CutoverWorkflow workflow) {
    return WorkflowStub.fromTyped(workflow).describe().getTypedSearchAttributes();
  }

  /** Every marker's details, decoded: a version marker's hold its change id. */
  private static List<String> markerDetails(TestWorkflowEnvironment env, String id) {
    return events(env, id, EventType.EVENT_TYPE_MARKER_RECORDED).stream()
        .map(event -> event.getMarkerRecordedEventAttributes().getDetailsMap().values().stream()
            .flatMap(payloads -> payloads.getPayloadsList().stream())
            .map(payload -> payload.getData().toStringUtf8())
            .collect(Collectors.joining(" ")))
        .toList();
  }

  private static List<HistoryEvent> events(TestWorkflowEnvironment env, String id, EventType type) {
    return env.getWorkflowClient().fetchHistory(id).getEvents().stream()
        .filter(event -> event.getEventType() == type).toList();
  }
}
