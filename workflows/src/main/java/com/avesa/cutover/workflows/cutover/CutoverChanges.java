package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.migration.Side;
import java.time.Instant;
import java.util.List;

/**
 * What a cutover changed, kept in its state and result so that a rollback (inside the run or by
 * {@code RollbackWorkflow} after it) can undo exactly that.
 *
 * @param sourceRulesDisabled source rules this run disabled (rules already disabled are not listed)
 * @param targetRulesEnabled target rules this run enabled
 * @param dnsSide the account holding the hosted zone
 * @param previousDns the record set before the switch, null until read
 * @param appliedDns the record set the switch wrote, null until written
 * @param changesBegan when the first change was made (source ingestion stopped)
 */
public record CutoverChanges(List<String> sourceRulesDisabled, List<String> targetRulesEnabled, Side dnsSide,
    String hostedZoneId, DnsRecordSet previousDns, DnsRecordSet appliedDns, Instant changesBegan) {
  public CutoverChanges {
    sourceRulesDisabled = sourceRulesDisabled == null ? List.of() : List.copyOf(sourceRulesDisabled);
    targetRulesEnabled = targetRulesEnabled == null ? List.of() : List.copyOf(targetRulesEnabled);
  }

  public static CutoverChanges none() {
    return new CutoverChanges(List.of(), List.of(), null, null, null, null, null);
  }
}
