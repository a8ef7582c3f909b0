package com.avesa.cutover.e2e;

import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.cutover.CutoverWorkflow;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The embedded Temporal server ({@code bin/avesa dev-server}) and a worker ({@code bin/avesa-worker})
 * as two processes, so the worker can be killed and replaced while the server keeps the runs.
 */
final class TemporalStack implements AutoCloseable {
  // Generous: a passing run never waits for them, a loaded machine has needed over a minute.
  private static final Duration START_PATIENCE = Duration.ofMinutes(3);
  private static final Duration CALL_PATIENCE = Duration.ofSeconds(30);
  private static final Pattern PAYLOAD_DATA = Pattern.compile("\"data\"\\s*:\\s*\"([A-Za-z0-9+/=]+)\"");
  private final int temporalPort = Launched.freePort();
  private final Map<String, String> workerEnv = new HashMap<>();
  private final Launched server;
  private Launched worker;
  private final java.util.List<Launched> moreWorkers = new java.util.ArrayList<>();
  private int metricsPort;
  private WorkflowServiceStubs stubs;

  TemporalStack(Map<String, String> extraWorkerEnv) {
    server = Launched.start("dev-server", Map.of(), "bin/avesa", "dev-server", "--port", String.valueOf(temporalPort));
    try {
      server.awaitPort(temporalPort, START_PATIENCE);
      workerEnv.putAll(extraWorkerEnv);
      worker = startWorker();
    } catch (RuntimeException | Error e) {
      // No test closes a stack it never got: stop the server here, or it outlives the test JVM.
      server.close();
      throw e;
    }
  }

  /** Environment for CLI commands: the server's address. */
  Map<String, String> cliEnv() {
    return Map.of("TEMPORAL_ADDRESS", address());
  }

  String address() {
    return "127.0.0.1:" + temporalPort;
  }

  /**
   * The run's full history, read from the server with the SDK's client: its JSON followed by every
   * payload decoded from base64, so that what the payloads carry can be searched as text.
   */
  String history(String workflowId) {
    String json = client().fetchHistory(workflowId).toJson(false);
    StringBuilder text = new StringBuilder(json);
    Matcher data = PAYLOAD_DATA.matcher(json);
    while (data.find()) {
      text.append('\n').append(new String(Base64.getDecoder().decode(data.group(1)), StandardCharsets.UTF_8));
    }
    return text.toString();
  }

  /**
   * A cutover's {@code progress} query, asked with the SDK's client in this JVM: cheap enough to poll,
   * where every {@code avesa status} would start a JVM.
   */
  CutoverReport cutoverProgress(String workflowId) {
    return client().newWorkflowStub(CutoverWorkflow.class, workflowId).progress();
  }

  /** Terminates the latest run of {@code workflowId}, as an operator can from the Temporal UI. */
  void terminate(String workflowId, String reason) {
    client().newUntypedWorkflowStub(workflowId).terminate(reason);
  }

  /** True when the server knows a run with this workflow id. */
  boolean exists(String workflowId) {
    try {
      client().fetchHistory(workflowId);
      return true;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  private synchronized WorkflowClient client() {
    if (stubs == null) {
      // Patient, as the tests' own eye should be: with two test classes at once on a loaded 2-core
      // machine the dev server has left a first call waiting for its connection for seconds.
      stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(address())
          .setSystemInfoTimeout(CALL_PATIENCE).setRpcTimeout(CALL_PATIENCE).setRpcQueryTimeout(CALL_PATIENCE).build());
    }
    return WorkflowClient.newInstance(stubs);
  }

  Launched worker() {
    return worker;
  }

  /** One scrape of the current worker's {@code /metrics}, as Prometheus asks for it (gzip), and its size. */
  Scrape scrapeMetrics() throws IOException, InterruptedException {
    HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
            .header("Accept-Encoding", "gzip").timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    byte[] body = response.body();
    if (response.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
        return new Scrape(new String(in.readAllBytes(), StandardCharsets.UTF_8), body.length);
      }
    }
    return new Scrape(new String(body, StandardCharsets.UTF_8), body.length);
  }

  /** A scrape's text and the bytes it took on the wire. */
  record Scrape(String text, int wireBytes) {
    int textBytes() {
      return text.getBytes(StandardCharsets.UTF_8).length;
    }
  }

  /**
   * Stops the worker (SIGTERM) and starts a fresh one. Tests that reset the emulator need it: the
   * worker's cached role sessions die with moto's state, as they never would in AWS.
   */
  void restartWorker() {
    worker.close();
    worker = startWorker();
  }

  /** Starts one more worker process on the same task queues (closed with the stack). */
  void addWorker() {
    moreWorkers.add(startWorker());
  }

  /** The events of the latest run of {@code workflowId}, as the SDK's client reads them. */
  java.util.List<io.temporal.api.history.v1.HistoryEvent> events(String workflowId) {
    return client().fetchHistory(workflowId).getEvents();
  }

  /** SIGKILLs the worker and starts a fresh one on the same server. */
  void replaceWorkerAfterKill() {
    worker.kill();
    worker = startWorker();
  }

  private Launched startWorker() {
    Map<String, String> env = new HashMap<>(workerEnv);
    env.put("TEMPORAL_ADDRESS", address());
    metricsPort = Launched.freePort();
    env.put("METRICS_PORT", String.valueOf(metricsPort));
    Launched started = Launched.start("worker", env, "bin/avesa-worker");
    try {
      started.awaitOutput("avesa-worker polling", START_PATIENCE);
    } catch (RuntimeException | Error e) {
      started.kill();
      throw e;
    }
    return started;
  }

  @Override
  public void close() {
    if (stubs != null) {
      stubs.shutdownNow();
    }
    if (worker != null) {
      worker.close();
    }
    moreWorkers.forEach(Launched::close);
    server.close();
  }
}
