package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.config.AlarmSelector;
import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.config.BucketMapping;
import com.avesa.cutover.workflows.config.CopyMode;
import com.avesa.cutover.workflows.config.CutoverConfig;
import com.avesa.cutover.workflows.config.DataConfig;
import com.avesa.cutover.workflows.config.DnsConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.config.SecretFilter;
import com.avesa.cutover.workflows.config.SmokeTest;
import com.avesa.cutover.workflows.config.TableMapping;
import com.avesa.cutover.workflows.estate.AccountConfig;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.gate.Approval;
import com.avesa.cutover.workflows.migration.AccountActivities;
import com.avesa.cutover.workflows.migration.AccountCheck;
import com.avesa.cutover.workflows.sync.SyncHold;
import com.avesa.cutover.workflows.sync.SyncHoldRequest;
import com.avesa.cutover.workflows.sync.SyncScheduleActivities;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

/**
 * Mocked cutover activities that answer like a healthy estate and write every call, in order, to
 * one {@link #journal} (which {@link ScriptedMigration} writes its runs to as well), so a test can
 * assert the exact order of the steps and of the compensations.
 */
final class CutoverFixtures {
  static final List<String> SOURCE_RULES = List.of("ConnectWiseIngestionSchedule", "CanonicalTransformTicketsSchedule");
  static final List<String> TARGET_RULES = List.of("ConnectWiseIngestionSchedule", "CanonicalTransformTicketsSchedule");
  static final String SOURCE_FUNCTION = "avesa-connectwise-ingestion";
  static final DnsRecordSet SHARED_DNS = new DnsRecordSet(true, "api.example.com", "CNAME", 60L,
      List.of("api-shared.example.com"), null, null, null);

  final List<String> journal = Collections.synchronizedList(new ArrayList<>());
  final CutoverActivities cutover = mock(CutoverActivities.class, withSettings().withoutAnnotations());
  final AccountActivities accounts = mock(AccountActivities.class, withSettings().withoutAnnotations());
  final SyncScheduleActivities schedules = mock(SyncScheduleActivities.class, withSettings().withoutAnnotations());
  final DataFlowActivities dataFlow = mock(DataFlowActivities.class, withSettings().withoutAnnotations());

  CutoverFixtures() {
    ScriptedMigration.journal = journal;
    ScriptedMigration.syncTakes = Duration.ZERO;
    ScriptedMigration.reverseFails = false;
    lenient().when(accounts.verifyAccess(any())).thenReturn(
        new AccountCheck("123456789012", "arn:src", "987654321098", "arn:dst"));
    lenient().when(schedules.describeSync(any())).thenAnswer(i -> {
      SyncHoldRequest r = i.getArgument(0);
      journal.add("describe sync " + r.scheduleId());
      return new SyncHold(r.scheduleId(), SyncHold.Kind.SCHEDULE, false, null, null, r.note());
    });
    lenient().doAnswer(i -> {
      journal.add("hold sync");
      return null;
    }).when(schedules).holdSync(any());
    lenient().doAnswer(i -> {
      journal.add("release sync");
      return null;
    }).when(schedules).releaseSync(any());
    lenient().when(cutover.checkCutover(any())).thenAnswer(i -> {
      journal.add("preflight");
      return new CutoverPreflight(List.of(), Side.SOURCE);
    });
    lenient().when(cutover.describeRules(any())).thenAnswer(i -> {
      RulesRequest r = i.getArgument(0);
      journal.add("describe " + r.side());
      return r.side() == Side.SOURCE ? new RuleStates(r.names(), List.of()) : new RuleStates(List.of(), r.names());
    });
    lenient().doAnswer(i -> {
      RuleChange c = i.getArgument(0);
      journal.add((c.enabled() ? "enable " : "disable ") + c.side() + " " + c.names());
      return null;
    }).when(cutover).setRulesEnabled(any());
    lenient().when(cutover.readDnsRecord(any())).thenAnswer(i -> {
      journal.add("read dns");
      return SHARED_DNS;
    });
    lenient().doAnswer(i -> {
      DnsChange c = i.getArgument(0);
      journal.add("dns " + c.side() + " " + c.desired().values() + " ttl " + c.desired().ttl());
      return "C" + journal.size();
    }).when(cutover).writeDnsRecord(any());
    lenient().when(cutover.dnsChangeStatus(any())).thenReturn(DnsSwitch.INSYNC);
    lenient().when(cutover.invokeFunction(any())).thenAnswer(i -> {
      SmokeTestRequest r = i.getArgument(0);
      journal.add("invoke " + r.function());
      return new SmokeTestResult(r.function(), 200, null, r.payload());
    });
    lenient().when(cutover.checkAlarms(any())).thenAnswer(i -> {
      journal.add("alarms");
      return new AlarmCheck(1, List.of());
    });
    lenient().when(dataFlow.readSourceInvocations(any())).thenAnswer(i -> {
      journal.add("read source invocations");
      return new SourceInvocations(List.of(new SourceInvocations.FunctionLoad(SOURCE_FUNCTION, 0.0, 300)), List.of());
    });
    lenient().when(dataFlow.readDataFlow(any())).thenAnswer(i -> {
      journal.add("read data flow");
      return new DataFlowCheck(List.of("t1"), List.of("t1"), List.of("avesa-connectwise-ingestion-prod"), 3, 0);
    });
    lenient().doAnswer(i -> {
      Notice n = i.getArgument(0);
      journal.add("notify " + n.subject());
      return null;
    }).when(cutover).notify(any());
  }

