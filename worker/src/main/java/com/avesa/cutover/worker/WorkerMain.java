package com.avesa.cutover.worker;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point of {@code bin/avesa-worker}: a worker on an existing Temporal server, a worker with
 * its own embedded server ({@code --dev}), or {@code seed-demo}. Exit codes: 0 done; 1 failed;
 * 2 usage, settings or a port already taken; 3 Temporal unreachable. A worker stopped by a signal
 * exits with the JVM's code for it (143 SIGTERM, 130 SIGINT) after its graceful stop.
 */
public final class WorkerMain {
  static final int EXIT_OK = 0;
  static final int EXIT_FAILURE = 1;
  static final int EXIT_USAGE = 2;
  static final int EXIT_TEMPORAL_UNREACHABLE = 3;

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration METRICS_REPORT_INTERVAL = Duration.ofSeconds(5);

  static final String HELP = """
      avesa-worker: the avesa-cutover Temporal worker (task queue avesa-cutover).

      Usage:
        avesa-worker            poll Temporal at TEMPORAL_ADDRESS with the migration workflow and activities
        avesa-worker --dev      first start the embedded Temporal server (the SDK's test server, in memory,
                                real time) on 127.0.0.1 at the port of TEMPORAL_ADDRESS, then the worker on it
        avesa-worker [--dev] --deployment-name NAME --build-id ID
                                poll as build ID of Worker Deployment NAME (Worker Versioning; the flags
                                replace AVESA_DEPLOYMENT_NAME and AVESA_BUILD_ID): cutover and rollback runs
                                stay on the build that started them, the other runs move to the current build.
                                A server without Worker Deployments (the embedded one) gets an unversioned worker
        avesa-worker seed-demo --endpoint URL [--region REGION] [--objects-per-tenant N] [--config-out FILE]
                                seed the demo AVESA estate into the AWS emulator at URL (default region
                                us-east-1, 5 objects per tenant) and write the matching config to FILE
        avesa-worker --help     this text

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
                            Worker Versioning: both or neither (unset: an unversioned worker)
        LOG_LEVEL           root log level (default INFO); logs go to stderr
        LOG_FORMAT          text (default) or json: one JSON object per line with the Temporal ids
        AVESA_DEPLOY_COMMANDS  YAML file of the deploy commands this worker allows: name -> command (argv, no
                            shell), workdir, timeout; a run names one (infrastructure.deploy). Unset: none
        JAVA_OPTS           JVM options, read by bin/avesa-worker
        AWS credentials and region come from the usual AWS SDK sources (environment, profiles).

      The worker stops gracefully on SIGTERM or SIGINT: it takes no new tasks and lets running
      activities finish for up to 30 s.

      Exit codes: 0 done; 1 failed; 2 usage, settings or a port already taken; 3 Temporal
      unreachable (start one with `bin/avesa dev-server`, or use --dev). A worker stopped by
      SIGTERM/SIGINT exits with 143/130 after its graceful stop.
      """;

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
    List<String> arguments = Arrays.asList(args);
    if (arguments.contains("--help") || arguments.contains("-h")) {
      out.print(HELP);
      return EXIT_OK;
    }
    if (!arguments.isEmpty() && arguments.get(0).equals(DemoSeedCommand.NAME)) {
      return new DemoSeedCommand(out, err).run(arguments.subList(1, arguments.size()));
    }
    WorkerProcess process;
    try {
      WorkerArguments parsed = WorkerArguments.parse(arguments);
      process = startWorker(parsed.dev(), parsed.flags());
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

  /** The worker's command line: {@code --dev} and the flags that replace environment variables. */
  record WorkerArguments(boolean dev, Map<String, String> flags) {
    private static final Map<String, String> FLAG_VARIABLES = Map.of(
        WorkerDeployment.DEPLOYMENT_NAME_FLAG, WorkerDeployment.AVESA_DEPLOYMENT_NAME,
        WorkerDeployment.BUILD_ID_FLAG, WorkerDeployment.AVESA_BUILD_ID);

    /**
     * Reads {@code --dev}, {@code --deployment-name NAME} and {@code --build-id ID} (also as {@code --flag=value}).
     *
     * @throws StartFailure with exit code 2 for an unknown argument or a flag without its value
     */
    static WorkerArguments parse(List<String> arguments) {
      boolean dev = false;
      Map<String, String> flags = new HashMap<>();
      for (int i = 0; i < arguments.size(); i++) {
        String argument = arguments.get(i);
        int equals = argument.indexOf('=');
        String name = equals > 0 ? argument.substring(0, equals) : argument;
        if (argument.equals("--dev")) {
          dev = true;
        } else if (FLAG_VARIABLES.containsKey(name)) {
          String value = equals > 0 ? argument.substring(equals + 1)
              : i + 1 < arguments.size() && !arguments.get(i + 1).startsWith("--") ? arguments.get(++i) : "";
          if (value.isBlank()) {
            throw new StartFailure(EXIT_USAGE, name + " needs a value (see avesa-worker --help)");
          }
          flags.put(FLAG_VARIABLES.get(name), value);
        } else {
          throw new StartFailure(EXIT_USAGE, "unknown argument '" + argument + "' (see avesa-worker --help)");
        }
      }
      return new WorkerArguments(dev, Map.copyOf(flags));
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
