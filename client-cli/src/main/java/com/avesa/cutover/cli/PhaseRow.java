package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.cutover.CompensationRecord;
import com.avesa.cutover.workflows.cutover.SmokeTestResult;
import com.avesa.cutover.workflows.decommission.ArchiveRecord;
import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.avesa.cutover.workflows.isolation.PhaseRecord;
import com.avesa.cutover.workflows.validation.TenantValidation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How a row of a phase report's lists prints, on one line: {@code key=value  key=value} in the
 * record's component order, each read through its typed accessor. A null leaves its key out; a
 * list of records reads as its size ({@code changed=2 item(s)}), a list of values as
 * {@code a; b}, an empty list not at all; a map as {@code {key=value  key=value}}, keys sorted.
 * Values print as {@link #text}: an enum as the JSON writes it, anything else as {@code String.valueOf}.
 *
 * @param <T> the row's record type
 */
final class PhaseRow<T extends Record> {
  static final PhaseRow<SmokeTestResult> SMOKE_TEST_RESULT = of(SmokeTestResult.class)
      .value("function", SmokeTestResult::function)
      .value("statusCode", SmokeTestResult::statusCode)
      .value("functionError", SmokeTestResult::functionError)
      .value("response", SmokeTestResult::response);

  static final PhaseRow<TenantValidation> TENANT_VALIDATION = of(TenantValidation.class)
      .value("tenantId", TenantValidation::tenantId)
      .value("objects", TenantValidation::objects)
      .value("newRawObjects", TenantValidation::newRawObjects)
      .value("newCanonicalObjects", TenantValidation::newCanonicalObjects)
      .value("secretPresent", TenantValidation::secretPresent)
      .joined("problems", TenantValidation::problems);

  static final PhaseRow<ArchiveRecord> ARCHIVE = of(ArchiveRecord.class)
      .value("sourceBucket", ArchiveRecord::sourceBucket)
      .value("archiveBucket", ArchiveRecord::archiveBucket)
      .value("prefix", ArchiveRecord::prefix)
      .value("storageClass", ArchiveRecord::storageClass)
      .value("objects", ArchiveRecord::objects)
      .value("copied", ArchiveRecord::copied)
      .value("bytes", ArchiveRecord::bytes)
      .value("verified", ArchiveRecord::verified);

  static final PhaseRow<ApprovalRecord> APPROVAL = of(ApprovalRecord.class)
      .value("gate", ApprovalRecord::gate)
      .value("approver", ApprovalRecord::approver)
      .value("decision", ApprovalRecord::decision)
      .value("reason", ApprovalRecord::reason)
      .value("at", ApprovalRecord::at)
      .value("windowStart", ApprovalRecord::windowStart)
      .value("note", ApprovalRecord::note)
      .value("identity", ApprovalRecord::identity);

  static final PhaseRow<PhaseRecord> PHASE = of(PhaseRecord.class)
      .value("phase", PhaseRecord::phase)
      .value("workflowId", PhaseRecord::workflowId)
      .value("status", PhaseRecord::status)
      .value("started", PhaseRecord::started)
      .value("ended", PhaseRecord::ended)
      .map("counts", PhaseRecord::counts)
      .count("changed", PhaseRecord::changed)
      .count("unchanged", PhaseRecord::unchanged)
      .joined("problems", PhaseRecord::problems)
      .value("summary", PhaseRecord::summary);

  static final PhaseRow<CompensationRecord> COMPENSATION = of(CompensationRecord.class)
      .value("name", CompensationRecord::name)
      .value("undoes", CompensationRecord::undoes)
      .value("status", CompensationRecord::status)
      .value("at", CompensationRecord::at)
      .value("detail", CompensationRecord::detail);

  /** Every row type, for the test that each prints all its components. */
  static final List<PhaseRow<?>> ALL = List.of(SMOKE_TEST_RESULT, TENANT_VALIDATION, ARCHIVE, APPROVAL, PHASE,
      COMPENSATION);

  /** One {@code key=value} of a row; null when the row has nothing to say under that key. */
  private record Column<T>(String name, Function<T, String> text) {}

  private final Class<T> type;
  private final List<Column<T>> columns = new ArrayList<>();

  private PhaseRow(Class<T> type) {
    this.type = type;
  }

  static <T extends Record> PhaseRow<T> of(Class<T> type) {
    return new PhaseRow<>(type);
  }

  /** A value: left out when null. */
  PhaseRow<T> value(String name, Function<T, ?> value) {
    return column(name, row -> {
      Object v = value.apply(row);
      return v == null ? null : text(v);
    });
  }

  /** A list of records: its size, left out when null or empty. */
  PhaseRow<T> count(String name, Function<T, ? extends List<? extends Record>> rows) {
    return column(name, row -> {
      List<?> list = rows.apply(row);
      return list == null || list.isEmpty() ? null : list.size() + " item(s)";
    });
  }

  /** A list of values: {@code a; b}, left out when null or empty. */
  PhaseRow<T> joined(String name, Function<T, ? extends List<?>> values) {
    return column(name, row -> {
      List<?> list = values.apply(row);
      return list == null || list.isEmpty() ? null : String.join("; ", list.stream().map(PhaseRow::text).toList());
    });
  }

  /** A map: {@code {key=value  key=value}} by key, null values left out; the whole left out when null. */
  PhaseRow<T> map(String name, Function<T, ? extends Map<String, ?>> map) {
    return column(name, row -> {
      Map<String, ?> entries = map.apply(row);
      if (entries == null) {
        return null;
      }
      List<String> parts = new ArrayList<>();
      new TreeMap<>(entries).forEach((key, value) -> {
        if (value != null) {
          parts.add(key + "=" + text(value));
        }
      });
      return "{" + String.join("  ", parts) + "}";
    });
  }

  private PhaseRow<T> column(String name, Function<T, String> text) {
    columns.add(new Column<>(name, text));
    return this;
  }

  /** The row on one line. */
  String render(T row) {
    List<String> parts = new ArrayList<>();
    for (Column<T> column : columns) {
      String text = column.text().apply(row);
      if (text != null) {
        parts.add(column.name() + "=" + text);
      }
    }
    return String.join("  ", parts);
  }

  Class<T> type() {
    return type;
  }

  /** The keys this rendering prints, in order. */
  List<String> names() {
    return columns.stream().map(Column::name).toList();
  }

  /**
   * A value as the reports print it: an enum as the JSON writes it (its name, or its {@code @JsonValue}
   * such as a step's {@code switchDns}), anything else (times ISO-8601) as {@code String.valueOf}.
   */
  static String text(Object value) {
    return value instanceof Enum<?> constant ? Json.text(constant) : String.valueOf(value);
  }
}
