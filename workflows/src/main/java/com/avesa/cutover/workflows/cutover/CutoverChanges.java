package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.sync.SyncHold;
import java.time.Instant;
import java.util.List;

/**
 * What a cutover changed, kept in its state and result so that a rollback (inside the run or by
 * {@code RollbackWorkflow} after it) can undo exactly that.
 *
 * @param sourceRulesDisabled source rules this run disabled (rules already disabled are not listed)
 * @param targetRulesEnabled target rules this run enabled
 * @param dnsSide the account holding the hosted zone
 * @param previousDns the record set before the run changed it (before its TTL was lowered), null until read
 * @param appliedDns the record set the switch wrote, null until written
 * @param changesBegan when the first change was made (source ingestion stopped)
 * @param syncHold the periodic final sync as it was before the run held it, null until read
 * @param loweredDns the record set with its TTL lowered before the window, null when the TTL was not lowered
 * @param dnsTtlLoweredAt when Route53 reported the lowered TTL INSYNC, null when it was not lowered
 */
public record CutoverChanges(List<String> sourceRulesDisabled, List<String> targetRulesEnabled, Side dnsSide,
    String hostedZoneId, DnsRecordSet previousDns, DnsRecordSet appliedDns, Instant changesBegan, SyncHold syncHold,
    DnsRecordSet loweredDns, Instant dnsTtlLoweredAt) {

  public CutoverChanges(List<String> sourceRulesDisabled, List<String> targetRulesEnabled, Side dnsSide,
      String hostedZoneId, DnsRecordSet previousDns, DnsRecordSet appliedDns, Instant changesBegan) {
    this(sourceRulesDisabled, targetRulesEnabled, dnsSide, hostedZoneId, previousDns, appliedDns, changesBegan, null,
        null, null);
  }

  public CutoverChanges {
    sourceRulesDisabled = sourceRulesDisabled == null ? List.of() : List.copyOf(sourceRulesDisabled);
    targetRulesEnabled = targetRulesEnabled == null ? List.of() : List.copyOf(targetRulesEnabled);
  }

  public static CutoverChanges none() {
    return new CutoverChanges(List.of(), List.of(), null, null, null, null, null);
  }

  public CutoverChanges withSourceRulesDisabled(List<String> rules, Instant began) {
    return new CutoverChanges(rules, targetRulesEnabled, dnsSide, hostedZoneId, previousDns, appliedDns, began,
        syncHold, loweredDns, dnsTtlLoweredAt);
  }

  public CutoverChanges withTargetRulesEnabled(List<String> rules) {
    return new CutoverChanges(sourceRulesDisabled, rules, dnsSide, hostedZoneId, previousDns, appliedDns,
        changesBegan, syncHold, loweredDns, dnsTtlLoweredAt);
  }

  public CutoverChanges withDns(String zone, DnsRecordSet previous, DnsRecordSet applied) {
    return new CutoverChanges(sourceRulesDisabled, targetRulesEnabled, dnsSide, zone, previous, applied,
        changesBegan, syncHold, loweredDns, dnsTtlLoweredAt);
  }

  /** The TTL lowering: {@code previous} as read before it, {@code lowered} as written; {@code at} null until INSYNC. */
  public CutoverChanges withLoweredDns(Side side, String zone, DnsRecordSet previous, DnsRecordSet lowered,
      Instant at) {
    return new CutoverChanges(sourceRulesDisabled, targetRulesEnabled, side, zone, previous, appliedDns,
        changesBegan, syncHold, lowered, at);
  }

  public CutoverChanges withSyncHold(SyncHold hold) {
    return new CutoverChanges(sourceRulesDisabled, targetRulesEnabled, dnsSide, hostedZoneId, previousDns, appliedDns,
        changesBegan, hold, loweredDns, dnsTtlLoweredAt);
  }
}
