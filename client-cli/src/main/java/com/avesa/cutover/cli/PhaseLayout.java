package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.account.AccountSetupReport;
import com.avesa.cutover.workflows.decommission.DecommissionReport;
import com.avesa.cutover.workflows.gate.ApprovalNotice;
import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.avesa.cutover.workflows.infra.InfrastructureReport;
import com.avesa.cutover.workflows.isolation.IsolationReport;
import com.avesa.cutover.workflows.run.RunItem;
import com.avesa.cutover.workflows.run.RunReport;
import com.avesa.cutover.workflows.smoke.SmokeTestReport;
import com.avesa.cutover.workflows.validation.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What one kind of runbook phase report prints beyond what every {@link RunReport} has (run,
 * outcome, times, problems, warnings): its facts, one {@code LABEL  value} line each, and its
 * lists — the item lists ({@code changed}, {@code unchanged}, {@code compensated}) and the others,
 * each under its own heading — declared from the record's accessors, so renaming or removing a
 * component does not compile, and a component added to a report prints only once it is declared
 * here ({@code PhaseLayoutTest} fails until it is).
 *
 * @param <R> the report record
 */
final class PhaseLayout<R extends RunReport> {
  /** The components every kind prints through {@link RunReport} itself, not through its layout. */
  static final List<String> COMMON = List.of("workflowId", "outcome", "started", "ended", "problems", "warnings");

  static final PhaseLayout<AccountSetupReport> ACCOUNT_SETUP = layout(AccountSetupReport.class)
      .fact("accountId", AccountSetupReport::accountId)
      .fact("accountCreated", AccountSetupReport::accountCreated)
      .fact("roleArn", AccountSetupReport::roleArn)
      .fact("callerArn", AccountSetupReport::callerArn)
      .items("changed", AccountSetupReport::changed)
      .items("unchanged", AccountSetupReport::unchanged)
      .items("compensated", AccountSetupReport::compensated);

  static final PhaseLayout<InfrastructureReport> INFRASTRUCTURE = layout(InfrastructureReport.class)
      .fact("deployExitCode", InfrastructureReport::deployExitCode)
      .fact("deployOutputTail", InfrastructureReport::deployOutputTail)
      .items("changed", InfrastructureReport::changed)
      .items("unchanged", InfrastructureReport::unchanged)
      .lines("missing", InfrastructureReport::missing);

  static final PhaseLayout<SmokeTestReport> SMOKE_TEST = layout(SmokeTestReport.class)
      .rows("results", SmokeTestReport::results, PhaseRow.SMOKE_TEST_RESULT)
      .items("changed", SmokeTestReport::changed)
      .items("unchanged", SmokeTestReport::unchanged);

  static final PhaseLayout<ValidationReport> VALIDATION = layout(ValidationReport.class)
      .fact("since", ValidationReport::since)
      .fact("bucket", ValidationReport::bucket)
      .fact("objects", ValidationReport::objects)
      .fact("newRawObjects", ValidationReport::newRawObjects)
      .fact("newCanonicalObjects", ValidationReport::newCanonicalObjects)
      .rows("tenants", ValidationReport::tenants, PhaseRow.TENANT_VALIDATION)
      .lines("strayKeys", ValidationReport::strayKeys)
      .fact("strayKeysTotal", ValidationReport::strayKeysTotal)
      .items("changed", ValidationReport::changed)
      .items("unchanged", ValidationReport::unchanged);

  static final PhaseLayout<DecommissionReport> DECOMMISSION = layout(DecommissionReport.class)
      .rows("archives", DecommissionReport::archives, PhaseRow.ARCHIVE)
      .fact("retentionEnds", DecommissionReport::retentionEnds)
      .approvals("approvals", DecommissionReport::approvals)
      .items("changed", DecommissionReport::changed)
      .items("unchanged", DecommissionReport::unchanged);