  Object[] activities() {
    return new Object[] {cutover, accounts, schedules, dataFlow};
  }

  /** The test server with the cutover and a scripted migration registered, started by {@link #runApproved}. */
  static TestWorkflowExtension testWorkflow() {
    return TestWorkflowExtension.newBuilder()
        .registerWorkflowImplementationTypes(CutoverWorkflowImpl.class, ScriptedMigration.class)
        .setDoNotStart(true)
        .build();
  }

  /** Starts cutover {@code id} on these activities, approves its gate as alice and waits for its report. */
  CutoverReport runApproved(TestWorkflowEnvironment env, Worker worker, String id, MigrationConfig config) {
    CutoverWorkflow workflow = CutoverScenarios.startAtGate(env, worker, this, id, config);
    workflow.approveGate(new Approval(Gates.CUTOVER, "alice", "CAB-1", "now"));
    return WorkflowStub.fromTyped(workflow).getResult(CutoverReport.class);
  }

  /** Calls made after the first one that starts with {@code prefix} (inclusive). */
  List<String> journalFrom(String prefix) {
    synchronized (journal) {
      for (int i = 0; i < journal.size(); i++) {
        if (journal.get(i).startsWith(prefix)) {
          return List.copyOf(journal.subList(i, journal.size()));
        }
      }
      return List.of();
    }
  }

  static MigrationConfig config(ApprovalsConfig approvals) {
    return config(cutoverConfig(), approvals);
  }

  static MigrationConfig config(CutoverConfig cutover, ApprovalsConfig approvals) {
    return new MigrationConfig("avesa-test", "us-east-1", "http://127.0.0.1:5000",
        new AccountConfig("123456789012", null, null, null),
        new AccountConfig("987654321098", null, "arn:aws:iam::987654321098:role/AVESADeploymentRole", "ext-id"),
        new DataConfig(List.of(new BucketMapping("data-storage-msp", "data-storage-msp-prod", List.of())),
            List.of(new TableMapping("TenantServices-prod", "TenantServices")),
            new SecretFilter(List.of("tenant/*/prod")), 8, CopyMode.AUTO, 2),
        cutover, approvals);
  }

  /** The example: 4 h window, 2 h monitoring every 5 min, 30 min rollback budget. */
  static CutoverConfig cutoverConfig() {
    return new CutoverConfig(Duration.ofHours(4), Duration.ofHours(2), Duration.ofMinutes(5), Duration.ofMinutes(30),
        SOURCE_RULES, TARGET_RULES,
        new DnsConfig("Z123", "api.example.com", "CNAME", "api-prod.example.com", 60, null),
        List.of(new SmokeTest("avesa-connectwise-ingestion-prod", "{\"test\":true}")),
        new AlarmSelector(List.of(), "LambdaErrorAlarm-"), "arn:aws:sns:us-east-1:987654321098:avesa-alerts");
  }

  static ApprovalsConfig approvals(int required, boolean signOff, String... approvers) {
    return new ApprovalsConfig(List.of(approvers), required, true, signOff, Duration.ofDays(7));
  }
}
