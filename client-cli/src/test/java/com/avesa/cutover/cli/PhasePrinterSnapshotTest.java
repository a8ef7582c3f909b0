package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.cli.PhaseReports.Named;
import com.avesa.cutover.workflows.run.RunReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.common.converter.JacksonJsonPayloadConverter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table output of {@link PhasePrinter} for every runbook phase kind, byte for byte: a full and a
 * sparse report of each kind ({@link PhaseReports}) and the reports the recorded runs returned
 * (their completed results in {@code workflows/src/test/resources/histories/2026-12-02}), each
 * against {@code snapshots/phase-NAME.txt}, and the exit code and err line of every one of them
 * against {@code snapshots/phase-outcomes.txt}. Nothing is normalised: the inputs are fixed.
 */
class PhasePrinterSnapshotTest {
  private static final Path RECORDED = Path.of("..", "workflows", "src", "test", "resources", "histories",
      "2026-12-02");
  private static final ObjectMapper MAPPER = JacksonJsonPayloadConverter.newDefaultObjectMapper();

  static List<Named> reports() {
    return PhaseReports.all();
  }

  /** The report of every recorded phase run that completed, named after its history. */
  static List<Named> recorded() {
    List<Named> reports = new ArrayList<>();
    try (Stream<Path> files = Files.list(RECORDED)) {
      for (Path file : files.sorted().toList()) {
        completedReport(file).ifPresent(report -> reports.add(new Named(
            "recorded-" + file.getFileName().toString().replaceFirst("\\.json$", ""), report)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return reports;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reports")
  void aReportPrintsAsItsSnapshot(Named named) {
    Snapshots.assertExactly("phase-" + named.name() + ".txt", print(named.report()).out());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recorded")
  void aRecordedRunsReportPrintsAsItsSnapshot(Named named) {
    Snapshots.assertExactly("phase-" + named.name() + ".txt", print(named.report()).out());
  }

  @Test
  void theRecordedRunsOfEveryPhaseKindArePrinted() {
    List<Class<?>> printed = recorded().stream().<Class<?>>map(named -> named.report().getClass()).toList();
    assertThat(printed).containsAll(Stream.of(PhaseRuns.values()).<Class<?>>map(PhaseRuns::reportType).toList());
  }

  @Test
  void everyReportExitsAndSaysWhyOnErrAsItsSnapshot() {
    StringBuilder outcomes = new StringBuilder();
    for (Named named : Stream.concat(reports().stream(), recorded().stream()).toList()) {
      Printed printed = print(named.report());
      outcomes.append(named.name()).append(": exit ").append(printed.exitCode()).append(" err ")
          .append(printed.err().isEmpty() ? "-" : printed.err()).append(printed.err().isEmpty() ? "\n" : "");
    }
    Snapshots.assertExactly("phase-outcomes.txt", outcomes.toString());
  }

  record Printed(int exitCode, String out, String err) {}

  static Printed print(RunReport report) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = PhasePrinter.printOutcome(report, OutputOptions.Format.table, new PrintWriter(out),
        new PrintWriter(err));
    return new Printed(exitCode, out.toString(), err.toString());
  }

  /** The result of a recorded run of a phase kind that completed, read into its report record. */
  private static Optional<RunReport> completedReport(Path history) throws IOException {
    Class<? extends RunReport> type = null;
    for (JsonNode event : MAPPER.readTree(history.toFile()).path("events")) {
      JsonNode started = event.path("workflowExecutionStartedEventAttributes");
      if (!started.isMissingNode()) {
        String workflowType = started.path("workflowType").path("name").asText();
        type = Stream.of(PhaseRuns.values()).filter(kind -> kind.type().equals(workflowType))
            .map(PhaseRuns::reportType).findFirst().orElse(null);
      }
      JsonNode completed = event.path("workflowExecutionCompletedEventAttributes");
      if (type != null && !completed.isMissingNode()) {
        byte[] data = Base64.getDecoder().decode(completed.path("result").path("payloads").get(0).path("data")
            .asText());
        return Optional.of(MAPPER.readValue(new String(data, StandardCharsets.UTF_8), type));
      }
    }
    return Optional.empty();
  }
}
