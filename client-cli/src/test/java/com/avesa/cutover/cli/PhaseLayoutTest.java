package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.run.CutoverStep;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.run.RunKind;
import com.avesa.cutover.workflows.run.RunReport;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every component of every phase report record and of every row record its lists hold is printed:
 * a component added to a record fails here until its {@link PhaseLayout} or {@link PhaseRow}
 * declares it, and a declared name that is no component (a label the printer would print under a
 * stale name) fails too. The byte-for-byte output is {@link PhasePrinterSnapshotTest}'s.
 */
class PhaseLayoutTest {
  static List<PhaseLayout<?>> layouts() {
    return PhaseLayout.ALL;
  }

  static List<PhaseRow<?>> rows() {
    return PhaseRow.ALL;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layouts")
  void aLayoutPrintsEveryComponentOfItsReportAndNamesNoOther(PhaseLayout<?> layout) {
    List<String> components = components(layout.type());

    assertThat(unprinted(layout)).as("components of %s its layout does not print", layout.type().getSimpleName())
        .isEmpty();
    assertThat(layout.names()).as("names %s declares", layout.type().getSimpleName()).doesNotHaveDuplicates()
        .doesNotContainAnyElementsOf(PhaseLayout.COMMON);
    assertThat(components).as("components of %s", layout.type().getSimpleName())
        .containsSubsequence(layout.names());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void aRowPrintsEveryComponentOfItsRecordInOrder(PhaseRow<?> row) {
    assertThat(row.names()).as("keys of a %s row", row.type().getSimpleName())
        .containsExactlyElementsOf(components(row.type()));
  }

  @Test
  void aComponentTheLayoutDoesNotDeclareIsFound() {
    PhaseLayout<Extended> layout = PhaseLayout.layout(Extended.class).fact("shown", Extended::shown);

    assertThat(unprinted(layout)).containsExactly("added", "changed");
  }

  @Test
  void everyPhaseKindHasOneLayoutAndOtherReportsNone() {
    List<Class<?>> types = layouts().stream().<Class<?>>map(PhaseLayout::type).toList();
    assertThat(types).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
        Stream.of(PhaseRuns.values()).<Class<?>>map(PhaseRuns::reportType).toList());
    assertThatThrownBy(() -> PhaseLayout.of(new CutoverReport("c", RunKind.CUTOVER, "n", null, null, null, null, null,
        0, null, null, null, List.of(), List.of(), List.of(), List.of(), null, null, null, null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CutoverReport");
  }

  @Test
  void aTimePrintsAsTheJsonWritesIt() {
    for (Instant at : List.of(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00.100Z"),
        Instant.parse("2026-12-01T00:00:00.120Z"), Instant.parse("2026-12-01T00:00:00.000456Z"),
        PhaseReports.NANOS, Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.999999999Z"))) {
      assertThat("\"" + PhaseRow.text(at) + "\"").as(at.toString()).isEqualTo(Json.write(at));
    }
  }

  @Test
  void anEnumPrintsByItsNameAsTheJsonWritesIt() {
    assertThat(PhaseRow.text(Shade.LIGHT)).isEqualTo("LIGHT");
    assertThat("\"" + PhaseRow.text(Shade.LIGHT) + "\"").isEqualTo(Json.write(Shade.LIGHT));
    assertThat("\"" + PhaseRow.text(RunKind.SMOKE) + "\"").isEqualTo(Json.write(RunKind.SMOKE));
  }

  @Test
  void anEnumWithAJsonValuePrintsThatValue() {
    assertThat(PhaseRow.text(CutoverStep.SWITCH_DNS)).isEqualTo("switchDns");
    assertThat("\"" + PhaseRow.text(CutoverStep.SWITCH_DNS) + "\"").isEqualTo(Json.write(CutoverStep.SWITCH_DNS));
  }

  /** An enum whose toString is not its name. */
  enum Shade {
    LIGHT;

    @Override
    public String toString() {
      return "light";
    }
  }

  @Test
  void aLayoutWithAnAddedComponentPrintsItOnceDeclared() {
    Extended report = new Extended("x-1", PhaseOutcome.SUCCEEDED, "seen", "new", List.of(new PhaseItem("a", "b")));
    PhaseLayout<Extended> layout = PhaseLayout.layout(Extended.class).fact("shown", Extended::shown)
        .fact("added", Extended::added).items("changed", Extended::changed);
    StringWriter out = new StringWriter();

    PhasePrinter.print(layout, report, new PrintWriter(out, true));

    assertThat(unprinted(layout)).isEmpty();
    assertThat(out.toString()).isEqualTo(String.join(System.lineSeparator(), "RUN             x-1",
        "OUTCOME         SUCCEEDED", "SHOWN           seen", "ADDED           new", "", "CHANGED (1)", "  a  b", ""));
  }

  /** A report of a kind that grew a component. */
  record Extended(String workflowId, PhaseOutcome outcome, String shown, String added, List<PhaseItem> changed)
      implements RunReport {
    @Override
    public RunKind kind() {
      return RunKind.SMOKE;
    }
  }

  private static List<String> unprinted(PhaseLayout<?> layout) {
    return components(layout.type()).stream().filter(name -> !layout.printed().contains(name)).toList();
  }

  private static List<String> components(Class<?> type) {
    assertThat(type.isRecord()).as(type.getSimpleName() + " is a record").isTrue();
    return Stream.of(type.getRecordComponents()).map(RecordComponent::getName).toList();
  }
}
