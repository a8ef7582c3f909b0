package com.avesa.cutover.worker;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * Entry point of {@code bin/avesa-worker}: a worker on an existing Temporal server, a worker with
 * its own embedded server ({@code --dev}), or {@code seed-demo}. Exit codes: 0 done; 1 failed;
 * 2 usage, settings or a port already taken; 3 Temporal unreachable. A worker stopped by a signal
 * exits with the JVM's code for it (143 SIGTERM, 130 SIGINT) after its graceful stop.
 */
@Command(name = "avesa-worker", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
    sortOptions = false, usageHelpWidth = 120,
    description = "The avesa-cutover Temporal worker: polls task queue avesa-cutover at TEMPORAL_ADDRESS with the"
        + " migration, cutover and runbook workflows and their activities.",
    footer = WorkerMain.FOOTER)
public final class WorkerMain implements Callable<Integer> {
  static final int EXIT_OK = 0;
  static final int EXIT_FAILURE = 1;
  static final int EXIT_USAGE = 2;
  static final int EXIT_TEMPORAL_UNREACHABLE = 3;

  /** How long the worker tries to reach Temporal at start before it exits 3 (a loaded machine needs more than 5 s). */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
  static final Duration METRICS_REPORT_INTERVAL = Duration.ofSeconds(5);

  static final String FOOTER = """

      Environment:
        TEMPORAL_ADDRESS    host:port of the Temporal frontend (default 127.0.0.1:7233)
        TEMPORAL_NAMESPACE  namespace to poll in (default "default")
        METRICS_PORT        port of http://127.0.0.1:PORT/metrics (Prometheus text) and /health
                            (default 9464; 0 picks a free port)
        METRICS_HOST        address the metrics server binds (default 127.0.0.1; 0.0.0.0 in a container)
        TEMPORAL_TLS_CERT   PEM client certificate for mutual TLS (with TEMPORAL_TLS_KEY, its PKCS#8 key)
        TEMPORAL_TLS_CA     PEM CA certificates to trust instead of the JVM's
        TEMPORAL_API_KEY    Temporal Cloud API key (implies TLS); ignored with --dev
        AVESA_DEPLOYMENT_NAME, AVESA_BUILD_ID
                            Worker Versioning: both or neither (unset: an unversioned worker);
                            --deployment-name and --build-id replace them
        LOG_LEVEL           level of the worker's log (default INFO; DEBUG, WARN, ERROR); logs go to stderr
        LOG_FORMAT          text (default) or json: one JSON object per line with the Temporal ids
        AVESA_DEPLOY_COMMANDS  YAML file of the deploy commands this worker allows: name -> command (argv, no
                            shell), workdir, timeout; a run names one (infrastructure.deploy). Unset: none
        AVESA_CODEC_KEYS, AVESA_CODEC_KEY_FILE, AVESA_CODEC_TOKEN
                            payload encryption and its codec endpoint (see the README)
        JAVA_OPTS           JVM options, read by bin/avesa-worker
        AWS credentials and region come from the usual AWS SDK sources (environment, profiles).

      The worker stops gracefully on SIGTERM or SIGINT: it takes no new tasks and lets running
      activities finish for up to 30 s.

      Exit codes: 0 done; 1 failed; 2 usage, settings or a port already taken; 3 Temporal
      unreachable (start one with `bin/avesa dev-server`, or use --dev). A worker stopped by
      SIGTERM/SIGINT exits with 143/130 after its graceful stop.
      """;

  @Option(names = "--dev", description = "First start the embedded Temporal server (the SDK's test server, in"
      + " memory, real time) on 127.0.0.1 at the port of TEMPORAL_ADDRESS, then the worker on it.")
  boolean dev;

  @Option(names = WorkerDeployment.DEPLOYMENT_NAME_FLAG, paramLabel = "NAME", description = "Poll as a build of"
      + " Worker Deployment NAME (Worker Versioning; replaces AVESA_DEPLOYMENT_NAME): cutover and rollback runs stay"
      + " on the build that started them, the other runs move to the current build. A server without Worker"
      + " Deployments (the embedded one) gets an unversioned worker.")
  String deploymentName;

  @Option(names = WorkerDeployment.BUILD_ID_FLAG, paramLabel = "ID",
      description = "This build's id in that deployment (replaces AVESA_BUILD_ID).")
  String buildId;

  private final Map<String, String> env;
  private final PrintStream out;
  private final PrintStream err;
  private final Duration connectTimeout;

  WorkerMain(Map<String, String> env, PrintStream out, PrintStream err, Duration connectTimeout) {
    this.env = env;
    this.out = out;
    this.err = err;
    this.connectTimeout = connectTimeout;
  }

  public static void main(String[] args) {
    System.exit(new WorkerMain(System.getenv(), System.out, System.err, CONNECT_TIMEOUT).run(args));
  }

  /** Runs the command in {@code args}; for a worker, blocks until it has been stopped by a signal. */
  int run(String[] args) {
    CommandLine commandLine = new CommandLine(this)
        .addSubcommand(new DemoSeedCommand(out, err))
        .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
        .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
        .setParameterExceptionHandler(UsageErrors::handle)
        .setExecutionExceptionHandler((e, cl, parsed) -> {
          cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": failed: " + e);
          return EXIT_FAILURE;
        });
    return commandLine.execute(args);
  }

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    UsageErrors.requireValue(spec, WorkerDeployment.DEPLOYMENT_NAME_FLAG, deploymentName);
    UsageErrors.requireValue(spec, WorkerDeployment.BUILD_ID_FLAG, buildId);
    WorkerProcess process;
    try {
      process = startWorker(dev, flags());
    } catch (StartFailure e) {
      err.println("avesa-worker: " + e.getMessage());
      return e.exitCode;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(process::close, "avesa-worker-shutdown"));
    try {
      process.awaitStopped();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return EXIT_OK;
  }

  /** The command line's values, keyed by the environment variable each replaces. */
  Map<String, String> flags() {
    Map<String, String> flags = new HashMap<>();
    if (deploymentName != null) {
      flags.put(WorkerDeployment.AVESA_DEPLOYMENT_NAME, deploymentName);
    }
    if (buildId != null) {
      flags.put(WorkerDeployment.AVESA_BUILD_ID, buildId);
    }
    return Map.copyOf(flags);
  }

  /**
   * Starts a worker (and the dev server with {@code dev}).
   *
   * @throws StartFailure with the one line to print and the exit code
   */
  WorkerProcess startWorker(boolean dev, Map<String, String> flags) {
    try {
      WorkerSettings settings = WorkerSettings.fromEnvironment(env, flags);
      return WorkerProcess.start(settings, WorkerProcess.deployCommands(env), env, dev, connectTimeout,
          METRICS_REPORT_INTERVAL);
    } catch (WorkerSettings.InvalidSettingException | MetricsServer.PortInUseException e) {
      throw new StartFailure(EXIT_USAGE, e.getMessage());
    } catch (TemporalConnection.TemporalUnreachableException e) {
      throw new StartFailure(EXIT_TEMPORAL_UNREACHABLE, e.getMessage());
    } catch (UncheckedIOException e) {
      throw new StartFailure(EXIT_USAGE,
          e.getMessage() + (dev ? "; is a Temporal server already running there?" : ""));
    } catch (RuntimeException e) {
      throw new StartFailure(EXIT_FAILURE, "cannot start: " + e);
    }
  }

  /** The worker could not start; the message is one line for stderr. */
  static final class StartFailure extends RuntimeException {
    final int exitCode;

    StartFailure(int exitCode, String message) {
      super(message);
      this.exitCode = exitCode;
    }
  }
}
