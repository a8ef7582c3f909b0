package com.avesa.cutover.workflows.gate;

import java.time.Instant;

/**
 * One decision as the run keeps it.
 *
 * @param approver the ARN STS verified (identity {@code aws-iam}), else the typed name
 * @param decision APPROVED, REJECTED, or REFUSED (a decision the rules turned away)
 * @param note why it was refused, else null
 * @param identity {@code aws-iam} when {@code approver} was verified against STS, {@code declared}
 *     when it was typed; null in runs from before identities were checked (declared)
 */
public record ApprovalRecord(String gate, String approver, Decision decision, String reason, Instant at,
    Instant windowStart, String note, String identity) {
  /** What became of a decision; written by name, as the strings these replaced. */
  public enum Decision {
    APPROVED,
    REJECTED,
    /** A decision the rules turned away. */
    REFUSED
  }

  /** A record of a run from before identities were checked. */
  public ApprovalRecord(String gate, String approver, Decision decision, String reason, Instant at,
      Instant windowStart, String note) {
    this(gate, approver, decision, reason, at, windowStart, note, null);
  }
}
