package com.avesa.cutover.workflows.run;

/**
 * The shape every {@code progress} query answers, whatever the kind of run: where it is (phase and
 * step), the gate waiting for approval and how many approvals it still needs, and its counts.
 * What only one kind has (a migration's bytes, a cutover's window, an isolation's phases) stays in
 * the implementing record, typed, beside these.
 *
 * <p>Wire rule: the records answering the query are serialised by Jackson, and this interface
 * must not change their JSON. The defaults here are named like record components ({@code step},
 * {@code pendingGate}, {@code approvalsNeeded}) and so carry no {@code @JsonIgnore}: Jackson hands an
 * interface method's annotations down to the record accessor that overrides it, and would drop the
 * component from the JSON of every record that has it. Unannotated, a default is no property (a
 * record's properties are its components and its get/is methods), and a component overriding it
 * stays one. {@link #counts()} is implemented by each record with {@code @JsonIgnore}.
 * {@code RunProgressWireTest} holds every implementation's field names.
 */
public interface RunProgress {
  /** Where the run is, e.g. COPY, GATE, RETENTION, CUTOVER; DONE once it ended. */
  String phase();

  /** What is being worked on, one line; null where a kind names none beyond its phase. */
  default String step() {
    return null;
  }

  /** The gate waiting for approval, or null (always, for a kind without gates). */
  default String pendingGate() {
    return null;
  }

  /** Distinct approvals the pending gate still needs; 0 without one. */
  default int approvalsNeeded() {
    return 0;
  }

  /** What the run changed, found in place, and its problems, so far. */
  RunCounts counts();
}
