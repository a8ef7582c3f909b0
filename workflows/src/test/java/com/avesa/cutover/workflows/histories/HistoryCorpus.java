package com.avesa.cutover.workflows.histories;

import com.avesa.cutover.workflows.account.AccountSetupWorkflowImpl;
import com.avesa.cutover.workflows.cutover.CutoverWorkflowImpl;
import com.avesa.cutover.workflows.cutover.RollbackWorkflowImpl;
import com.avesa.cutover.workflows.decommission.DecommissionWorkflowImpl;
import com.avesa.cutover.workflows.infra.InfrastructureWorkflowImpl;
import com.avesa.cutover.workflows.isolation.ProductionIsolationWorkflowImpl;
import com.avesa.cutover.workflows.migration.DataMigrationWorkflowImpl;
import com.avesa.cutover.workflows.smoke.SmokeTestWorkflowImpl;
import com.avesa.cutover.workflows.sync.FinalSyncWorkflowImpl;
import com.avesa.cutover.workflows.validation.PostCutoverValidationWorkflowImpl;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The recorded histories under one root folder and its {@code MANIFEST}: one line per file,
 * {@code <sha256> <path relative to the root> <workflow id it was recorded under>}, {@code #}
 * comments allowed. Files are never edited or removed; new ones are added with their line.
 */
public final class HistoryCorpus {
  public static final String MANIFEST = "MANIFEST";
  /** Every workflow implementation the worker registers: a history of any type replays on its own. */
  public static final List<Class<?>> WORKFLOW_TYPES = List.of(DataMigrationWorkflowImpl.class,
      FinalSyncWorkflowImpl.class, CutoverWorkflowImpl.class, RollbackWorkflowImpl.class,
      AccountSetupWorkflowImpl.class, InfrastructureWorkflowImpl.class, SmokeTestWorkflowImpl.class,
      PostCutoverValidationWorkflowImpl.class, DecommissionWorkflowImpl.class, ProductionIsolationWorkflowImpl.class);

  /** One manifest line. */
  public record Entry(String sha256, String path, String workflowId) {
    String line() {
      return sha256 + "  " + path + "  " + workflowId;
    }
  }

  private final Path root;

  public HistoryCorpus(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  public List<Entry> entries() {
    Path manifest = root.resolve(MANIFEST);
    if (!Files.exists(manifest)) {
      return List.of();
    }
    List<Entry> entries = new ArrayList<>();
    for (String line : read(manifest).split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] fields = trimmed.split("\\s+");
      if (fields.length != 3) {
        throw new IllegalStateException(manifest + ": expected '<sha256> <path> <workflow id>', got: " + trimmed);
      }
      entries.add(new Entry(fields[0], fields[1], fields[2]));
    }
    return entries;
  }

  /** Every difference between the folder and its manifest, one line each naming the file; empty when they agree. */
  public List<String> check() {
    Map<String, Entry> listed = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (Entry entry : entries()) {
      if (listed.put(entry.path(), entry) != null) {
        problems.add(entry.path() + " is listed twice in the MANIFEST");
      }
    }
    for (String path : jsonFiles()) {
      if (!listed.containsKey(path)) {
        problems.add(path + " is not in the MANIFEST: record histories with GoldenHistories, which adds their line");
      }
    }
    for (Entry entry : listed.values()) {
      Path file = root.resolve(entry.path());
      if (!Files.exists(file)) {
        problems.add(entry.path() + " is in the MANIFEST but missing: recorded histories are never removed");
      } else if (!sha256(file).equals(entry.sha256())) {
        problems.add(entry.path() + " differs from the SHA-256 it was recorded with: recorded histories are never "
            + "edited; record a new one instead");
      }
    }
    return problems;
  }

  /** Replays every listed file on today's workflow code; one line per failure naming the file and its cause. */
  public List<String> replayAll() {
    List<String> failures = new ArrayList<>();
    TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    try {
      // A cold JVM on a loaded machine can take over a second for a first workflow task: that is not a finding.
      Worker worker = env.newWorker("replay", WorkerOptions.newBuilder()
          .setDefaultDeadlockDetectionTimeout(Duration.ofSeconds(30).toMillis()).build());
      worker.registerWorkflowImplementationTypes(WORKFLOW_TYPES.toArray(Class<?>[]::new));
      for (Entry entry : entries()) {
        Path file = root.resolve(entry.path());
        if (!Files.exists(file)) {
          continue;
        }
        try {
          WorkflowReplayer.replayWorkflowExecution(WorkflowExecutionHistory.fromJson(read(file), entry.workflowId()),
              worker);
        } catch (Exception | AssertionError e) {
          failures.add(entry.path() + " (" + entry.workflowId() + "): " + cause(e));
        }
      }
    } finally {
      env.close();
    }
    return failures;
  }

  /** Appends a {@code #} comment line to the manifest. */
  public void note(String comment) throws IOException {
    append("# " + comment);
  }

  /** Adds {@code file}'s line; the file must lie under the root. */
  public Entry add(Path file, String workflowId) throws IOException {
    Entry entry = new Entry(sha256(file), root.relativize(file).toString().replace('\\', '/'), workflowId);
    append(entry.line());
    return entry;
  }

  private void append(String line) throws IOException {
    Path manifest = root.resolve(MANIFEST);
    if (!Files.exists(manifest)) {
      Files.writeString(manifest, "# <sha256>  <path under the root>  <workflow id it was recorded under>; files and "
          + "lines are never edited or removed\n");
    }
    Files.writeString(manifest, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  private List<String> jsonFiles() {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".json")).map(f -> root.relativize(f).toString().replace('\\', '/'))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The failure on one line: the replayer puts the workflow task's error, cause by cause, in its message. */
  private static String cause(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      text.append(text.length() == 0 ? "" : " <- ").append(t.getClass().getSimpleName()).append(": ")
          .append(String.valueOf(t.getMessage()).replaceAll("\\s+", " ").replaceFirst(" at [a-z]+\\.[a-z]+\\..*", ""));
    }
    return text.length() > 1_000 ? text.substring(0, 1_000) + "…" : text.toString();
  }

  static String sha256(Path file) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
