package com.avesa.cutover.workflows.migration;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;

import com.avesa.cutover.workflows.histories.Histories;
import com.avesa.cutover.workflows.histories.Scenario;
import io.temporal.activity.Activity;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The migration's recorded paths: a COPY that finished; a COPY held mid-page in a run after
 * continue-as-new; a mirror-mode SYNC that found extras and deleted one (version {@code target-extras});
 * a COPY whose listing was split into three ranges, two at a time (version {@code partitioned-listings}),
 * a SYNC whose table was planned from its size, verified by one scan of the target, and whose one
 * differing segment looked its keys up (version {@code table-segments-from-size}).
 */
public final class MigrationScenarios {
  private static final List<Class<?>> MIGRATION = List.of(DataMigrationWorkflowImpl.class);
  private static final int PAGES = 12;

  private MigrationScenarios() {}

  public static List<Scenario> all() {
    return List.of(
        Scenario.closed("data-migration-copy-done", MIGRATION, (env, worker, id) -> {
          worker.registerActivitiesImplementations(new MigrationFixtures().answering(3).activities());
          env.start();
          stub(env, worker, id).migrate(MigrationInput.of(MigrationFixtures.config(List.of("raw/")), Mode.COPY));
          return Histories.settled(env, id);
        }),
        Scenario.closed("data-migration-copy-partitioned", MIGRATION, (env, worker, id) -> {
          MigrationFixtures fx = new MigrationFixtures().answering(2);
          doReturn(MigrationFixtures.ranges(3)).when(fx.buckets).partitions(any());
          worker.registerActivitiesImplementations(fx.activities());
          env.start();
          stub(env, worker, id).migrate(MigrationInput.of(
              MigrationFixtures.partitioned(MigrationFixtures.config(List.of("raw/")), 2), Mode.COPY));
          return Histories.settled(env, id);
        }),
        Scenario.open("data-migration-copy-continued", MIGRATION, MigrationScenarios::heldAfterContinueAsNew),
        Scenario.closed("data-migration-sync-extras-deleted", MIGRATION, (env, worker, id) -> {
          MigrationFixtures fx = new MigrationFixtures().answering(2);
          doReturn(new ExtrasPage(null, 12, new Extras(2, List.of("raw/test-msp/a.json", "raw/gone/b.json"), 1,
              List.of("raw/gone/b.json")))).when(fx.buckets).extrasPage(any());
          worker.registerActivitiesImplementations(fx.activities());
          env.start();
          stub(env, worker, id).migrate(MigrationInput.of(MigrationFixtures.mirrorConfig(), Mode.SYNC));
          return Histories.settled(env, id);
        }),
        Scenario.closed("data-migration-sync-table-planned", MIGRATION, (env, worker, id) -> {
          MigrationFixtures fx = new MigrationFixtures().answering(1).targetSegmentHasAnExtra(2);
          worker.registerActivitiesImplementations(fx.activities());
          env.start();
          stub(env, worker, id).migrate(MigrationInput.of(MigrationFixtures.config(0), Mode.SYNC));
          return Histories.settled(env, id);
        }));
  }

  private static WorkflowExecutionHistory heldAfterContinueAsNew(TestWorkflowEnvironment env, Worker worker, String id)
      throws Exception {
    MigrationFixtures fx = new MigrationFixtures().answering(PAGES);
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> runs = new CopyOnWriteArrayList<>();
    Map<String, Integer> pagesPerRun = new ConcurrentHashMap<>();
    doAnswer(i -> {
      BucketPageRequest request = i.getArgument(0);
      String run = Activity.getExecutionContext().getInfo().getRunId();
      if (!runs.contains(run)) {
        runs.add(run);
      }
      // The third page the second run copies: the run after continue-as-new has made progress.
      if (runs.indexOf(run) == 1 && pagesPerRun.merge(run, 1, Integer::sum) == 3) {
        held.countDown();
        release.await(60, TimeUnit.SECONDS);
      }
      return MigrationFixtures.page(request, PAGES, 4, 4, 6, 0);
    }).when(fx.buckets).copyPage(any());
    worker.registerActivitiesImplementations(fx.activities());
    env.start();
    try {
      WorkflowClient.start(stub(env, worker, id)::migrate,
          new MigrationInput(MigrationFixtures.config(List.of()), Mode.COPY, null, 40));
      if (!held.await(20, TimeUnit.SECONDS)) {
        throw new IllegalStateException(id + ": the run after continue-as-new never copied three pages");
      }
      WorkflowExecutionHistory history = Histories.settled(env, id);
      if (history.getEvents().get(0).getWorkflowExecutionStartedEventAttributes().getContinuedExecutionRunId()
          .isEmpty()) {
        throw new IllegalStateException(id + ": the held run is its first run");
      }
      return history;
    } finally {
      release.countDown();
    }
  }

  private static DataMigrationWorkflow stub(TestWorkflowEnvironment env, Worker worker, String id) {
    return env.getWorkflowClient().newWorkflowStub(DataMigrationWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).setWorkflowId(id).build());
  }
}
