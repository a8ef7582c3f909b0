package com.avesa.cutover.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class MetricsServerTest {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  @Test
  void servesTheRegistryAsPrometheusTextAndAnswersHealth() throws Exception {
    Counter.builder("avesa.test.copied").register(registry).increment(3);
    try (MetricsServer server = MetricsServer.start(0, registry)) {
      HttpResponse<String> metrics = Http.get(server.metricsUrl());
      HttpResponse<String> health = Http.get("http://127.0.0.1:" + server.port() + "/health");

      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("text/plain"));
      assertThat(metrics.body()).contains("avesa_test_copied_total 3.0");
      assertThat(health.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void compressesTheScrapeWhenTheScraperAcceptsGzipAndOnlyThen() throws Exception {
    Counter.builder("avesa.test.gzip").register(registry).increment(7);
    try (MetricsServer server = MetricsServer.start(0, registry)) {
      HttpResponse<byte[]> gzipped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.metricsUrl()))
          .header("Accept-Encoding", "deflate, gzip;q=0.9").build(), HttpResponse.BodyHandlers.ofByteArray());
      HttpResponse<String> plain = Http.get(server.metricsUrl());

      assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("avesa_test_gzip_total 7.0");
      }
      assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
      assertThat(plain.body()).contains("avesa_test_gzip_total 7.0");
    }
  }

  @Test
  void healthIsNotReadyWithTheReasonWhileTheWorkerCannotPoll() throws Exception {
    AtomicReference<Optional<String>> notReady = new AtomicReference<>(Optional.of("cannot reach Temporal at x"));
    try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, registry, notReady::get)) {
      String health = "http://127.0.0.1:" + server.port() + "/health";
      HttpResponse<String> down = Http.get(health);
      notReady.set(Optional.empty());
      HttpResponse<String> up = Http.get(health);

      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.body()).isEqualTo("not ready: cannot reach Temporal at x\n");
      assertThat(up.statusCode()).isEqualTo(200);
      assertThat(up.body()).isEqualTo("ok\n");
    }
  }

  @Test
  void refusesWritesToMetrics() throws Exception {
    try (MetricsServer server = MetricsServer.start(0, registry)) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(server.metricsUrl()))
          .POST(HttpRequest.BodyPublishers.noBody()).build();
      int status = HttpClient.newHttpClient()
          .send(request, HttpResponse.BodyHandlers.discarding()).statusCode();

      assertThat(status).isEqualTo(405);
    }
  }

  @Test
  void aTakenPortIsReportedWithTheVariableToChange() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> MetricsServer.start(taken.getLocalPort(), registry))
          .isInstanceOf(MetricsServer.PortInUseException.class)
          .hasMessageContaining("127.0.0.1:" + taken.getLocalPort() + " is already in use")
          .hasMessageContaining("METRICS_PORT");
    }
  }

  @Test
  void stopsAnsweringWhenClosed() throws Exception {
    MetricsServer server = MetricsServer.start(0, registry);
    String health = "http://127.0.0.1:" + server.port() + "/health";
    server.close();

    assertThatThrownBy(() -> Http.get(health)).isInstanceOf(IOException.class);
  }

  @Test
  void bindsLoopbackByDefault() {
    try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, registry)) {
      assertThat(server.host()).isEqualTo("127.0.0.1");
      assertThat(server.metricsUrl()).isEqualTo("http://127.0.0.1:" + server.port() + "/metrics");
    }
    if (System.getenv("METRICS_HOST") == null) {
      try (MetricsServer server = MetricsServer.start(0, registry)) {
        assertThat(server.host()).isEqualTo("127.0.0.1");
      }
    }
  }

  @Test
  void servesOnTheHostItIsGiven() throws Exception {
    // 127.0.0.2 is loopback on Linux; it shows the host is honoured without listening on every
    // interface (METRICS_HOST=0.0.0.0 takes the same path inside the container).
    InetAddress second = InetAddress.getByName("127.0.0.2");
    try (ServerSocket probe = new ServerSocket(0, 1, second)) {
      assertThat(probe.getLocalPort()).isPositive();
    } catch (IOException e) {
      org.junit.jupiter.api.Assumptions.abort("127.0.0.2 is not a local address here: " + e.getMessage());
    }
    Counter.builder("avesa.test.host").register(registry).increment();
    try (MetricsServer server = MetricsServer.start("127.0.0.2", 0, registry)) {
      assertThat(server.host()).isEqualTo("127.0.0.2");
      assertThat(server.metricsUrl()).isEqualTo("http://127.0.0.2:" + server.port() + "/metrics");
      assertThat(Http.get(server.metricsUrl()).body()).contains("avesa_test_host_total 1.0");
    }
  }

  @Test
  void aMetricsHostThatDoesNotResolveNamesTheVariable() {
    assertThatThrownBy(() -> MetricsServer.start("no-such-host.invalid", 0, registry))
        .isInstanceOf(WorkerSettings.InvalidSettingException.class)
        .hasMessageStartingWith("METRICS_HOST=no-such-host.invalid:");
  }
}
