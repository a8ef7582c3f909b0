package com.avesa.cutover.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The worker jar's own output when it or its server stops the ordinary ways: the dev server stopped
 * first, or Ctrl-C. Each leaves log lines a person reads, no stack trace, and no start-up warning
 * about worker heartbeats the dev server does not take.
 */
class WorkerShutdownEndToEndTest {
  private final int port = Launched.freePort();
  private Launched server;
  private Launched worker;

  @BeforeEach
  void startServerAndWorker() {
    server = Launched.start("dev-server", Map.of(), "bin/avesa", "dev-server", "--port", String.valueOf(port));
    server.awaitPort(port, Duration.ofSeconds(60));
    worker = Launched.start("worker", Map.of("TEMPORAL_ADDRESS", "127.0.0.1:" + port, "METRICS_PORT", "0"),
        "bin/avesa-worker");
    worker.awaitOutput("avesa-worker polling", Duration.ofSeconds(120));
  }

  @AfterEach
  void stopBoth() {
    worker.close();
    server.close();
  }

  @Test
  void stoppingTheServerBeforeTheWorkerLogsTheOutageInOneLineWithoutAStackTrace() {
    server.terminate();
    worker.awaitOutput("UNAVAILABLE", Duration.ofSeconds(60));

    int exit = worker.terminate();

    String output = worker.output();
    assertThat(exit).as(output).isEqualTo(143);
    assertThat(output).contains("avesa-worker stopped");
    assertNoStackTraceNorHeartbeatWarning(output);
    List<String> outageLines = output.lines().filter(line -> line.contains("UNAVAILABLE")).toList();
    // Ten pollers fail on every retry; one line passes every 30 s (the worker stops within a few seconds).
    assertThat(outageLines).as(output).isNotEmpty().hasSizeLessThanOrEqualTo(2)
        .allSatisfy(line -> assertThat(line).contains("WARN").contains("(UNAVAILABLE: "));
  }

  @Test
  void ctrlCStopsTheWorkerGracefullyWithoutAStackTrace() {
    int exit = worker.interrupt();

    String output = worker.output();
    assertThat(exit).as(output).isEqualTo(130);
    assertThat(output).contains("avesa-worker stopping").contains("avesa-worker stopped");
    assertNoStackTraceNorHeartbeatWarning(output);
  }

  private static void assertNoStackTraceNorHeartbeatWarning(String output) {
    assertThat(output.lines()).as(output)
        .noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by: "))
        .noneMatch(line -> line.contains("Exception:") && !line.contains(" - "))
        .noneMatch(line -> line.toLowerCase().contains("worker heartbeats"));
  }
}
