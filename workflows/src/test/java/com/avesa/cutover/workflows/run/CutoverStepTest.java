package com.avesa.cutover.workflows.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The step names recorded cutover histories carry are the enum's JSON values, and the other way round. */
class CutoverStepTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path HISTORIES = Path.of("src/test/resources/histories");

  @Test
  void everyStepNameInARecordedCutoverIsAStepWrittenAsThatName() throws Exception {
    Set<String> recorded = recordedStepNames();

    assertThat(recorded).contains("preflight", "cutover gate", "switchDns", "monitorAlarms");
    for (String name : recorded) {
      CutoverStep step = CutoverStep.of(name).orElseThrow(() -> new AssertionError("no CutoverStep " + name));
      assertThat(JSON.writeValueAsString(step)).isEqualTo(JSON.writeValueAsString(name));
      assertThat(JSON.readValue(JSON.writeValueAsString(name), CutoverStep.class)).isEqualTo(step);
    }
  }

  @Test
  void wireNamesAreDistinctAndUnknownNamesAreRefused() {
    assertThat(Stream.of(CutoverStep.values()).map(CutoverStep::wireName).distinct()).hasSize(CutoverStep.values().length);
    assertThat(CutoverStep.of("switchdns")).isEmpty();
    assertThatThrownBy(() -> JSON.readValue("\"nope\"", CutoverStep.class)).hasMessageContaining("nope");
  }

  /** StepRecord names and CompensationRecord undoes in every payload of every recorded history. */
  private static Set<String> recordedStepNames() throws Exception {
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.walk(HISTORIES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        collect(JSON.readTree(file.toFile()), names);
      }
    }
    return names;
  }

  private static void collect(JsonNode node, Set<String> names) {
    if (node.isObject() && node.path("data").isTextual() && node.has("metadata")) {
      JsonNode payload = decode(node.get("data").asText());
      if (payload != null) {
        payload.findValues("steps").forEach(steps -> steps.forEach(s -> add(s.get("name"), names)));
        payload.findValues("compensations").forEach(cs -> cs.forEach(c -> add(c.get("undoes"), names)));
      }
    }
    node.forEach(child -> collect(child, names));
  }

  private static void add(JsonNode name, Set<String> names) {
    if (name != null && name.isTextual()) {
      names.add(name.asText());
    }
  }

  private static JsonNode decode(String base64) {
    try {
      return JSON.readTree(Base64.getDecoder().decode(base64));
    } catch (Exception notJson) {
      return null;
    }
  }
}
