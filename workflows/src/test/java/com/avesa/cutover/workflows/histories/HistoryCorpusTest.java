package com.avesa.cutover.workflows.histories;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.workflow.WorkflowInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden corpus (src/test/resources/histories): every file is in the MANIFEST with the SHA-256
 * it was recorded with, and every file replays on today's workflow code. A failure names the file:
 * a recorded history is never edited or removed; workflow code that no longer replays it needs a
 * {@code Workflow.getVersion} branch (README, "Changing workflow code").
 */
class HistoryCorpusTest {
  private static final HistoryCorpus CORPUS = new HistoryCorpus(GoldenHistoriesTest.CORPUS);

  @Test
  void everyRecordedHistoryIsInTheManifestAsRecorded() {
    List<String> problems = CORPUS.check();

    assertThat(problems).as(String.join("\n", problems)).isEmpty();
    assertThat(CORPUS.entries()).hasSizeGreaterThan(GoldenHistories.scenarios().size());
  }

  @Test
  void everyRecordedHistoryReplaysOnTodaysCode() {
    long started = System.nanoTime();
    List<String> failures = CORPUS.replayAll();
    System.out.printf("replayed %d histories in %d ms%n", CORPUS.entries().size(), (System.nanoTime() - started) / 1_000_000);

    assertThat(failures).as("histories that no longer replay:\n" + String.join("\n", failures)).isEmpty();
  }

  @Test
  void theCorpusHoldsEveryWorkflowTypeTheWorkerRuns() throws Exception {
    Set<String> recorded = new TreeSet<>();
    for (HistoryCorpus.Entry entry : CORPUS.entries()) {
      WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(
          Files.readString(CORPUS.root().resolve(entry.path())), entry.workflowId());
      recorded.add(history.getEvents().get(0).getWorkflowExecutionStartedEventAttributes().getWorkflowType().getName());
    }
    List<String> types = HistoryCorpus.WORKFLOW_TYPES.stream().map(impl -> Arrays.stream(impl.getInterfaces())
        .filter(i -> i.isAnnotationPresent(WorkflowInterface.class)).findFirst().orElseThrow().getSimpleName()).toList();

    assertThat(recorded).containsExactlyInAnyOrderElementsOf(types);
  }

  @Test
  void theCheckNamesAnEditedARemovedAndAnUnlistedFile(@TempDir Path copy) throws Exception {
    try (Stream<Path> files = Files.walk(CORPUS.root())) {
      for (Path file : files.toList()) {
        Path target = copy.resolve(CORPUS.root().relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    HistoryCorpus edited = new HistoryCorpus(copy);
    assertThat(edited.check()).isEmpty();
    Path cutover = copy.resolve("2026-12-02/cutover-at-gate.json");
    Files.writeString(cutover, Files.readString(cutover).replace("\"CheckCutover\"", "\"CheckCutoverAgain\""));
    Files.delete(copy.resolve("2026-12-02/decommission-done.json"));
    Files.copy(copy.resolve("isolation-succeeded.json"), copy.resolve("2026-12-02/isolation-again.json"));

    assertThat(edited.check()).containsExactlyInAnyOrder(
        "2026-12-02/isolation-again.json is not in the MANIFEST: record histories with GoldenHistories, which adds "
            + "their line",
        "2026-12-02/cutover-at-gate.json differs from the SHA-256 it was recorded with: recorded histories are never "
            + "edited; record a new one instead",
        "2026-12-02/decommission-done.json is in the MANIFEST but missing: recorded histories are never removed");
  }

  @Test
  void theReplayNamesAHistoryThatNoLongerMatchesTheCode(@TempDir Path root) throws Exception {
    // A history whose activities are not the ones the code schedules, as a code change without a version branch
    // would meet it: the cutover-at-gate history's preflight renamed.
    Path file = Files.createDirectories(root.resolve("r")).resolve("cutover-at-gate.json");
    Files.writeString(file, Files.readString(CORPUS.root().resolve("2026-12-02/cutover-at-gate.json"))
        .replace("\"CheckCutover\"", "\"CheckSomethingElse\""));
    HistoryCorpus changed = new HistoryCorpus(root);
    changed.add(file, "cutover-at-gate");

    assertThat(changed.check()).isEmpty();
    assertThat(changed.replayAll()).singleElement().asString()
        .startsWith("r/cutover-at-gate.json (cutover-at-gate): ")
        .containsIgnoringCase("nondetermin");
  }
}
