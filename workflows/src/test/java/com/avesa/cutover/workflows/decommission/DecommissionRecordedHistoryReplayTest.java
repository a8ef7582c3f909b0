package com.avesa.cutover.workflows.decommission;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.EventType;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decommissions recorded by the code before continue-as-new (commit 614847a, one workflow
 * argument, no version marker) replay against today's code: waiting in retention, at the gate
 * with a refused early signal, and done after an approving update.
 */
class DecommissionRecordedHistoryReplayTest {

  @ParameterizedTest
  @ValueSource(strings = {"decommission-waiting-in-retention", "decommission-at-its-gate", "decommission-done"})
  void aHistoryRecordedBeforeContinueAsNewReplaysOnTheOldBranch(String name) throws Exception {
    WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(read("/decom-base/" + name + ".json"));

    assertThat(history.getEvents()).noneMatch(e -> e.getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED);
    assertThat(history.getEvents()).anyMatch(e -> e.getEventType() == EventType.EVENT_TYPE_TIMER_STARTED);
    WorkflowReplayer.replayWorkflowExecution(history, DecommissionWorkflowImpl.class);
  }

  private static String read(String resource) throws IOException {
    try (InputStream in = DecommissionRecordedHistoryReplayTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
