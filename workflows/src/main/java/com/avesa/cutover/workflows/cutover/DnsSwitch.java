package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.ActivityRetries;
import com.avesa.cutover.workflows.config.DnsConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.run.CutoverStep;
import com.avesa.cutover.workflows.run.WorkflowClock;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The DNS switch from version 1 of {@link CutoverWorkflowImpl#DNS_TTL_INSYNC} on. Before the window
 * the record's TTL is lowered to {@code dns.ttl} (same value, compensation {@code restoreDnsTtl});
 * the switch waits out the old TTL if the lowering is more recent than that, UPSERTs the new value
 * (or alias target), and waits until Route53 reports the change INSYNC. Every wait is a durable
 * timer, ended early by a rollback request and bounded by the window.
 */
final class DnsSwitch {
  static final String INSYNC = "INSYNC";
  /** Longest wait for Route53 to report a change INSYNC (it usually takes under a minute). */
  static final Duration INSYNC_BOUND = Duration.ofMinutes(10);
  private static final Duration FIRST_POLL = Duration.ofSeconds(2);
  private static final Duration LONGEST_POLL = Duration.ofSeconds(30);

  private final CutoverActivities cutover = Workflow.newActivityStub(CutoverActivities.class,
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setRetryOptions(ActivityRetries.transientErrors(Duration.ofSeconds(30), 10))
          .build());

  private final MigrationConfig config;
  private final DnsConfig dns;
  private final CutoverState state;
  private final Compensations compensations;
  private final CutoverUndo undo;
  private final OperatorDesk desk;

  DnsSwitch(MigrationConfig config, CutoverState state, Compensations compensations, CutoverUndo undo,
      OperatorDesk desk) {
    this.config = config;
    this.dns = config.cutover().dns();
    this.state = state;
    this.compensations = compensations;
    this.undo = undo;
    this.desk = desk;
  }

  /**
   * When the TTL is lowered: {@code dns.ttlLead} before the window opens, or now when that has
   * passed or no lead is configured.
   */
  Instant lowerAt(Instant windowStart) {
    Instant now = WorkflowClock.now();
    if (dns.ttlLead() == null) {
      return now;
    }
    Instant at = windowStart.minus(dns.ttlLead());
    return at.isAfter(now) ? at : now;
  }

  /** Reads the record and, when its TTL is above {@code dns.ttl}, writes it back with {@code dns.ttl}. */
  void lowerTtl(int step) {
    CutoverChanges c = state.changes();
    DnsRecordSet previous = read(c);
    if (!previous.exists() || previous.aliasDnsName() != null || previous.ttl() == null
        || previous.ttl() <= dns.ttl()) {
      state.stepDone(step, "TTL not lowered: " + dns.name() + " " + dns.type() + (!previous.exists() ? " does not exist"
          : previous.aliasDnsName() != null ? " is an alias (Route53 answers with the target's TTL)"
          : " has TTL " + previous.ttl() + ", not above " + dns.ttl()));
      return;
    }
    DnsRecordSet lowered = new DnsRecordSet(true, previous.name(), previous.type(), dns.ttl(), previous.values(),
        null, null, null);
    state.changes(c.withLoweredDns(c.dnsSide(), dns.hostedZoneId(), previous, lowered, null));
    compensations.register(CutoverUndo.RESTORE_DNS_TTL, CutoverStep.LOWER_DNS_TTL, undo.action(CutoverUndo.RESTORE_DNS_TTL));
    String changeId = cutover.writeDnsRecord(
        new DnsChange(config.estate(), c.dnsSide(), dns.hostedZoneId(), lowered, DnsChange.LOWER_TTL));
    Duration insync = awaitInsync(changeId, WorkflowClock.now().plus(INSYNC_BOUND), "the TTL lowering");
    Instant at = WorkflowClock.now();
    state.changes(state.changes().withLoweredDns(c.dnsSide(), dns.hostedZoneId(), previous, lowered, at));
    state.stepDone(step, "TTL lowered from " + previous.ttl() + " to " + dns.ttl() + " at " + at + " (INSYNC after "
        + insync.toSeconds() + "s); the old value " + String.join(",", previous.values()) + " stays until the switch");
  }

  /**
   * Waits out the old TTL when it was lowered less than that ago, then points the record at the
   * target and waits for INSYNC. {@code latest} is the last moment the switch may still happen.
   */
  void switchRecord(int step, Instant latest) {
    CutoverChanges c = state.changes();
    DnsRecordSet lowered = c.loweredDns();
    DnsRecordSet previous = lowered != null && c.dnsTtlLoweredAt() != null ? c.previousDns() : read(c);
    String waited = "";
    if (lowered != null && c.dnsTtlLoweredAt() != null) {
      Instant oldTtlOut = c.dnsTtlLoweredAt().plusSeconds(previous.ttl());
      Duration wait = Duration.between(WorkflowClock.now(), oldTtlOut);
      if (oldTtlOut.isAfter(latest)) {
        throw new CutoverAbort("window closing: the old TTL of " + dns.name() + " (" + previous.ttl()
            + "s, lowered at " + c.dnsTtlLoweredAt() + ") runs out at " + oldTtlOut + ", after the last moment to "
            + "switch " + latest + " (lower it earlier: cutover.dns.ttlLead)");
      }
      long waitedSeconds = 0;
      if (!wait.isNegative() && !wait.isZero()) {
        state.phase("CUTTING_OVER", "waiting " + wait.toSeconds() + "s for the old TTL of " + dns.name() + " to run out");
        Workflow.await(wait, desk::rollbackRequested);
        desk.checkRollback();
        waitedSeconds = wait.toSeconds();
        state.phase("CUTTING_OVER", "switching DNS");
      }
      waited = "TTL lowered from " + previous.ttl() + " to " + lowered.ttl() + " at " + c.dnsTtlLoweredAt()
          + ", waited " + waitedSeconds + "s for the old TTL; ";
    }
    DnsRecordSet applied = applied();
    state.changes(state.changes().withDns(dns.hostedZoneId(), previous, applied));
    compensations.register(CutoverUndo.REVERSE_SYNC, CutoverStep.SWITCH_DNS, undo.action(CutoverUndo.REVERSE_SYNC));
    compensations.register(CutoverUndo.RESTORE_DNS, CutoverStep.SWITCH_DNS, undo.action(CutoverUndo.RESTORE_DNS));
    String changeId = cutover.writeDnsRecord(
        new DnsChange(config.estate(), c.dnsSide(), dns.hostedZoneId(), applied, DnsChange.SWITCH));
    Instant bound = WorkflowClock.now().plus(INSYNC_BOUND);
    Duration insync = awaitInsync(changeId, bound.isBefore(latest) ? bound : latest, "the switch");
    state.stepDone(step, waited + dns.name() + " " + dns.type() + " → " + CutoverUndo.describe(applied)
        + ", INSYNC after " + insync.toSeconds() + "s"
        + (previous.exists() ? " (was " + CutoverUndo.describe(previous) + ")" : " (new record)"));
  }

  private DnsRecordSet read(CutoverChanges c) {
    return cutover.readDnsRecord(new DnsRequest(config.estate(), c.dnsSide(), dns.hostedZoneId(), dns.name(),
        dns.type()));
  }

  private DnsRecordSet applied() {
    if (dns.alias() != null) {
      return new DnsRecordSet(true, dns.name(), dns.type(), null, List.of(), dns.alias().hostedZoneId(),
          dns.alias().dnsName(), dns.alias().evaluateTargetHealth());
    }
    return DnsRecordSet.simple(dns.name(), dns.type(), dns.ttl(), dns.value());
  }

  /**
   * Polls GetChange (2 s, doubling to 30 s apart) until INSYNC; returns how long that took. Still
   * PENDING at {@code deadline}: the step fails, and the run rolls back. A null id (nothing
   * written) is in sync.
   */
  private Duration awaitInsync(String changeId, Instant deadline, String what) {
    Instant began = WorkflowClock.now();
    if (changeId == null) {
      return Duration.ZERO;
    }
    Duration pause = FIRST_POLL;
    while (!INSYNC.equals(cutover.dnsChangeStatus(new DnsChangeRequest(config.estate(), state.changes().dnsSide(),
        changeId)))) {
      Duration left = Duration.between(WorkflowClock.now(), deadline);
      if (left.isNegative() || left.isZero()) {
        throw new CutoverAbort("Route53 change " + changeId + " (" + what + " of " + dns.name()
            + ") still PENDING after " + Duration.between(began, WorkflowClock.now()).toSeconds() + "s");
      }
      Workflow.await(pause.compareTo(left) < 0 ? pause : left, desk::rollbackRequested);
      desk.checkRollback();
      pause = pause.multipliedBy(2).compareTo(LONGEST_POLL) < 0 ? pause.multipliedBy(2) : LONGEST_POLL;
    }
    return Duration.between(began, WorkflowClock.now());
  }
}
