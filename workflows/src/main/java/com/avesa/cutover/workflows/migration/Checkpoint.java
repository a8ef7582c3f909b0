package com.avesa.cutover.workflows.migration;

import java.util.List;

/**
 * The state one run hands to the next on continue-as-new: counters and cursors, never key lists.
 *
 * @param runs runs completed before this one
 * @param ensured the target bucket(s) and tables were ensured already
 * @param cursors one per (bucket, prefix), with its counters (bytes copied among them)
 * @param tables finished table reports (empty until the tables are done)
 * @param secrets the secrets report, null until secrets are done
 * @param partitioned the cursors are partitions (version {@code partitioned-listings}); false on older payloads
 */
public record Checkpoint(
    int runs,
    boolean ensured,
    List<BucketCursor> cursors,
    List<TableReport> tables,
    SecretReport secrets,
    List<String> problems,
    long problemsOmitted,
    boolean partitioned) {

  public Checkpoint(int runs, boolean ensured, List<BucketCursor> cursors, List<TableReport> tables,
      SecretReport secrets, List<String> problems, long problemsOmitted) {
    this(runs, ensured, cursors, tables, secrets, problems, problemsOmitted, false);
  }

  public Checkpoint {
    cursors = cursors == null ? List.of() : List.copyOf(cursors);
    tables = tables == null ? List.of() : List.copyOf(tables);
    problems = problems == null ? List.of() : List.copyOf(problems);
  }
}
