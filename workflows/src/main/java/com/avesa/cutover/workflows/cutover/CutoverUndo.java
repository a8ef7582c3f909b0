package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.ActivityRetries;
import com.avesa.cutover.workflows.Deadlines;
import com.avesa.cutover.workflows.config.CutoverConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.migration.DataMigrationWorkflow;
import com.avesa.cutover.workflows.migration.MigrationInput;
import com.avesa.cutover.workflows.migration.MigrationReport;
import com.avesa.cutover.workflows.migration.Mode;
import com.avesa.cutover.workflows.run.RunIds;
import com.avesa.cutover.workflows.run.WorkflowClock;
import com.avesa.cutover.workflows.sync.SyncHold;
import com.avesa.cutover.workflows.sync.SyncScheduleActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;

/**
 * The compensations of a cutover, by name, shared by {@link CutoverWorkflowImpl} (its saga) and
 * {@link RollbackWorkflowImpl} (after the run). Each reads the run's {@link CutoverChanges} when it
 * runs, so it undoes exactly what the step did.
 */
final class CutoverUndo {
  static final String RESUME_SCHEDULED_SYNC = "resumeScheduledSync";
  static final String ENABLE_SOURCE_INGESTION = "enableSourceIngestion";
  static final String REVERSE_SYNC = "reverseSync";
  static final String RESTORE_DNS = "restoreDns";
  /** Undoes the TTL lowering before the window: the record as it was, old TTL included. */
  static final String RESTORE_DNS_TTL = "restoreDnsTtl";
  static final String DISABLE_TARGET_INGESTION = "disableTargetIngestion";

  /**
   * Every compensation is tried for at least this long, even when an earlier one used up the
   * rollback budget: a rollback never skips an undo, it only stops retrying one sooner.
   */
  static final Duration LEAST_PER_COMPENSATION = Duration.ofMinutes(2);

  // No attempt cap: a compensation retries throttling and outages alike until the rollback's
  // deadline (its ScheduleToClose); a minute between attempts keeps an hour's outage to ~60 calls.
  private static final RetryOptions UNTIL_THE_DEADLINE = ActivityRetries.transientErrors(Duration.ofMinutes(1), 0);

  private final Duration budget;
  private Instant deadline;

  private final CutoverState state;
  private final MigrationConfig config;

  CutoverUndo(CutoverState state, MigrationConfig config) {
    this.state = state;
    this.config = config;
    this.budget = config.cutover() == null ? CutoverConfig.DEFAULT_ROLLBACK_BUDGET : config.cutover().rollbackBudget();
  }

  /**
   * The options of a compensation's activities: retried until the rollback's deadline, which is
   * {@code cutover.rollbackBudget} after the first compensation starts. The whole rollback shares
   * the budget the window keeps for it, so a rollback started by the cutover ends inside the window
   * (it starts {@code rollbackBudget} before the window's end at the latest); a rollback after the
   * run ({@link RollbackWorkflowImpl}), whose window has passed, gets the same budget again.
   */
  private ActivityOptions options() {
    startBudget();
    Duration left = Deadlines.until(WorkflowClock.now(), deadline);
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(2))
        .setScheduleToCloseTimeout(left.compareTo(LEAST_PER_COMPENSATION) < 0 ? LEAST_PER_COMPENSATION : left)
        .setRetryOptions(UNTIL_THE_DEADLINE)
        .build();
  }

  private CutoverActivities activities() {
    return Workflow.newActivityStub(CutoverActivities.class, options());
  }

  /** The compensation called {@code name}; the first one run starts the rollback's budget. */
  Functions.Func<String> action(String name) {
    Functions.Func<String> undo = switch (name) {
      case RESUME_SCHEDULED_SYNC -> this::resumeScheduledSync;
      case ENABLE_SOURCE_INGESTION -> this::enableSourceIngestion;
      case REVERSE_SYNC -> this::reverseSync;
      case RESTORE_DNS -> this::restoreDns;
      case RESTORE_DNS_TTL -> this::restoreDnsTtl;
      case DISABLE_TARGET_INGESTION -> this::disableTargetIngestion;
      default -> throw new IllegalArgumentException("no compensation named " + name);
    };
    return () -> {
      startBudget();
      return undo.apply();
    };
  }

  private void startBudget() {
    if (deadline == null) {
      deadline = Deadlines.plus(WorkflowClock.now(), budget);
    }
  }

  String resumeScheduledSync() {
    SyncHold hold = state.changes().syncHold();
    Workflow.newActivityStub(SyncScheduleActivities.class, options()).releaseSync(hold);
    return hold.kind() == SyncHold.Kind.SCHEDULE
        ? (hold.pausedBefore() ? "left Schedule " + hold.scheduleId() + " paused, as it was"
            : "unpaused Schedule " + hold.scheduleId())
        : "started cron workflow " + hold.scheduleId() + " again (" + hold.cronSchedule() + ")";
  }

  String enableSourceIngestion() {
    var rules = state.changes().sourceRulesDisabled();
    activities().setRulesEnabled(new RuleChange(config.estate(), Side.SOURCE, rules, true));
    return "enabled source rules " + String.join(", ", rules);
  }

  String disableTargetIngestion() {
    var rules = state.changes().targetRulesEnabled();
    activities().setRulesEnabled(new RuleChange(config.estate(), Side.TARGET, rules, false));
    return "disabled target rules " + String.join(", ", rules);
  }

  String restoreDns() {
    return restore(DnsChange.RESTORE);
  }

  /**
   * After the TTL lowering: the record as it was before the run, old TTL included (a no-op when
   * {@link #restoreDns} already put it back).
   */
  String restoreDnsTtl() {
    return restore(DnsChange.RESTORE_TTL);
  }

  private String restore(String purpose) {
    CutoverChanges changes = state.changes();
    DnsRecordSet previous = changes.previousDns();
    activities().writeDnsRecord(new DnsChange(config.estate(), changes.dnsSide(), changes.hostedZoneId(), previous,
        purpose));
    return previous.exists()
        ? "restored " + previous.name() + " " + previous.type() + " " + describe(previous)
        : "deleted " + previous.name() + " " + previous.type() + " (it did not exist before)";
  }

  /** Copies what the target holds and the source lacks or has different back to the source. */
  String reverseSync() {
    String id = RunIds.reverseSyncChild(Workflow.getInfo().getWorkflowId());
    state.reverseSyncId(id);
    DataMigrationWorkflow reverse = Workflow.newChildWorkflowStub(DataMigrationWorkflow.class,
        ChildWorkflowOptions.newBuilder().setWorkflowId(id).build());
    MigrationReport report = reverse.migrate(MigrationInput.of(config, Mode.REVERSE));
    long objects = report.buckets().stream().mapToLong(b -> b.copied()).sum();
    long items = report.tables().stream().mapToLong(t -> t.copied()).sum();
    return "copied " + objects + " object(s), " + items + " item(s) and "
        + (report.secrets() == null ? 0 : report.secrets().copied())
        + " secret(s) from the target back to the source (" + id + ", verified)";
  }

  static String describe(DnsRecordSet record) {
    if (record.aliasDnsName() != null) {
      return "alias " + record.aliasDnsName() + " (zone " + record.aliasZoneId() + ")";
    }
    return String.join(",", record.values()) + " ttl " + record.ttl();
  }
}
