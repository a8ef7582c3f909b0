package com.avesa.cutover.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The histories recorded when a workflow version shipped (src/test/resources/histories), replayed
 * by the replay tests. Recorded files are never re-recorded (histories/MANIFEST pins each one's
 * SHA-256); a release's histories are added by GoldenHistories (README, "Changing workflow code").
 */
public final class RecordedHistories {
  private RecordedHistories() {}

  /**
   * Replays the recorded history {@code resource} on {@code implementation}, as the run
   * {@code workflowId} it was recorded under (ids derived from it, such as child ids, must match).
   */
  public static void replay(String resource, String workflowId, Class<?> implementation) throws Exception {
    String json;
    try (InputStream in = RecordedHistories.class.getResourceAsStream(resource)) {
      assertThat(in).as("recorded history " + resource).isNotNull();
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    WorkflowReplayer.replayWorkflowExecution(WorkflowExecutionHistory.fromJson(json, workflowId), implementation);
  }

  /**
   * Writes {@code history} to the path {@code -Davesa.recordHistory} names, when it is set: to inspect
   * a run, never into the corpus.
   */
  public static void recordIfAsked(WorkflowExecutionHistory history) throws IOException {
    String record = System.getProperty("avesa.recordHistory");
    if (record != null) {
      Files.writeString(Path.of(record), history.toJson(true));
    }
  }
}
