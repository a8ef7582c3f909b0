package com.avesa.cutover.workflows.histories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.avesa.cutover.workflows.account.AccountCreation;
import com.avesa.cutover.workflows.cutover.CompensationRecord;
import com.avesa.cutover.workflows.cutover.StepRecord;
import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.avesa.cutover.workflows.isolation.PhaseRecord;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.sync.SyncHold;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.temporal.common.converter.JacksonJsonPayloadConverter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The records whose statuses, decisions, states and kinds are enums read every such record the
 * recorded histories carry, and write it back as the same JSON: the enums kept the strings on the
 * wire. Jackson refuses an enum value it does not know, so a value missing from an enum fails here
 * before it fails a replay or an {@code avesa result} of a finished run.
 */
class RecordedStatusesTest {
  private static final ObjectMapper TEMPORAL = JacksonJsonPayloadConverter.newDefaultObjectMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where a record sits in a payload, and how it is recognised there. */
  private record Shape(Class<? extends Record> type, String field, Predicate<JsonNode> is) {}

  private static final List<Shape> SHAPES = List.of(
      new Shape(StepRecord.class, "status", n -> n.has("name") && n.has("status") && n.has("startedAt")),
      new Shape(CompensationRecord.class, "status", n -> n.has("undoes") && n.has("status")),
      new Shape(ApprovalRecord.class, "decision", n -> n.has("decision") && n.has("approver")),
      new Shape(PhaseRecord.class, "status", n -> n.has("phase") && n.has("status") && n.has("summary")),
      new Shape(SyncHold.class, "kind", n -> n.has("scheduleId") && n.has("kind") && n.has("pausedBefore")),
      new Shape(AccountCreation.class, "state", n -> n.has("requestId") && n.has("state") && n.has("existing")));

  @Test
  void everyRecordedRecordReadsIntoItsEnumsAndWritesBackUnchanged() throws Exception {
    Map<Class<?>, List<JsonNode>> found = recorded();
    Map<Class<?>, TreeSet<String>> values = new LinkedHashMap<>();

    for (Shape shape : SHAPES) {
      for (JsonNode node : found.get(shape.type())) {
        Record read = TEMPORAL.treeToValue(node, shape.type());
        // Fields a record gained since (e.g. an approval's identity) are left out of the comparison.
        ObjectNode written = TEMPORAL.valueToTree(read);
        List<String> recordedFields = new ArrayList<>();
        node.fieldNames().forEachRemaining(recordedFields::add);
        written.retain(recordedFields);
        assertThat(JSON.writeValueAsString(written)).as(shape.type().getSimpleName())
            .isEqualTo(JSON.writeValueAsString(node));
        values.computeIfAbsent(shape.type(), t -> new TreeSet<>()).add(node.get(shape.field()).asText());
      }
    }

    // What the corpus holds today; each value above went through its enum.
    assertThat(values.get(StepRecord.class)).containsExactly("DONE", "FAILED");
    assertThat(values.get(CompensationRecord.class)).containsExactly("DONE", "REGISTERED");
    assertThat(values.get(ApprovalRecord.class)).containsExactly("APPROVED", "REFUSED", "REJECTED");
    assertThat(values.get(PhaseRecord.class)).containsExactly("FAILED", "SKIPPED", "SUCCEEDED");
    assertThat(values.get(SyncHold.class)).containsExactly("SCHEDULE");
    assertThat(values.get(AccountCreation.class)).containsExactly("IN_PROGRESS", "SUCCEEDED");
  }

  @Test
  void everyConstantIsWrittenAsItsNameAndAnUnknownValueIsRefused() throws Exception {
    List<Class<? extends Enum<?>>> enums = List.of(StepRecord.Status.class, CompensationRecord.Status.class,
        ApprovalRecord.Decision.class, PhaseRecord.Status.class, SyncHold.Kind.class, AccountCreation.State.class,
        PhaseOutcome.class);
    for (Class<? extends Enum<?>> type : enums) {
      for (Enum<?> constant : type.getEnumConstants()) {
        String json = TEMPORAL.writeValueAsString(constant);
        assertThat(json).isEqualTo("\"" + constant.name() + "\"");
        assertThat(TEMPORAL.readValue(json, type)).isSameAs(constant);
      }
    }
    assertThatThrownBy(() -> TEMPORAL.readValue("\"PAUSED\"", SyncHold.Kind.class)).hasMessageContaining("PAUSED");
  }

  @Test
  void aPhaseRecordsStatusIsTheOutcomeOfTheRunItEndedWith() {
    for (PhaseOutcome outcome : PhaseOutcome.values()) {
      assertThat(PhaseRecord.Status.of(outcome).name()).isEqualTo(outcome.name());
    }
  }

  /** Every object of each shape in every payload of every recorded history. */
  private static Map<Class<?>, List<JsonNode>> recorded() throws Exception {
    Map<Class<?>, List<JsonNode>> found = new LinkedHashMap<>();
    SHAPES.forEach(shape -> found.put(shape.type(), new ArrayList<>()));
    try (Stream<Path> files = Files.walk(GoldenHistoriesTest.CORPUS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        collect(JSON.readTree(file.toFile()), found);
      }
    }
    return found;
  }

  private static void collect(JsonNode node, Map<Class<?>, List<JsonNode>> found) {
    if (node.isObject() && node.path("data").isTextual() && node.has("metadata")) {
      JsonNode payload = decode(node.get("data").asText());
      if (payload != null) {
        shapes(payload, found);
      }
    }
    node.forEach(child -> collect(child, found));
  }

  private static void shapes(JsonNode node, Map<Class<?>, List<JsonNode>> found) {
    if (node.isObject()) {
      SHAPES.stream().filter(shape -> shape.is().test(node)).forEach(shape -> found.get(shape.type()).add(node));
    }
    node.forEach(child -> shapes(child, found));
  }

  private static JsonNode decode(String base64) {
    try {
      return JSON.readTree(Base64.getDecoder().decode(base64));
    } catch (Exception notJson) {
      return null;
    }
  }
}
