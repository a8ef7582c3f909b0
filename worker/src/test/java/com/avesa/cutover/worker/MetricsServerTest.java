package com.avesa.cutover.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
}
