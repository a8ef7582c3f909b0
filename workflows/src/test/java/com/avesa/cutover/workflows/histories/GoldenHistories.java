package com.avesa.cutover.workflows.histories;

import com.avesa.cutover.workflows.account.AccountSetupScenarios;
import com.avesa.cutover.workflows.cutover.CutoverScenarios;
import com.avesa.cutover.workflows.decommission.DecommissionScenarios;
import com.avesa.cutover.workflows.infra.InfrastructureScenarios;
import com.avesa.cutover.workflows.isolation.IsolationScenarios;
import com.avesa.cutover.workflows.migration.MigrationScenarios;
import com.avesa.cutover.workflows.smoke.SmokeTestScenarios;
import com.avesa.cutover.workflows.sync.FinalSyncScenarios;
import com.avesa.cutover.workflows.validation.ValidationScenarios;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The recorder: drives every {@link Scenario} on Temporal's test server with mocked activities and
 * writes its history to {@code <root>/<release>/<name>.json} (recorded under the workflow id
 * {@code name}), adding its line to the root's MANIFEST. It refuses to overwrite a recorded file.
 */
public final class GoldenHistories {
  static final String TASK_QUEUE = "golden-histories";

  /** One recorded file: its manifest entry, its event count, whether the run was still open. */
  public record Recorded(HistoryCorpus.Entry entry, int events, boolean open) {}

  private GoldenHistories() {}

  public static List<Scenario> scenarios() {
    return Stream.of(MigrationScenarios.all(), FinalSyncScenarios.all(), CutoverScenarios.all(),
        AccountSetupScenarios.all(), InfrastructureScenarios.all(), SmokeTestScenarios.all(),
        ValidationScenarios.all(), DecommissionScenarios.all(), IsolationScenarios.all())
        .flatMap(List::stream).toList();
  }

  /** Records {@code scenarios} into {@code corpus}'s folder {@code release}; nothing is written when one file exists. */
  public static List<Recorded> record(HistoryCorpus corpus, String release, List<Scenario> scenarios)
      throws Exception {
    if (!release.matches("[0-9A-Za-z._-]+")) {
      throw new IllegalArgumentException("release " + release + ": letters, digits, '.', '_' and '-' only");
    }
    Path folder = corpus.root().resolve(release);
    for (Scenario scenario : scenarios) {
      Path file = folder.resolve(scenario.name() + ".json");
      if (Files.exists(file)) {
        throw new IllegalStateException(corpus.root().relativize(file) + " is already recorded: recorded histories "
            + "are never overwritten; record the new release into its own folder");
      }
    }
    Files.createDirectories(folder);
    corpus.note(release + ", recorded by GoldenHistories:");
    List<Recorded> recorded = new ArrayList<>();
    for (Scenario scenario : scenarios) {
      WorkflowExecutionHistory history = run(scenario);
      boolean open = !Histories.isClosed(history);
      if (Histories.hasFailedTask(history)) {
        throw new IllegalStateException(scenario.name() + ": a workflow task failed while recording; record again");
      }
      if (open != scenario.open()) {
        throw new IllegalStateException(scenario.name() + " should be " + (scenario.open() ? "open" : "closed")
            + " when recorded, but is " + (open ? "open" : "closed"));
      }
      Path file = folder.resolve(scenario.name() + ".json");
      Files.writeString(file, history.toJson(true));
      recorded.add(new Recorded(corpus.add(file, scenario.name()), history.getEvents().size(), open));
    }
    return recorded;
  }

  private static WorkflowExecutionHistory run(Scenario scenario) throws Exception {
    TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    try {
      // A cold JVM on a loaded machine must not record a failed workflow task (1 s deadlock detection).
      Worker worker = env.newWorker(TASK_QUEUE, WorkerOptions.newBuilder()
          .setDefaultDeadlockDetectionTimeout(Duration.ofSeconds(30).toMillis()).build());
      worker.registerWorkflowImplementationTypes(scenario.workflowTypes().toArray(Class<?>[]::new));
      return scenario.driver().drive(env, worker, scenario.name());
    } finally {
      env.close();
    }
  }
}
