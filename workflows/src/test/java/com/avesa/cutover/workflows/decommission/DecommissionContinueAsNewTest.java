package com.avesa.cutover.workflows.decommission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.config.DecommissionConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.gate.Approval;
import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.runbook.PhaseInput;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import com.avesa.cutover.workflows.runbook.PhaseProgress;
import com.avesa.cutover.workflows.runbook.Phases;
import com.google.protobuf.Timestamp;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkflowImplementationOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A 20,000-key bucket listed 20 keys a page (1,000 archive pages) and 300 tables to remove: about
 * 8,000 events as one run. With the default budget every run of the chain stays under 2,000
 * events, and the chain ends exactly as one unbounded run does.
 */
@Timeout(300)
class DecommissionContinueAsNewTest {
  private static final long KEYS = 20_000;
  private static final int KEYS_PER_PAGE = 20;
  private static final List<String> TABLES = IntStream.range(0, 300).mapToObj(i -> "tenant-" + i + "-prod").toList();
  private static final String SINGLE_RUN_QUEUE = "decommission-single-run";

  @RegisterExtension
  final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(DecommissionWorkflowImpl.class)
      .setDoNotStart(true)
      .build();

  @Test
  void aTwentyThousandKeyArchiveAndItsRemovalsStayUnderTwoThousandEventsPerRunAndEndAsOneRunWould(
      TestWorkflowEnvironment env, Worker worker) throws Exception {
    PagedSource chained = new PagedSource(KEYS, KEYS_PER_PAGE);
    PagedSource unbounded = new PagedSource(KEYS, KEYS_PER_PAGE);
    worker.registerActivitiesImplementations(chained.activities);
    Worker single = env.newWorker(SINGLE_RUN_QUEUE);
    single.registerWorkflowImplementationFactory(DecommissionWorkflow.class,
        values -> new DecommissionWorkflowImpl(DecommissionWorkflowImpl.UNBOUNDED,
            values.get(0, PhaseInput.class), values.get(1, DecommissionCheckpoint.class)),
        WorkflowImplementationOptions.getDefaultInstance());
    single.registerActivitiesImplementations(unbounded.activities);
    env.start();

    Finished chain = runToTheEnd(env, worker.getTaskQueue(), "decommission-chained", chained);
    Finished one = runToTheEnd(env, SINGLE_RUN_QUEUE, "decommission-one-run", unbounded);

    assertThat(events(one.runs)).singleElement().satisfies(n -> assertThat(n).isGreaterThan(7_000));
    assertThat(events(chain.runs)).hasSizeGreaterThanOrEqualTo(5).allSatisfy(n -> assertThat(n).isLessThan(2_000));
    assertThat(chain.runs.subList(0, chain.runs.size() - 1)).extracting(run -> run.getLastEvent().getEventType())
        .containsOnly(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
    assertThat(chain.runs.stream().filter(run -> scheduled(run, "ArchivePage") > 0)).hasSizeGreaterThan(2);
    assertThat(chain.runs.stream().filter(run -> scheduled(run, "RemoveTable") > 0)).hasSizeGreaterThan(1);
    assertThat(chain.runs.stream().mapToLong(run -> scheduled(run, "ArchivePage")).sum()).isEqualTo(1_000);
    assertThat(chain.signalledRun).isLessThan(chain.runs.size() - 1);
    assertThat(chained.journal).hasSize(1 + 1_000 + 1 + 1 + 300 + 1).containsExactlyElementsOf(unbounded.journal);

    assertThat(comparable(chain.report)).isEqualTo(comparable(one.report));
    assertThat(chain.report.outcome()).isEqualTo(PhaseOutcome.SUCCEEDED);
    assertThat(chain.report.archives()).containsExactly(new ArchiveRecord(DecommissionFixtures.BUCKET,
        DecommissionFixtures.ARCHIVE, DecommissionFixtures.BUCKET + "/", "GLACIER", KEYS, KEYS / 2, KEYS * 1_000, true));
    assertThat(chain.report.approvals()).extracting(ApprovalRecord::approver, ApprovalRecord::decision)
        .containsExactly(tuple("bob", ApprovalRecord.Decision.REFUSED), tuple("alice", ApprovalRecord.Decision.APPROVED));
    assertThat(chain.report.changed()).hasSize(1 + 1 + 1 + 300 + 1);
    assertThat(chain.report.unchanged()).containsExactly(
        new PhaseItem("s3 bucket " + DecommissionFixtures.ARCHIVE, PhaseItem.IN_PLACE));
    assertThat(chain.report.started()).isBetween(startOf(chain.runs.get(0)).minusSeconds(1), startOf(chain.runs.get(1)));
    assertThat(Duration.between(chain.report.started(), chain.report.retentionEnds()))
        .isBetween(Duration.ofDays(30), Duration.ofDays(30).plusMinutes(5));
  }

  /** Every run of a fresh chain, the ones that continued as new and the last, replays against today's code. */
  @Test
  void everyRunOfAChainThatContinuedAsNewReplays(TestWorkflowEnvironment env, Worker worker) throws Exception {
    PagedSource source = new PagedSource(6_000, KEYS_PER_PAGE);
    worker.registerActivitiesImplementations(source.activities);
    env.start();

    Finished chain = runToTheEnd(env, worker.getTaskQueue(), "decommission-replayed", source);

    assertThat(chain.runs).hasSizeGreaterThanOrEqualTo(2);
    assertThat(chain.runs.get(0).getEvents()).as("the first run's events").anyMatch(e -> e.getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED);
    for (WorkflowExecutionHistory run : chain.runs) {
      WorkflowReplayer.replayWorkflowExecution(run, DecommissionWorkflowImpl.class);
    }
  }

  @Test
  void cancellingAfterAContinueAsNewEndsCancelledWithNothingRemoved(TestWorkflowEnvironment env, Worker worker)
      throws Exception {
    PagedSource source = new PagedSource(12_000, KEYS_PER_PAGE);
    source.holdFrom = 400 * KEYS_PER_PAGE;
    worker.registerActivitiesImplementations(source.activities);
    env.start();
    WorkflowClient client = env.getWorkflowClient();
    DecommissionWorkflow first = client.newWorkflowStub(DecommissionWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).setWorkflowId("decommission-cancelled").build());
    WorkflowExecution started = WorkflowClient.start(first::decommission,
        new PhaseInput(DecommissionFixtures.config(ApprovalsConfig.defaults()), "carol"), null);
    assertThat(source.held.await(120, TimeUnit.SECONDS)).isTrue();
    DecommissionWorkflow byId = client.newWorkflowStub(DecommissionWorkflow.class, "decommission-cancelled");

    WorkflowStub.fromTyped(byId).cancel();

    assertThatThrownBy(() -> WorkflowStub.fromTyped(byId).getResult(DecommissionReport.class))
        .isInstanceOf(WorkflowFailedException.class).hasCauseInstanceOf(CanceledFailure.class);
    source.release.countDown();
    PhaseProgress last = byId.progress();
    assertThat(last.outcome()).isEqualTo(PhaseOutcome.CANCELLED);
    assertThat(last.problems()).containsExactly("cancelled during ARCHIVE; nothing was removed");
    assertThat(runs(client, "decommission-cancelled", started.getRunId())).hasSizeGreaterThanOrEqualTo(2);
    assertThat(source.journal).noneMatch(call -> call.startsWith("remove"));
  }

