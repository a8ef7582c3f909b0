package com.avesa.cutover.workflows.run;

/**
 * How a run ended (or that it still runs), whatever its kind. Each kind spells its outcomes in its
 * own enum — {@link PhaseOutcome} for the runbook's phase runs and the isolation,
 * {@link MigrationStatus} for migrations and syncs, {@code cutover.Outcome} for cutovers and
 * rollbacks — because their words differ on the wire (SUCCEEDED, COMPLETED, CUT_OVER) and recorded
 * histories must keep reading. Every such enum is written by its constant names.
 */
public interface RunOutcome {
  /** The constant's name: the word on the wire and in printed output. */
  String name();

  /** Whether the run has not ended yet. */
  boolean running();

  /**
   * Whether the run did what it was started for (the CLI's exit 0, given the kind's own extra
   * conditions such as a migration's verification; a rollback answers through its report).
   */
  boolean succeeded();
}
