package com.avesa.cutover.workflows.cutover;

import java.time.Instant;

/**
 * One decision as the run keeps it.
 *
 * @param decision APPROVED, REJECTED, or REFUSED (a signal the validator rules turned away)
 * @param note why a signal was refused, else null
 */
public record ApprovalRecord(String gate, String approver, String decision, String reason, Instant at,
    Instant windowStart, String note) {
  public static final String APPROVED = "APPROVED";
  public static final String REJECTED = "REJECTED";
  public static final String REFUSED = "REFUSED";
}
