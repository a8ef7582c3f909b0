package com.avesa.cutover.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The processes {@code avesa demo} starts (moto_server, a worker) with their logs in one temp
 * directory. Closing it stops them in reverse order; a shutdown hook does the same on Ctrl-C.
 */
final class DemoStack implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(60);
  private static final Duration SEED = Duration.ofMinutes(5);

  private final Path dir;
  private final List<Process> processes = new ArrayList<>();
  private final Thread hook = new Thread(this::stopAll, "avesa-demo-shutdown");

  DemoStack(Path dir, boolean stopOnExit) {
    this.dir = dir;
    if (stopOnExit) {
      Runtime.getRuntime().addShutdownHook(hook);
    }
  }

  Path dir() {
    return dir;
  }

  List<Process> processes() {
    return List.copyOf(processes);
  }

  /** The moto_server to run: env MOTO_SERVER if set, else the first on PATH. */
  static Optional<Path> findMoto(Map<String, String> env) {
    String explicit = env.get("MOTO_SERVER");
    if (explicit != null && !explicit.isBlank()) {
      Path path = Path.of(explicit);
      return Files.isExecutable(path) && !Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
    }
    String searchPath = env.getOrDefault("PATH", "");
    for (String entry : searchPath.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        Path candidate = Path.of(entry, "moto_server");
        if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }

  /** Starts moto_server on a free loopback port and returns its URL once it answers HTTP. */
  String startMoto(Path moto) throws IOException, InterruptedException {
    int port = freePort();
    Path log = dir.resolve("moto.log");
    Process process = start(List.of(moto.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port)), Map.of(), log);
    String url = "http://127.0.0.1:" + port;
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      ensureAlive(process, "moto_server", log);
      try {
        http.send(HttpRequest.newBuilder(URI.create(url + "/moto-api/")).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.discarding());
        return url;
      } catch (IOException notYet) {
        Thread.sleep(200);
      }
    }
    throw new CliException(ExitCodes.RUN_FAILED, "moto_server did not answer on " + url + " within "
        + STARTUP.toSeconds() + " s: see " + log);
  }

  /** Starts a worker; with {@code dev} it runs its own Temporal server on {@code address}. */
  Process startWorker(Path jar, boolean dev, String address) throws IOException {
    List<String> command = new ArrayList<>(List.of(java(), "-jar", jar.toString()));
    if (dev) {
      command.add("--dev");
    }
    return start(command, Map.of("TEMPORAL_ADDRESS", address, "METRICS_PORT", String.valueOf(freePort())),
        dir.resolve("worker.log"));
  }

  /** Seeds the demo estate into moto and returns the config file the worker wrote. */
  Path seed(Path jar, String endpoint, Integer objectsPerTenant) throws IOException, InterruptedException {
    Path config = dir.resolve("avesa-demo.yaml");
    Path log = dir.resolve("seed.log");
    List<String> command = new ArrayList<>(List.of(java(), "-jar", jar.toString(), "seed-demo",
        "--endpoint", endpoint, "--config-out", config.toString()));
    if (objectsPerTenant != null) {
      command.addAll(List.of("--objects-per-tenant", String.valueOf(objectsPerTenant)));
    }
    Process process = start(command, Map.of(), log);
    if (!process.waitFor(SEED.toSeconds(), TimeUnit.SECONDS)) {
      throw new CliException(ExitCodes.RUN_FAILED, "seeding the demo estate took over "
          + SEED.toMinutes() + " minutes: see " + log);
    }
    if (process.exitValue() != 0 || !Files.isRegularFile(config)) {
      throw new CliException(ExitCodes.RUN_FAILED, "seeding the demo estate failed (exit "
          + process.exitValue() + "): see " + log);
    }
    return config;
  }

  /** Waits until Temporal answers at {@code address}; fails early when {@code worker} dies. */
  void awaitTemporal(String address, Process worker) throws InterruptedException {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      ensureAlive(worker, "the worker", dir.resolve("worker.log"));
      if (TemporalConnection.reachable(address, Duration.ofSeconds(1))) {
        return;
      }
      Thread.sleep(250);
    }
    throw new CliException(ExitCodes.RUN_FAILED, "Temporal did not answer on " + address + " within "
        + STARTUP.toSeconds() + " s: see " + dir.resolve("worker.log"));
  }

  static void ensureAlive(Process process, String what, Path log) {
    if (!process.isAlive()) {
      throw new CliException(ExitCodes.RUN_FAILED,
          what + " exited (code " + process.exitValue() + "): see " + log);
    }
  }

  private Process start(List<String> command, Map<String, String> env, Path log) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Stops every started process, newest first: SIGTERM, then SIGKILL after 10 s. */
  private synchronized void stopAll() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process process = processes.get(i);
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    processes.clear();
  }

  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException | IllegalArgumentException alreadyRunningOrNeverAdded) {
      // JVM shutting down (the hook is running) or --keep (never added): nothing to remove.
    }
  }
}
