package com.avesa.cutover.activities.infra;

import com.avesa.cutover.activities.aws.Failures;
import com.avesa.cutover.activities.aws.Heartbeats;
import com.avesa.cutover.activities.infra.DeployCommands.Allowed;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.infra.DeployResult;
import io.temporal.failure.ApplicationFailure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the worker's allowed deploy commands as a child process of the worker: no shell, an
 * environment of exactly the variables it is given, stdout and stderr merged, stdin closed (a
 * command that asks a question gets end-of-input instead of hanging: give cdk
 * {@code --require-approval never}). The activity heartbeats the last output line; the process
 * (and whatever it started) is killed at its timeout, or when the activity is cancelled or times
 * out.
 */
final class DeployRun {
  static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(5);
  static final int TAIL_LINES = 50;
  static final int TAIL_BYTES = 8 * 1024;
  private static final int HEARTBEAT_CHARS = 200;
  private static final Duration KILL_GRACE = Duration.ofSeconds(10);
  private static final Duration OUTPUT_DRAIN = Duration.ofSeconds(2);

  private final Duration heartbeatEvery;
  private final String source;

  /** @param source where the commands come from, for the fixes messages name (the worker's file) */
  DeployRun(Duration heartbeatEvery, String source) {
    this.heartbeatEvery = heartbeatEvery;
    this.source = source;
  }

  DeployResult run(Allowed allowed, Map<String, String> environment) {
    List<String> command = allowed.command();
    String shown = allowed.name() + " (" + String.join(" ", command) + ")";
    Path dir = allowed.workdir();
    if (!Files.isDirectory(dir)) {
      throw badConfig("deploy command " + shown + ": working directory " + dir + " does not exist; fix its workdir in "
          + source);
    }
    Process process = start(command, shown, dir, environment);
    OutputTail tail = new OutputTail(TAIL_LINES, TAIL_BYTES);
    Thread reader = readOutput(process, tail);
    try {
      long deadline = System.nanoTime() + allowed.timeout().toNanos();
      while (!process.waitFor(heartbeatEvery.toMillis(), TimeUnit.MILLISECONDS)) {
        Heartbeats.beat(last(tail));
        if (System.nanoTime() - deadline > 0) {
          kill(process);
          throw ApplicationFailure.newNonRetryableFailure("deploy command " + shown + " did not finish within "
              + allowed.timeout() + " and was killed; raise its timeout in " + source + " or look at its output: "
              + last(tail), FailureType.BAD_CONFIG.type(), new DeployResult(process.exitValue(), drained(reader, tail)));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + shown + " ran; it was killed", e);
    } finally {
      if (process.isAlive()) {
        kill(process);
      }
    }
    String output = drained(reader, tail);
    if (process.exitValue() != 0) {
      throw ApplicationFailure.newNonRetryableFailure("deploy command " + shown + " exited with " + process.exitValue()
          + " (in " + dir + "); last output: " + last(tail), FailureType.BAD_CONFIG.type(),
          new DeployResult(process.exitValue(), output));
    }
    return new DeployResult(0, output);
  }

  /** Starts {@code command} with exactly {@code environment}: the worker's own variables are cleared first. */
  private Process start(List<String> command, String shown, Path dir, Map<String, String> environment) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
      builder.environment().clear();
      builder.environment().putAll(environment);
      Process process = builder.start();
      process.getOutputStream().close();
      return process;
    } catch (IOException e) {
      throw badConfig("deploy command " + shown + " cannot be started: " + e.getMessage() + "; install " + command.get(0)
          + " on the worker's PATH or give its full path in " + source);
    }
  }

  private static Thread readOutput(Process process, OutputTail tail) {
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        lines.lines().forEach(tail::add);
      } catch (IOException | UncheckedIOException closedWhileKilled) {
        // The process is gone; what was read is in the tail.
      }
    }, "avesa-deploy-output");
    reader.setDaemon(true);
    reader.start();
    return reader;
  }

  /** The tail once the reader has caught up (or after a short wait: a child may hold the output open). */
  private static String drained(Thread reader, OutputTail tail) {
    try {
      reader.join(OUTPUT_DRAIN.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return tail.text();
  }

  /** Asks the process and everything it started to stop, then forces them after a grace period. */
  private static void kill(Process process) {
    List<ProcessHandle> started = process.descendants().toList();
    started.forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        started.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      started.forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static String last(OutputTail tail) {
    String line = tail.lastLine();
    return line.length() <= HEARTBEAT_CHARS ? line : line.substring(0, HEARTBEAT_CHARS);
  }

  private static ApplicationFailure badConfig(String message) {
    return Failures.nonRetryable(FailureType.BAD_CONFIG, message);
  }
}
