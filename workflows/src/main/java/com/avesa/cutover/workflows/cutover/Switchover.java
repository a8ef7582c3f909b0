package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.ActivityRetries;
import com.avesa.cutover.workflows.config.CutoverConfig;
import com.avesa.cutover.workflows.config.DnsConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.run.CutoverStep;
import com.avesa.cutover.workflows.run.RunIds;
import com.avesa.cutover.workflows.run.WorkflowClock;
import com.avesa.cutover.workflows.sync.SyncHold;
import com.avesa.cutover.workflows.sync.SyncHoldRequest;
import com.avesa.cutover.workflows.sync.SyncScheduleActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Steps 4, 6 and 7, the switch itself: hold the periodic final sync, stop source ingestion, point DNS at the target, start
 * target ingestion. Each reads what it is about to change, records it in the run's
 * {@link CutoverChanges}, registers its compensation, and only then acts.
 */
final class Switchover {
  private final ActivityOptions options = ActivityOptions.newBuilder()
      .setStartToCloseTimeout(Duration.ofMinutes(2))
      .setRetryOptions(ActivityRetries.transientErrors(Duration.ofSeconds(30), 10))
      .build();
  private final CutoverActivities cutover = Workflow.newActivityStub(CutoverActivities.class, options);
  private final SyncScheduleActivities schedules = Workflow.newActivityStub(SyncScheduleActivities.class, options);

  private final MigrationConfig config;
  private final CutoverConfig plan;
  private final CutoverState state;
  private final Compensations compensations;
  private final CutoverUndo undo;

  Switchover(MigrationConfig config, CutoverState state, Compensations compensations, CutoverUndo undo) {
    this.config = config;
    this.plan = config.cutover();
    this.state = state;
    this.compensations = compensations;
    this.undo = undo;
  }

  /**
   * Holds the periodic final sync for the window (paused Schedule, or stopped cron workflow). After
   * CUT_OVER it stays held: a source-to-target sync would overwrite what the live target receives.
   */
  void holdScheduledSync(int step) {
    String id = plan.syncSchedule() != null ? plan.syncSchedule() : RunIds.finalSyncSchedule(config.name());
    SyncHold hold = schedules.describeSync(new SyncHoldRequest(id, "held by cutover " + Workflow.getInfo().getWorkflowId()));
    if (hold.kind() == SyncHold.Kind.NONE) {
      state.stepDone(step, "no periodic final sync " + id + " to hold");
      return;
    }
    state.changes(state.changes().withSyncHold(hold));
    compensations.register(CutoverUndo.RESUME_SCHEDULED_SYNC, CutoverStep.HOLD_SCHEDULED_SYNC,
        undo.action(CutoverUndo.RESUME_SCHEDULED_SYNC));
    schedules.holdSync(hold);
    state.stepDone(step, hold.kind() == SyncHold.Kind.SCHEDULE
        ? "paused Schedule " + id + (hold.pausedBefore() ? " (it was already paused)" : "")
        : "stopped cron workflow " + id + " (" + hold.cronSchedule() + "); it cannot be paused");
  }

  void stopSourceIngestion(int step) {
    RuleStates before = cutover.describeRules(new RulesRequest(config.estate(), Side.SOURCE, plan.sourceRules()));
    CutoverChanges c = state.changes();
    state.changes(c.withSourceRulesDisabled(before.enabled(), WorkflowClock.now()));
    compensations.register(CutoverUndo.ENABLE_SOURCE_INGESTION, CutoverStep.DISABLE_SOURCE_INGESTION,
        undo.action(CutoverUndo.ENABLE_SOURCE_INGESTION));
    cutover.setRulesEnabled(new RuleChange(config.estate(), Side.SOURCE, before.enabled(), false));
    state.stepDone(step, "disabled " + before.enabled() + (before.disabled().isEmpty() ? ""
        : "; already disabled " + before.disabled()));
  }

  void switchDns(int step) {
    DnsConfig dns = plan.dns();
    CutoverChanges c = state.changes();
    DnsRecordSet previous = cutover.readDnsRecord(
        new DnsRequest(config.estate(), c.dnsSide(), dns.hostedZoneId(), dns.name(), dns.type()));
    DnsRecordSet applied = DnsRecordSet.simple(dns.name(), dns.type(), dns.ttl(), dns.value());
    state.changes(c.withDns(dns.hostedZoneId(), previous, applied));
    compensations.register(CutoverUndo.REVERSE_SYNC, CutoverStep.SWITCH_DNS, undo.action(CutoverUndo.REVERSE_SYNC));
    compensations.register(CutoverUndo.RESTORE_DNS, CutoverStep.SWITCH_DNS, undo.action(CutoverUndo.RESTORE_DNS));
    cutover.writeDnsRecord(new DnsChange(config.estate(), c.dnsSide(), dns.hostedZoneId(), applied));
    state.stepDone(step, dns.name() + " " + dns.type() + " → " + dns.value() + " ttl " + dns.ttl()
        + (previous.exists() ? " (was " + CutoverUndo.describe(previous) + ")" : " (new record)"));
  }

  void startTargetIngestion(int step) {
    if (plan.dns() == null) {
      // Without a DNS switch the target starts receiving data here: register the copy back first.
      compensations.register(CutoverUndo.REVERSE_SYNC, CutoverStep.ENABLE_TARGET_INGESTION, undo.action(CutoverUndo.REVERSE_SYNC));
    }
    RuleStates before = cutover.describeRules(new RulesRequest(config.estate(), Side.TARGET, plan.targetRules()));
    CutoverChanges c = state.changes();
    state.changes(c.withTargetRulesEnabled(before.disabled()));
    compensations.register(CutoverUndo.DISABLE_TARGET_INGESTION, CutoverStep.ENABLE_TARGET_INGESTION,
        undo.action(CutoverUndo.DISABLE_TARGET_INGESTION));
    cutover.setRulesEnabled(new RuleChange(config.estate(), Side.TARGET, before.disabled(), true));
    state.stepDone(step, "enabled " + before.disabled() + (before.enabled().isEmpty() ? ""
        : "; already enabled " + before.enabled()));
  }
}
