package com.avesa.cutover.activities.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code moto_server} for tests: ONE per JVM, started on a free 127.0.0.1 port the first
 * time a test class uses this extension, reset ({@code POST /moto-api/reset}) before each test,
 * stopped when the test run ends (it lives in the root store, which closes it). A reset also puts
 * Lambda back in moto's default Docker mode, which {@code /moto-api/reset} alone leaves as it was.
 *
 * <pre>
 * &#64;RegisterExtension static final MotoExtension MOTO = new MotoExtension();
 * ... DemoEstate.seed(MOTO.endpoint(), MotoExtension.REGION, 4);
 * </pre>
 *
 * <p>The executable is {@code $MOTO_SERVER} if set, else {@code moto_server} on the PATH. When it
 * is missing the test is aborted (skipped) with a message — except when {@code CI=true}, where it
 * fails with instructions to install it.
 */
public final class MotoExtension implements BeforeAllCallback, BeforeEachCallback {
  public static final String REGION = "us-east-1";
  private static final String INSTALL_HINT =
      "moto_server not found (set MOTO_SERVER or put it on the PATH); install it with: pip install 'moto[server]>=5.2'";

  private final boolean resetBeforeEach;
  private final boolean managedPolicies;
  private volatile MotoServer server;

  /** Resets moto before each test. */
  public MotoExtension() {
    this(true);
  }

  /** {@code resetBeforeEach} false: tests of the class share state (call {@link #reset()} yourself). */
  public MotoExtension(boolean resetBeforeEach) {
    this(resetBeforeEach, false);
  }

  private MotoExtension(boolean resetBeforeEach, boolean managedPolicies) {
    this.resetBeforeEach = resetBeforeEach;
    this.managedPolicies = managedPolicies;
  }

  /**
   * A moto of its own that knows the AWS managed policies (PowerUserAccess, IAMFullAccess...),
   * which moto loads only when told at start: without them attaching one answers NoSuchEntity.
   * Not the default: every account's IAM then costs about a second, resets included.
   */
  public static MotoExtension withManagedPolicies() {
    return new MotoExtension(true, true);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    String key = managedPolicies ? "moto-with-managed-policies" : "moto";
    server = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(key, k -> MotoServer.start(managedPolicies), MotoServer.class);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (server == null) {
      beforeAll(context);
    }
    if (resetBeforeEach) {
      reset();
    }
  }

  /** {@code http://127.0.0.1:PORT} of the running server (valid once the extension ran beforeAll). */
  public String endpoint() {
    if (server == null) {
      throw new IllegalStateException("moto_server is not started yet: use the extension with @RegisterExtension static");
    }
    return server.endpoint;
  }

  /** Wipes every account's state in moto and puts Lambda back in Docker mode. */
  public void reset() {
    server.reset();
  }

  /**
   * Switches how moto's Lambda {@code Invoke} behaves until the next reset: {@code false} echoes
   * the payload; {@code true} (moto's default) runs the function in Docker, and with no Docker
   * daemon every invoke answers 200 with {@code FunctionError: Handled}.
   */
  public void lambdaUsesDocker(boolean useDocker) {
    server.configureLambda(useDocker);
  }

  /** The moto_server process; closed by JUnit with the root store. */
  static final class MotoServer implements AutoCloseable {
    private final Process process;
    private final String endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private MotoServer(Process process, String endpoint) {
      this.process = process;
      this.endpoint = endpoint;
    }

    static MotoServer start(boolean managedPolicies) {
      String executable = findExecutable();
      IllegalStateException last = null;
      for (int attempt = 0; attempt < 3; attempt++) {
        int port = freePort();
        try {
          Path log = Files.createDirectories(Path.of("target")).resolve("moto-server-" + port + ".log");
          ProcessBuilder builder = new ProcessBuilder(executable, "-H", "127.0.0.1", "-p", String.valueOf(port))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
          if (managedPolicies) {
            builder.environment().put("MOTO_IAM_LOAD_MANAGED_POLICIES", "true");
          }
          Process process = builder.start();
          MotoServer server = new MotoServer(process, "http://127.0.0.1:" + port);
          if (server.awaitReady(Duration.ofSeconds(30))) {
            return server;
          }
          server.close();
          last = new IllegalStateException("moto_server did not answer on port " + port + "; see " + log);
        } catch (IOException e) {
          throw new IllegalStateException("cannot start " + executable + ": " + e.getMessage(), e);
        }
      }
      throw last;
    }

    private static String findExecutable() {
      String configured = System.getenv("MOTO_SERVER");
      if (configured != null && !configured.isBlank() && new File(configured).canExecute()) {
        return configured;
      }
      String path = System.getenv().getOrDefault("PATH", "");
      for (String dir : path.split(File.pathSeparator)) {
        File candidate = new File(dir, "moto_server");
        if (candidate.canExecute()) {
          return candidate.getAbsolutePath();
        }
      }
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new ExtensionConfigurationException(INSTALL_HINT + " (CI=true: tests that need it may not be skipped)");
      }
      Assumptions.abort(INSTALL_HINT);
      throw new IllegalStateException("unreachable");
    }

    private static int freePort() {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException e) {
        throw new IllegalStateException("no free loopback port: " + e.getMessage(), e);
      }
    }

    private boolean awaitReady(Duration timeout) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline && process.isAlive()) {
        try {
          if (post("/moto-api/reset") == 200) {
            return true;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        sleep(100);
      }
      return false;
    }

    void reset() {
      call("/moto-api/reset", null);
      configureLambda(true);
    }

    void configureLambda(boolean useDocker) {
      call("/moto-api/config", "{\"lambda\":{\"use_docker\":" + useDocker + "}}");
    }

    private void call(String path, String json) {
      try {
        int status = post(path, json);
        if (status / 100 != 2) {
          throw new IllegalStateException("moto " + path + " answered " + status);
        }
      } catch (IOException e) {
        throw new IllegalStateException("cannot call " + path + " of moto at " + endpoint + ": " + e.getMessage(), e);
      }
    }

    private int post(String path) throws IOException {
      return post(path, null);
    }

    private int post(String path, String json) throws IOException {
      HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + path))
          // a reset of a moto with the managed policies takes a second when the machine is idle and
          // over ten when two test JVMs and their motos share two busy cores: a guard, not a budget
          .timeout(Duration.ofSeconds(60))
          .header("Content-Type", "application/json")
          .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
          .build();
      try {
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }

    @Override
    public void close() {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }

    private static void sleep(long millis) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