  static final PhaseLayout<IsolationReport> ISOLATION = layout(IsolationReport.class)
      .fact("configName", IsolationReport::configName)
      .fact("requestedBy", IsolationReport::requestedBy)
      .fact("phase", IsolationReport::phase)
      .fact("pendingGate", IsolationReport::pendingGate)
      .fact("approvalsNeeded", IsolationReport::approvalsNeeded)
      .fact("gateWorkflowId", IsolationReport::gateWorkflowId)
      .rows("phases", IsolationReport::phases, PhaseRow.PHASE)
      .approvals("approvals", IsolationReport::approvals)
      .rows("compensations", IsolationReport::compensations, PhaseRow.COMPENSATION)
      .lines("findings", IsolationReport::findings);

  /** Every kind's layout. */
  static final List<PhaseLayout<?>> ALL = List.of(ACCOUNT_SETUP, INFRASTRUCTURE, SMOKE_TEST, VALIDATION,
      DECOMMISSION, ISOLATION);

  /** A {@code LABEL  value} line; left out when the value is null. */
  record Fact<R>(String name, Function<R, ?> value) {}

  /** The item list {@code name}: every row's item and detail in two columns; left out only when null. */
  record Items<R>(String name, Function<R, ? extends List<? extends RunItem>> items) {}

  /**
   * The list {@code name}, each row on one line, under a notice line when there is one; left out
   * when null or empty.
   */
  record Rows<R>(String name, Function<R, List<String>> lines, Function<R, String> notice) {}

  private final Class<R> type;
  private final List<String> names = new ArrayList<>();
  private final List<Fact<R>> facts = new ArrayList<>();
  private final List<Items<R>> items = new ArrayList<>();
  private final List<Rows<R>> rows = new ArrayList<>();

  private PhaseLayout(Class<R> type) {
    this.type = type;
  }

  static <R extends RunReport> PhaseLayout<R> layout(Class<R> type) {
    return new PhaseLayout<>(type);
  }

  /** The layout of {@code report}'s kind; an IllegalArgumentException for a report that is no phase kind's. */
  static PhaseLayout<?> of(RunReport report) {
    return ALL.stream().filter(layout -> layout.type.isInstance(report)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no phase layout for " + report.getClass().getSimpleName()));
  }

  PhaseLayout<R> fact(String name, Function<R, ?> value) {
    names.add(name);
    facts.add(new Fact<>(name, value));
    return this;
  }

  PhaseLayout<R> items(String name, Function<R, ? extends List<? extends RunItem>> list) {
    names.add(name);
    items.add(new Items<>(name, list));
    return this;
  }

  PhaseLayout<R> lines(String name, Function<R, ? extends List<?>> list) {
    return list(name, report -> {
      List<?> values = list.apply(report);
      return values == null ? null : values.stream().map(PhaseRow::text).toList();
    }, report -> null);
  }

  <T extends Record> PhaseLayout<R> rows(String name, Function<R, ? extends List<T>> list, PhaseRow<T> row) {
    return rows(name, list, row, values -> null);
  }

  /** The gate decisions, under {@link ApprovalNotice#NOT_AUTHENTICATED} when one that counted was not verified. */
  PhaseLayout<R> approvals(String name, Function<R, List<ApprovalRecord>> list) {
    return rows(name, list, PhaseRow.APPROVAL, ApprovalNotice::of);
  }

  private <T extends Record> PhaseLayout<R> rows(String name, Function<R, ? extends List<T>> list, PhaseRow<T> row,
      Function<List<T>, String> notice) {
    return list(name, report -> {
      List<T> values = list.apply(report);
      return values == null ? null : values.stream().map(value -> value == null ? "null" : row.render(value)).toList();
    }, report -> {
      List<T> values = list.apply(report);
      return values == null ? null : notice.apply(values);
    });
  }

  private PhaseLayout<R> list(String name, Function<R, List<String>> lines, Function<R, String> notice) {
    names.add(name);
    rows.add(new Rows<>(name, lines, notice));
    return this;
  }

  Class<R> type() {
    return type;
  }

  /** The components this layout prints itself, in the order declared. */
  List<String> names() {
    return List.copyOf(names);
  }

  /** Every component a report of this kind prints: {@link #COMMON} and {@link #names()}. */
  List<String> printed() {
    return Stream.concat(COMMON.stream(), names.stream()).toList();
  }

  List<Fact<R>> facts() {
    return facts;
  }

  List<Items<R>> items() {
    return items;
  }

  List<Rows<R>> rows() {
    return rows;
  }
}
