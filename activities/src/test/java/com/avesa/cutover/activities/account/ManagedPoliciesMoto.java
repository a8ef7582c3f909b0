package com.avesa.cutover.activities.account;

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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A moto_server of its own for one test class, started with {@code MOTO_IAM_LOAD_MANAGED_POLICIES=true}:
 * moto 5 knows AWS managed policies (arn:aws:iam::aws:policy/PowerUserAccess …) only with that
 * variable set at start, and its {@code /moto-api/config} cannot turn it on. The shared
 * {@code MotoExtension} starts moto without it; once it sets the variable, this class can go.
 */
final class ManagedPoliciesMoto implements BeforeAllCallback, AfterAllCallback {
  private Process process;
  private String endpoint;

  String endpoint() {
    return endpoint;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    String executable = System.getenv().getOrDefault("MOTO_SERVER", "moto_server");
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Path log = Files.createDirectories(Path.of("target")).resolve("moto-managed-policies-" + port + ".log");
    ProcessBuilder builder = new ProcessBuilder(executable, "-H", "127.0.0.1", "-p", String.valueOf(port))
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("MOTO_IAM_LOAD_MANAGED_POLICIES", "true");
    try {
      process = builder.start();
    } catch (IOException missing) {
      Assumptions.abort("moto_server not found (set MOTO_SERVER or put it on the PATH): " + missing.getMessage());
    }
    endpoint = "http://127.0.0.1:" + port;
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        HttpRequest reset = HttpRequest.newBuilder(URI.create(endpoint + "/moto-api/reset"))
            .POST(HttpRequest.BodyPublishers.noBody()).build();
        if (http.send(reset, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("moto_server did not answer on port " + port + "; see " + log);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (process != null) {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
    }
  }
}