  /** How the run ended, its runs in order, and which run received the early signal (index). */
  private record Finished(DecommissionReport report, List<WorkflowExecutionHistory> runs, int signalledRun) {}

  /**
   * Starts the decommission, signals an approval while it archives (refused: no gate is pending),
   * waits out the retention, approves the gate by workflow id and waits for the chain's end.
   */
  private static Finished runToTheEnd(TestWorkflowEnvironment env, String taskQueue, String id, PagedSource source) {
    WorkflowClient client = env.getWorkflowClient();
    MigrationConfig config = DecommissionFixtures.config(ApprovalsConfig.defaults(),
        new DecommissionConfig.Removal(List.of(DecommissionFixtures.RULE), List.of(DecommissionFixtures.FUNCTION),
            TABLES, true));
    DecommissionWorkflow first = client.newWorkflowStub(DecommissionWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(taskQueue).setWorkflowId(id).build());
    WorkflowExecution started = WorkflowClient.start(first::decommission, new PhaseInput(config, "carol"), null);
    DecommissionWorkflow byId = client.newWorkflowStub(DecommissionWorkflow.class, id);
    await().atMost(Duration.ofSeconds(60)).until(() -> source.archivePages() >= 10);
    byId.approve(new Approval(Phases.DECOMMISSION_GATE, "bob", "too early", null));
    // Queries only once the archive is done: every query costs the run a workflow task.
    await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
        .until(() -> source.archivePages() == source.pages());
    awaitPhase(byId, DecommissionState.RETENTION);
    env.sleep(Duration.ofDays(30).plusHours(1));
    await().atMost(Duration.ofSeconds(60)).until(() -> Phases.DECOMMISSION_GATE.equals(byId.progress().pendingGate()));
    byId.approveGate(new Approval(Phases.DECOMMISSION_GATE, "alice", "CAB-789", null));
    DecommissionReport report = WorkflowStub.fromTyped(byId).getResult(DecommissionReport.class);
    List<WorkflowExecutionHistory> runs = runs(client, id, started.getRunId());
    int signalled = IntStream.range(0, runs.size()).filter(i -> runs.get(i).getEvents().stream()
        .anyMatch(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED)).findFirst().orElse(-1);
    return new Finished(report, runs, signalled);
  }

