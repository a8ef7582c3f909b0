package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.run.CutoverStep;
import com.avesa.cutover.workflows.run.RunIds;
import com.avesa.cutover.workflows.run.RunKind;
import com.avesa.cutover.workflows.sync.SyncHold;
import com.google.protobuf.Timestamp;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.converter.DataConverter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a cutover run changed, read from its event history rather than from its state: for a run
 * that cannot answer its {@code progress} query or return a report (its workflow task fails after
 * a deploy, or it was terminated). Payloads are decoded with the client's data converter, so an
 * encrypted history reads the same as a plain one.
 *
 * <p>Each change is recognised by the activity that makes it, and counted as made as soon as that
 * activity was <em>scheduled</em>: one scheduled but never completed may have acted on AWS before
 * the run stopped. Its compensation is registered as if it had; every compensation is idempotent
 * (rules set to a state, a record written as it was, a Schedule unpaused only when paused, a cron
 * workflow started only when not running, a reverse sync copying only what differs), so undoing
 * a change that did not happen changes nothing. A compensation the run itself completed is DONE.
 */
public final class CutoverHistory {
  private static final String HOLD_SYNC = "HoldSync";
  private static final String RELEASE_SYNC = "ReleaseSync";
  private static final String SET_RULES = "SetRulesEnabled";
  private static final String READ_DNS = "ReadDnsRecord";
  private static final String WRITE_DNS = "WriteDnsRecord";

  private final String workflowId;
  private final DataConverter converter;
  private String workflowType;
  private CutoverInput input;
  private String finalSyncId;
  private CutoverChanges changes = CutoverChanges.none();
  private DnsRecordSet dnsRead;
  private boolean dnsSwitched;
  private final Map<String, CompensationRecord> compensations = new LinkedHashMap<>();
  private final Map<String, String> unconfirmed = new LinkedHashMap<>();
  private final Map<String, Duration> unconfirmedTimeouts = new HashMap<>();

  /** One activity as the history shows it: its input, and its result once completed. */
  private record Activity(String type, Payloads input, Instant scheduledAt, Duration startToClose, boolean completed,
      Payloads result) {}

  private CutoverHistory(String workflowId, DataConverter converter) {
    this.workflowId = workflowId;
    this.converter = converter;
  }

  /**
   * Reads the history of the run {@code workflowId}.
   *
   * @throws io.temporal.common.converter.DataConverterException when a payload cannot be decoded
   *     (e.g. encrypted under a key the converter lacks)
   */
  public static CutoverHistory read(String workflowId, List<HistoryEvent> events, DataConverter converter) {
    CutoverHistory history = new CutoverHistory(workflowId, converter);
    history.replay(events);
    return history;
  }

  /** The run's workflow type, e.g. {@code CutoverWorkflow}. */
  public String workflowType() {
    return workflowType;
  }

  public boolean isCutover() {
    return RunKind.CUTOVER.workflowType().equals(workflowType) && input != null;
  }

  /** True when the run made a change a rollback has to undo (some compensation is not DONE). */
  public boolean leftChanges() {
    return compensations.values().stream().anyMatch(c -> c.status() != CompensationRecord.Status.DONE);
  }

  /**
   * The compensations registered for changes whose activity was scheduled but never completed
   * (done on AWS or not: unknown), one line each.
   */
  public List<String> unconfirmed() {
    return unconfirmed.entrySet().stream()
        .filter(u -> compensations.get(u.getKey()).status() != CompensationRecord.Status.DONE)
        .map(Map.Entry::getValue).toList();
  }

  /**
   * How long an attempt of an {@link #unconfirmed()} activity may still run on a worker after the
   * run stopped (its start-to-close timeout; a worker does not stop an attempt when the run ends):
   * undoing before that bound passed could be overtaken by the late attempt. Zero when none.
   */
  public Duration unconfirmedBound() {
    return unconfirmedTimeouts.entrySet().stream()
        .filter(u -> compensations.get(u.getKey()).status() != CompensationRecord.Status.DONE)
        .map(Map.Entry::getValue).max(Duration::compareTo).orElse(Duration.ZERO);
  }

  /**
   * The report a {@link RollbackWorkflow} undoes: the run's config, its changes and its
   * compensations in the order the run registered them (those it completed itself DONE). The
   * outcome is {@link Outcome#RUNNING}: the run never ended with one.
   *
   * @param status how the run stands, e.g. TERMINATED (the report's phase)
   */
  public CutoverReport undo(String status) {
    if (!isCutover()) {
      throw new IllegalStateException(workflowId + " is a " + workflowType + ", not a cutover");
    }
    return new CutoverReport(workflowId, RunKind.CUTOVER, input.config().name(), Outcome.RUNNING, status,
        "rebuilt from the run's history", input.requestedBy(), null, 0, null, null, null, List.of(), List.of(),
        List.copyOf(compensations.values()), List.of(), changes, finalSyncId, null, input.config());
  }

