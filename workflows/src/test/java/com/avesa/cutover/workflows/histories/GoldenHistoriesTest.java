package com.avesa.cutover.workflows.histories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorder records every scenario and what it records replays, so it cannot rot. Normally it
 * records into target/; {@code -Davesa.recordRelease=YYYY-MM-DD} records the release into
 * src/test/resources/histories/YYYY-MM-DD/ and adds the files' lines to its MANIFEST.
 */
@Timeout(180)
class GoldenHistoriesTest {
  static final Path CORPUS = Path.of("src/test/resources/histories");

  @Test
  void recordsEveryScenarioInItsStateAndReplaysWhatItRecorded() throws Exception {
    String release = System.getProperty("avesa.recordRelease");
    Path root = release != null ? CORPUS : Files.createTempDirectory(Files.createDirectories(Path.of("target")),
        "golden-histories-");
    HistoryCorpus corpus = new HistoryCorpus(root);

    long started = System.nanoTime();
    List<GoldenHistories.Recorded> recorded = GoldenHistories.record(corpus, release != null ? release : "recorded",
        GoldenHistories.scenarios());
    long recordedAt = System.nanoTime();
    List<String> failures = corpus.replayAll();
    System.out.printf("recorded %d histories in %d ms, replayed %d in %d ms%n%s%n", recorded.size(),
        (recordedAt - started) / 1_000_000, corpus.entries().size(), (System.nanoTime() - recordedAt) / 1_000_000,
        recorded.stream().map(r -> r.entry().path() + " " + r.events() + " events" + (r.open() ? " (open)" : ""))
            .collect(Collectors.joining("\n")));

    assertThat(recorded).extracting(r -> r.entry().workflowId())
        .containsExactlyElementsOf(GoldenHistories.scenarios().stream().map(Scenario::name).toList());
    assertThat(recorded).allSatisfy(r -> assertThat(r.events()).as(r.entry().path()).isGreaterThan(5));
    assertThat(corpus.check()).isEmpty();
    assertThat(failures).isEmpty();
  }

  @Test
  void refusesToOverwriteARecordedHistoryAndWritesNothing(@TempDir Path root) throws Exception {
    HistoryCorpus corpus = new HistoryCorpus(root);
    List<Scenario> scenarios = GoldenHistories.scenarios().subList(0, 2);
    Path taken = Files.createDirectories(root.resolve("r1")).resolve(scenarios.get(1).name() + ".json");
    Files.writeString(taken, "{}");

    assertThatThrownBy(() -> GoldenHistories.record(corpus, "r1", scenarios))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("r1/" + scenarios.get(1).name() + ".json is already recorded: recorded histories are never "
            + "overwritten; record the new release into its own folder");

    assertThat(Files.readString(taken)).isEqualTo("{}");
    assertThat(root.resolve("r1").resolve(scenarios.get(0).name() + ".json")).doesNotExist();
    assertThat(root.resolve(HistoryCorpus.MANIFEST)).doesNotExist();
  }
}