  private static void awaitPhase(DecommissionWorkflow workflow, String phase) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
      PhaseProgress p = workflow.progress();
      return p != null && phase.equals(p.phase());
    });
  }

  /** The runs of {@code id} from {@code firstRunId}, following each continue-as-new to its successor. */
  private static List<WorkflowExecutionHistory> runs(WorkflowClient client, String id, String firstRunId) {
    List<WorkflowExecutionHistory> runs = new ArrayList<>();
    String runId = firstRunId;
    while (runId != null) {
      WorkflowExecutionHistory run = client.fetchHistory(id, runId);
      runs.add(run);
      HistoryEvent last = run.getLastEvent();
      runId = last.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW
          ? last.getWorkflowExecutionContinuedAsNewEventAttributes().getNewExecutionRunId() : null;
    }
    return runs;
  }

  private static List<Integer> events(List<WorkflowExecutionHistory> runs) {
    return runs.stream().map(run -> run.getEvents().size()).toList();
  }

  private static Instant startOf(WorkflowExecutionHistory run) {
    Timestamp time = run.getEvents().get(0).getEventTime();
    return Instant.ofEpochSecond(time.getSeconds(), time.getNanos());
  }

  private static long scheduled(WorkflowExecutionHistory run, String activityType) {
    return run.getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
        .filter(e -> e.getActivityTaskScheduledEventAttributes().getActivityType().getName().equals(activityType))
        .count();
  }

  /**
   * The report without what differs between two runs by construction: ids and clock readings (the
   * archive takes real seconds, so even the retention's end moves).
   */
  private static List<Object> comparable(DecommissionReport report) {
    return List.of(report.outcome(), report.archives(),
        report.approvals().stream().map(a -> List.of(a.gate(), a.approver(), a.decision(), String.valueOf(a.reason()),
            String.valueOf(a.note()))).toList(),
        report.changed(), report.unchanged(), report.problems());
  }
}
