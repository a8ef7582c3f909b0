package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.migration.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code avesa demo}: a complete local migration. Starts moto_server and a worker (with its own
 * embedded Temporal unless TEMPORAL_ADDRESS answers), seeds a demo estate, runs plan then migrate
 * through the same code as those commands, and stops what it started.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Run a complete local migration: start moto_server (AWS emulator), the embedded "
        + "Temporal server and a worker, seed a demo estate in two emulated accounts, plan, migrate, "
        + "print the verified report, stop what was started.",
    footer = {"", "Example:", "  avesa demo --objects-per-tenant 50"})
final class DemoCommand extends AvesaCommand {
  static final String MOTO_HINT = "moto_server not found (not on PATH, or MOTO_SERVER does not name an "
      + "executable): install it with `pip install 'moto[server]'`, or use the compose stack: `docker compose up`";

  @Option(names = "--objects-per-tenant", paramLabel = "N",
      description = "Objects seeded per tenant and prefix (default: the seeder's).")
  Integer objectsPerTenant;

  @Option(names = "--keep", description = "Leave moto_server and the worker running afterwards.")
  boolean keep;

  @Override
  protected int execute() throws Exception {
    Map<String, String> env = System.getenv();
    Path moto = DemoStack.findMoto(env).orElseThrow(() -> new CliException(ExitCodes.USAGE, MOTO_HINT));
    Path workerJar = workerJar(env);
    String namespace = env.getOrDefault("TEMPORAL_NAMESPACE", "default");
    Optional<String> existing = Optional.ofNullable(env.get("TEMPORAL_ADDRESS"))
        .filter(address -> TemporalConnection.reachable(address, TemporalOptions.REACH_DEADLINE));

    DemoStack stack = new DemoStack(Files.createTempDirectory("avesa-demo-"), !keep);
    try {
      String endpoint = stack.startMoto(moto);
      out().println("moto_server on " + endpoint + " (log: " + stack.dir().resolve("moto.log") + ")");
      String address = existing.orElse("127.0.0.1:" + DemoStack.freePort());
      Process worker = stack.startWorker(workerJar, existing.isEmpty(), address);
      out().println((existing.isPresent() ? "worker on Temporal at " : "worker with embedded Temporal on ")
          + address + " (log: " + stack.dir().resolve("worker.log") + ")");
      out().flush();
      Path configFile = stack.seed(workerJar, endpoint, objectsPerTenant);
      out().println("demo estate seeded; config: " + configFile);
      MigrationConfig config = StartCommand.loadConfig(configFile);
      stack.awaitTemporal(address, worker);
      try (TemporalConnection connection = TemporalConnection.open(address, namespace, TemporalOptions.REACH_DEADLINE)) {
        int planned = step("plan", connection, config, Mode.PLAN, worker, stack);
        if (planned != ExitCodes.OK) {
          return planned;
        }
        return step("migrate", connection, config, Mode.COPY, worker, stack);
      }
    } finally {
      if (keep) {
        out().println("--keep: still running (pids " + stack.processes().stream().map(p -> String.valueOf(p.pid()))
            .toList() + "), logs and config in " + stack.dir());
      } else {
        stack.close();
      }
      out().flush();
    }
  }

  /** Runs one mode to its report, giving up when the worker dies first. */
  private int step(String title, TemporalConnection connection, MigrationConfig config, Mode mode,
      Process worker, DemoStack stack) {
    out().println();
    out().println("== " + title + " ==");
    out().flush();
    CompletableFuture<Integer> run = CompletableFuture.supplyAsync(
        () -> StartCommand.launch(connection, config, mode, null, true, OutputOptions.Format.table, out(), err()));
    CompletableFuture.anyOf(run, worker.onExit()).join();
    if (!run.isDone()) {
      DemoStack.ensureAlive(worker, "the worker", stack.dir().resolve("worker.log"));
    }
    try {
      return run.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static Path workerJar(Map<String, String> env) {
    String explicit = env.get("AVESA_WORKER_JAR");
    Path jar = explicit != null && !explicit.isBlank()
        ? Path.of(explicit)
        : Path.of(System.getProperty("avesa.home", "."), "worker", "target", "avesa-worker.jar");
    if (!Files.isRegularFile(jar)) {
      throw new CliException(ExitCodes.USAGE, "the worker jar is missing at " + jar.toAbsolutePath()
          + ": build it with `./mvnw -B -q package -DskipTests` (or set AVESA_WORKER_JAR)");
    }
    return jar;
  }
}