  private void replay(List<HistoryEvent> events) {
    Map<Long, Payloads> results = new HashMap<>();
    for (HistoryEvent event : events) {
      if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED) {
        var a = event.getActivityTaskCompletedEventAttributes();
        results.put(a.getScheduledEventId(), a.getResult());
      }
    }
    for (HistoryEvent event : events) {
      switch (event.getEventType()) {
        case EVENT_TYPE_WORKFLOW_EXECUTION_STARTED -> started(event);
        case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> {
          if (isCutover()) {
            var a = event.getActivityTaskScheduledEventAttributes();
            changed(new Activity(a.getActivityType().getName(), a.getInput(), instant(event.getEventTime()),
                Duration.ofSeconds(a.getStartToCloseTimeout().getSeconds(), a.getStartToCloseTimeout().getNanos()),
                results.containsKey(event.getEventId()), results.get(event.getEventId())));
          }
        }
        case EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED -> {
          String child = event.getStartChildWorkflowExecutionInitiatedEventAttributes().getWorkflowId();
          if (RunIds.isFinalSyncChild(child)) {
            finalSyncId = child;
          }
        }
        case EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_COMPLETED -> {
          String child = event.getChildWorkflowExecutionCompletedEventAttributes().getWorkflowExecution().getWorkflowId();
          if (RunIds.isReverseSyncChild(child)) {
            done(CutoverUndo.REVERSE_SYNC, instant(event.getEventTime()));
          }
        }
        default -> { }
      }
    }
  }

  private void started(HistoryEvent event) {
    var a = event.getWorkflowExecutionStartedEventAttributes();
    workflowType = a.getWorkflowType().getName();
    if (RunKind.CUTOVER.workflowType().equals(workflowType)) {
      input = decode(a.getInput(), CutoverInput.class);
    }
  }

  /** What one activity changed, in the order the run's steps register their compensations. */
  private void changed(Activity a) {
    switch (a.type()) {
      case HOLD_SYNC -> {
        changes = changes.withSyncHold(decode(a.input(), SyncHold.class));
        register(CutoverUndo.RESUME_SCHEDULED_SYNC, CutoverStep.HOLD_SCHEDULED_SYNC, a);
      }
      case RELEASE_SYNC -> doneIf(a, CutoverUndo.RESUME_SCHEDULED_SYNC);
      case SET_RULES -> rulesChanged(a, decode(a.input(), RuleChange.class));
      case READ_DNS -> dnsRead = a.completed() ? decode(a.result(), DnsRecordSet.class) : null;
      case WRITE_DNS -> dnsWritten(a, decode(a.input(), DnsChange.class));
      default -> { }
    }
  }

  /**
   * A record write. From {@code dns-ttl-insync} on each write names its purpose; before, the first
   * write after a read was the switch and any later one the restore.
   */
  private void dnsWritten(Activity a, DnsChange change) {
    String purpose = change.purpose();
    if (DnsChange.LOWER_TTL.equals(purpose) && dnsRead != null) {
      changes = changes.withLoweredDns(change.side(), change.hostedZoneId(), dnsRead, change.desired(),
          a.scheduledAt());
      register(CutoverUndo.RESTORE_DNS_TTL, CutoverStep.LOWER_DNS_TTL, a);
    } else if (DnsChange.RESTORE_TTL.equals(purpose)) {
      doneIf(a, CutoverUndo.RESTORE_DNS_TTL);
    } else if (DnsChange.RESTORE.equals(purpose) || (purpose == null && dnsSwitched)) {
      doneIf(a, CutoverUndo.RESTORE_DNS);
    } else if (!dnsSwitched && (dnsRead != null || changes.loweredDns() != null)) {
      // after a lowering the switch does not read again: the record before the run is the one to restore
      DnsRecordSet previous = changes.loweredDns() != null ? changes.previousDns() : dnsRead;
      dnsSwitched = true;
      changes = new CutoverChanges(changes.sourceRulesDisabled(), changes.targetRulesEnabled(), change.side(),
          change.hostedZoneId(), previous, change.desired(), changes.changesBegan(), changes.syncHold(),
          changes.loweredDns(), changes.dnsTtlLoweredAt());
      register(CutoverUndo.REVERSE_SYNC, CutoverStep.SWITCH_DNS, a);
      register(CutoverUndo.RESTORE_DNS, CutoverStep.SWITCH_DNS, a);
    }
  }

  private void rulesChanged(Activity a, RuleChange change) {
    if (change.side() == Side.SOURCE && !change.enabled()) {
      changes = changes.withSourceRulesDisabled(change.names(), a.scheduledAt());
      register(CutoverUndo.ENABLE_SOURCE_INGESTION, CutoverStep.DISABLE_SOURCE_INGESTION, a);
    } else if (change.side() == Side.TARGET && change.enabled()) {
      if (input.config().cutover() != null && input.config().cutover().dns() == null) {
        register(CutoverUndo.REVERSE_SYNC, CutoverStep.ENABLE_TARGET_INGESTION, a);
      }
      changes = changes.withTargetRulesEnabled(change.names());
      register(CutoverUndo.DISABLE_TARGET_INGESTION, CutoverStep.ENABLE_TARGET_INGESTION, a);
    } else if (change.side() == Side.SOURCE) {
      doneIf(a, CutoverUndo.ENABLE_SOURCE_INGESTION);
    } else {
      doneIf(a, CutoverUndo.DISABLE_TARGET_INGESTION);
    }
  }

  private void register(String name, CutoverStep step, Activity a) {
    compensations.putIfAbsent(name, new CompensationRecord(name, step, CompensationRecord.Status.REGISTERED, a.scheduledAt(),
        null));
    if (!a.completed()) {
      unconfirmed.putIfAbsent(name, name + " (undoes " + step + "): " + a.type() + " was scheduled, its result is unknown");
      unconfirmedTimeouts.merge(name, a.startToClose(), (x, y) -> x.compareTo(y) >= 0 ? x : y);
    }
  }

  private void doneIf(Activity a, String name) {
    if (a.completed()) {
      done(name, a.scheduledAt());
    }
  }

  /** A compensation the run itself completed: the rollback skips it. */
  private void done(String name, Instant at) {
    CompensationRecord c = compensations.get(name);
    if (c != null) {
      compensations.put(name, new CompensationRecord(name, c.undoes(), CompensationRecord.Status.DONE, at,
          "done by the run itself"));
    }
  }

  private <T> T decode(Payloads payloads, Class<T> type) {
    return converter.fromPayloads(0, Optional.of(payloads), type, type);
  }

  private static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }
}
