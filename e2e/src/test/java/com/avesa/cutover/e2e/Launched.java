package com.avesa.cutover.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process started from the repository's launchers ({@code bin/avesa}, {@code bin/avesa-worker}),
 * its output going to a log file under {@code e2e/target/e2e-logs}.
 */
final class Launched implements AutoCloseable {
  static final Path REPO = Path.of("").toAbsolutePath().getParent();
  private static final Path LOGS = REPO.resolve("e2e/target/e2e-logs");
  // Failsafe runs test classes in two JVMs at once: the pid keeps their log names apart.
  private static final long PID = ProcessHandle.current().pid();
  // A CLI command is a JVM that lives a few seconds: the client compiler alone and the serial
  // collector start it with about half the CPU (the machine's JAVA_OPTS, when set, win).
  private static final String CLI_JAVA_OPTS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

  private final Process process;
  private final Path log;

  private Launched(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static Launched start(String name, Map<String, String> env, String... command) {
    try {
      Files.createDirectories(LOGS);
      Path log = LOGS.resolve(name + "-" + PID + "-" + System.nanoTime() + ".log");
      List<String> argv = new ArrayList<>(List.of(command));
      argv.set(0, REPO.resolve(argv.get(0)).toString());
      ProcessBuilder builder = new ProcessBuilder(argv).directory(REPO.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(env);
      return new Launched(builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs a CLI command to completion (at most {@code timeout}). */
  static Result run(Map<String, String> env, Duration timeout, String... args) {
    List<String> argv = new ArrayList<>();
    argv.add(REPO.resolve("bin/avesa").toString());
    argv.addAll(List.of(args));
    try {
      Path out = Files.createTempFile("avesa-out", ".txt");
      Path err = Files.createTempFile("avesa-err", ".txt");
      ProcessBuilder builder = new ProcessBuilder(argv).directory(REPO.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().putIfAbsent("JAVA_OPTS", CLI_JAVA_OPTS);
      builder.environment().putAll(env);
      Process p = builder.start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("avesa " + String.join(" ", args) + " did not finish within " + timeout
            + "; stderr: " + Files.readString(err));
      }
      Result result = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** What a CLI command printed and returned. */
  record Result(int exitCode, String stdout, String stderr) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until something accepts connections on 127.0.0.1:{@code port}, or the process dies. */
  void awaitPort(int port, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("process died before listening on " + port + ":\n" + output());
      }
      try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return;
      } catch (IOException notYet) {
        sleep(100);
      }
    }
    throw new AssertionError("nothing listens on " + port + " after " + timeout + ":\n" + output());
  }

  /** Waits until the log contains {@code text}. */
  void awaitOutput(String text, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (output().contains(text)) {
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError("process exited before printing '" + text + "':\n" + output());
      }
      sleep(100);
    }
    throw new AssertionError("no '" + text + "' after " + timeout + ":\n" + output());
  }

  String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook runs, in-flight activities are abandoned. */
  void kill() {
    process.destroyForcibly();
    waitFor();
  }

  /** SIGTERM, then wait; returns the exit code. */
  int terminate() {
    process.destroy();
    return waitFor();
  }

  /** SIGINT, as Ctrl-C in a terminal sends, then wait; returns the exit code. */
  int interrupt() {
    try {
      new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return waitFor();
  }

  private int waitFor() {
    try {
      if (!process.waitFor(40, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      terminate();
    }
  }
}
