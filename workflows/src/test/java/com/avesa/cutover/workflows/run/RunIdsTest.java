package com.avesa.cutover.workflows.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunIdsTest {
  @Test
  void childIdsAreTheOnesRecordedHistoriesStarted() throws Exception {
    assertThat(childIds("/histories/cutover-rolled-back.json")).containsExactly(
        RunIds.finalSyncChild("replay-cutover"), RunIds.reverseSyncChild("replay-cutover"));
    assertThat(childIds("/histories/2026-12-02/isolation-done.json")).contains(
        RunIds.phaseChild("isolation-done", "account-setup"), RunIds.phaseChild("isolation-done", "cutover"));
  }

  @Test
  void theCutoverRecognisesItsChildrenByTheirIds() {
    assertThat(RunIds.isFinalSyncChild(RunIds.finalSyncChild("x-cutover"))).isTrue();
    assertThat(RunIds.isReverseSyncChild(RunIds.reverseSyncChild("x-cutover"))).isTrue();
    assertThat(RunIds.isFinalSyncChild(RunIds.reverseSyncChild("x-cutover"))).isFalse();
  }

  @Test
  void defaultIdsKeepTheirDocumentedShape() {
    assertThat(RunIds.cutover("avesa-prod")).isEqualTo("avesa-prod-cutover");
    assertThat(RunIds.rollback("avesa-prod-cutover")).isEqualTo("avesa-prod-cutover-rollback");
    assertThat(RunIds.rescue("avesa-prod-cutover")).isEqualTo("avesa-prod-cutover-rescue");
    assertThat(RunIds.finalSyncSchedule("avesa-prod")).isEqualTo("avesa-prod-final-sync");
    assertThat(RunIds.reverseSync("avesa-prod")).isEqualTo("avesa-prod-reverse-sync");
    assertThat(RunIds.isolation("avesa-prod")).isEqualTo("avesa-prod-isolate");
    assertThat(RunIds.of("avesa-prod", "account-setup")).isEqualTo("avesa-prod-account-setup");
  }

  private static List<String> childIds(String resource) throws Exception {
    try (InputStream in = RunIdsTest.class.getResourceAsStream(resource)) {
      List<String> ids = new ArrayList<>();
      for (JsonNode event : new ObjectMapper().readTree(in).get("events")) {
        JsonNode started = event.get("startChildWorkflowExecutionInitiatedEventAttributes");
        if (started != null) {
          ids.add(started.get("workflowId").asText());
        }
      }
      return ids;
    }
  }
}
