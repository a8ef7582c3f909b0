package com.avesa.cutover.workflows.run;

/**
 * The shape every {@code progress} query answers, whatever the kind of run: where it is (phase and
 * step), the gate waiting for approval and how many approvals it still needs, and its counts.
 * What only one kind has (a migration's bytes, a cutover's window, an isolation's phases) stays in
 * the implementing record, typed, beside these.
 *
 * <p>Wire rule: the records answering the query are serialised by Jackson, and this interface
 * must not change their JSON. The methods named like a record component ({@code phase},
 * {@code step}, {@code pendingGate}, {@code approvalsNeeded}) carry no annotation here (Jackson would
 * hand it down to the components); a record that has no such component implements the method
 * itself with {@code @JsonIgnore}, as it does {@link #counts()}. {@code RunProgressWireTest}
 * holds every implementation's field names.
 */
public interface RunProgress {
  /** Where the run is, e.g. COPY, GATE, RETENTION, CUTOVER; DONE once it ended. */
  String phase();

  /** What is being worked on, one line; null where a kind names none beyond its phase. */
  String step();

  /** The gate waiting for approval, or null. */
  String pendingGate();

  /** Distinct approvals the pending gate still needs; 0 without one. */
  int approvalsNeeded();

  /** What the run changed, found in place, and its problems, so far. */
  RunCounts counts();
}
