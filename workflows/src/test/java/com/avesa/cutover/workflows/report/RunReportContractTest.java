package com.avesa.cutover.workflows.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.workflows.account.AccountSetupReport;
import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.cutover.Outcome;
import com.avesa.cutover.workflows.decommission.DecommissionReport;
import com.avesa.cutover.workflows.infra.InfrastructureReport;
import com.avesa.cutover.workflows.isolation.IsolationReport;
import com.avesa.cutover.workflows.migration.MigrationReport;
import com.avesa.cutover.workflows.run.MigrationStatus;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.run.RunKind;
import com.avesa.cutover.workflows.run.RunOutcome;
import com.avesa.cutover.workflows.run.RunReport;
import com.avesa.cutover.workflows.smoke.SmokeTestReport;
import com.avesa.cutover.workflows.validation.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.common.converter.JacksonJsonPayloadConverter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every report record is a {@link RunReport} of its kind, and the reports that recorded runs
 * returned (the results in {@code histories/2026-12-02}, written while outcomes were strings) still
 * read into their records with their outcome enum and write back every field they had with the
 * same value (fields added to the records since then come out as their defaults), and no field of
 * {@link RunReport}'s own reaches the JSON.
 */
class RunReportContractTest {
  private static final ObjectMapper MAPPER = JacksonJsonPayloadConverter.newDefaultObjectMapper();

  static Stream<Arguments> recordedResults() {
    return Stream.of(
        Arguments.of("isolation-done.json", IsolationReport.class, RunKind.ISOLATE, PhaseOutcome.SUCCEEDED, true),
        Arguments.of("decommission-done.json", DecommissionReport.class, RunKind.DECOMMISSION, PhaseOutcome.SUCCEEDED,
            true),
        Arguments.of("account-setup-done.json", AccountSetupReport.class, RunKind.ACCOUNT, PhaseOutcome.SUCCEEDED,
            true),
        Arguments.of("validation-done.json", ValidationReport.class, RunKind.VALIDATE, PhaseOutcome.SUCCEEDED, true),
        Arguments.of("smoke-test-done.json", SmokeTestReport.class, RunKind.SMOKE, PhaseOutcome.SUCCEEDED, true),
        Arguments.of("infrastructure-done.json", InfrastructureReport.class, RunKind.INFRA, PhaseOutcome.SUCCEEDED,
            true),
        Arguments.of("data-migration-copy-done.json", MigrationReport.class, RunKind.MIGRATION,
            MigrationStatus.COMPLETED, true),
        Arguments.of("cutover-cut-over.json", CutoverReport.class, RunKind.CUTOVER, Outcome.CUT_OVER, true),
        Arguments.of("cutover-rejected.json", CutoverReport.class, RunKind.CUTOVER, Outcome.REJECTED, false),
        Arguments.of("rollback-rolled-back.json", CutoverReport.class, RunKind.ROLLBACK, Outcome.ROLLED_BACK, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordedResults")
  void aRecordedReportReadsWithItsOutcomeEnumAndWritesTheSameJson(String history, Class<? extends RunReport> type,
      RunKind kind, RunOutcome outcome, boolean succeeded) throws IOException {
    String json = completedResult(history);

    RunReport report = MAPPER.readValue(json, type);

    assertThat(report.kind()).isEqualTo(kind);
    assertThat(report.outcome()).isSameAs(outcome);
    assertThat(report.succeeded()).isEqualTo(succeeded);
    assertThat(report.workflowId()).isNotBlank();
    JsonNode written = MAPPER.readTree(MAPPER.writeValueAsString(report));
    assertContains(written, MAPPER.readTree(json), "$");
    List<String> fields = new ArrayList<>();
    written.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly(Stream.of(type.getRecordComponents()).map(RecordComponent::getName)
        .toArray(String[]::new));
  }

  /** {@code actual} has every field of {@code expected}, with the same value, recursively. */
  private static void assertContains(JsonNode actual, JsonNode expected, String path) {
    if (expected.isObject()) {
      assertThat(actual.isObject()).as(path).isTrue();
      expected.fields().forEachRemaining(field -> {
        assertThat(actual.has(field.getKey())).as(path + "." + field.getKey()).isTrue();
        assertContains(actual.get(field.getKey()), field.getValue(), path + "." + field.getKey());
      });
    } else if (expected.isArray()) {
      assertThat(actual.size()).as(path).isEqualTo(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        assertContains(actual.get(i), expected.get(i), path + "[" + i + "]");
      }
    } else {
      assertThat(actual).as(path).isEqualTo(expected);
    }
  }

  @Test
  void everyReportRecordIsARunReportOfItsKind() {
    assertThat(Stream.of(IsolationReport.class, DecommissionReport.class, AccountSetupReport.class,
        ValidationReport.class, CutoverReport.class, SmokeTestReport.class, InfrastructureReport.class,
        MigrationReport.class)).allMatch(RunReport.class::isAssignableFrom).allMatch(Class::isRecord);
  }

  @Test
  void outcomesAreWrittenByTheirNames() throws IOException {
    for (Enum<?> outcome : Stream.of(PhaseOutcome.values(), MigrationStatus.values(), Outcome.values())
        .flatMap(Stream::of).toList()) {
      assertThat(outcome).isInstanceOf(RunOutcome.class);
      assertThat(MAPPER.writeValueAsString(outcome)).isEqualTo("\"" + outcome.name() + "\"");
    }
    assertThat(MAPPER.writeValueAsString(RunKind.ROLLBACK)).isEqualTo("\"ROLLBACK\"");
  }

  @Test
  void aCutoverThatDidNotGoLiveNamesWhyAndWhatIsLeftAsItsProblems() throws IOException {
    CutoverReport rejected = MAPPER.readValue(completedResult("cutover-rejected.json"), CutoverReport.class);

    assertThat(rejected.problems()).containsExactly(rejected.reason());
    assertThat(rejected.reason()).isNotBlank();
  }

  /** The JSON of the report a recorded run returned. */
  private static String completedResult(String history) throws IOException {
    try (InputStream in = RunReportContractTest.class.getResourceAsStream("/histories/2026-12-02/" + history)) {
      assertThat(in).as(history).isNotNull();
      for (JsonNode event : MAPPER.readTree(in).path("events")) {
        JsonNode completed = event.path("workflowExecutionCompletedEventAttributes");
        if (!completed.isMissingNode()) {
          byte[] data = Base64.getDecoder().decode(completed.path("result").path("payloads").get(0).path("data")
              .asText());
          return new String(data, StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError(history + " has no completed result");
  }
}
