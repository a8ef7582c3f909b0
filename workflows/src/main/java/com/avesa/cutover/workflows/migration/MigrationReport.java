package com.avesa.cutover.workflows.migration;

import com.avesa.cutover.workflows.run.MigrationStatus;
import com.avesa.cutover.workflows.run.RunKind;
import com.avesa.cutover.workflows.run.RunReport;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * The result of a {@link DataMigrationWorkflow} run. A run that fails carries this report as the
 * first detail of its {@code ApplicationFailure}, so {@code avesa result} can print it either way.
 *
 * @param status COMPLETED or FAILED; also the report's {@link #outcome()}
 * @param verified true when verification ran and found no difference (PLAN never verifies)
 * @param problems one line per difference or error, at most {@link #MAX_PROBLEMS}
 * @param problemsOmitted how many further problems were found but not listed
 * @param runs how many runs (continue-as-new generations) the migration took
 * @param reverse the run went target → source (REVERSE, or a PLAN of it); false on older reports
 *     except for mode REVERSE
 */
public record MigrationReport(
    String workflowId,
    Mode mode,
    MigrationStatus status,
    boolean verified,
    List<BucketReport> buckets,
    List<TableReport> tables,
    SecretReport secrets,
    List<String> problems,
    long problemsOmitted,
    int runs,
    boolean reverse) implements RunReport {

  public static final int MAX_PROBLEMS = 200;

  public MigrationReport {
    buckets = buckets == null ? List.of() : List.copyOf(buckets);
    tables = tables == null ? List.of() : List.copyOf(tables);
    problems = problems == null ? List.of() : List.copyOf(problems);
    reverse = reverse || mode == Mode.REVERSE;
  }

  public MigrationReport(String workflowId, Mode mode, MigrationStatus status, boolean verified,
      List<BucketReport> buckets, List<TableReport> tables, SecretReport secrets, List<String> problems,
      long problemsOmitted, int runs) {
    this(workflowId, mode, status, verified, buckets, tables, secrets, problems, problemsOmitted, runs, false);
  }

  /** A migration, a sync, a reverse copy or a plan of one: all runs of {@code DataMigrationWorkflow}. */
  @JsonIgnore
  @Override
  public RunKind kind() {
    return RunKind.MIGRATION;
  }

  /** The run's {@code status}. */
  @JsonIgnore
  @Override
  public MigrationStatus outcome() {
    return status;
  }
}
