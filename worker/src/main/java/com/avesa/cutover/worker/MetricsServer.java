package com.avesa.cutover.worker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * Serves the registry as Prometheus text on {@code http://HOST:PORT/metrics} (gzip-compressed when
 * the scraper sends {@code Accept-Encoding: gzip}) and answers {@code GET /health}: 200 {@code ok}
 * while the worker can poll, 503 {@code not ready: REASON} while it cannot. HOST is 127.0.0.1
 * unless {@code METRICS_HOST} says otherwise ({@code 0.0.0.0} inside a container, so Prometheus in
 * another container can scrape it).
 */
public final class MetricsServer implements AutoCloseable {
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService executor;
  private final String host;

  private MetricsServer(HttpServer server, ExecutorService executor, String host) {
    this.server = server;
    this.executor = executor;
    this.host = host;
  }

  /**
   * Starts serving on 127.0.0.1:{@code port} (0 picks a free port).
   *
   * @throws PortInUseException when the port is already taken
   */
  public static MetricsServer start(int port, PrometheusMeterRegistry registry) {
    return start(WorkerSettings.DEFAULT_METRICS_HOST, port, registry, Optional::empty);
  }

  /** The same on {@code host}, always ready. */
  public static MetricsServer start(String host, int port, PrometheusMeterRegistry registry) {
    return start(host, port, registry, Optional::empty);
  }

  /**
   * Starts serving on {@code host}:{@code port} (0 picks a free port; {@code 0.0.0.0} serves on
   * every interface). {@code notReady} says why the worker cannot poll, or empty when it can.
   *
   * @throws PortInUseException when the port is already taken
   * @throws WorkerSettings.InvalidSettingException when {@code host} does not resolve
   */
  public static MetricsServer start(String host, int port, PrometheusMeterRegistry registry,
      Supplier<Optional<String>> notReady) {
    HttpServer server = HttpListener.bind(host, port, "metrics", () -> new PortInUseException(host, port));
    server.createContext("/metrics", exchange -> {
      if (isGet(exchange)) {
        respond(exchange, 200, PROMETHEUS_TEXT, registry.scrape());
      }
    });
    server.createContext("/health", exchange -> {
      if (isGet(exchange)) {
        Optional<String> reason = notReady.get();
        respond(exchange, reason.isEmpty() ? 200 : 503, "text/plain; charset=utf-8",
            reason.map(r -> "not ready: " + r + "\n").orElse("ok\n"));
      }
    });
    return new MetricsServer(server, HttpListener.serve(server, "metrics-http"), host);
  }

  /** The port actually bound. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The host it was asked to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}. */
  public String host() {
    return host;
  }

  /**
   * {@code http://HOST:PORT/metrics} as reachable from this machine: the loopback address when
   * the server listens on every interface.
   */
  public String metricsUrl() {
    InetAddress bound = server.getAddress().getAddress();
    String host = bound.isAnyLocalAddress() ? "127.0.0.1" : bound.getHostAddress();
    if (host.indexOf(':') >= 0) {
      host = "[" + host.replaceFirst("%.*$", "") + "]";
    }
    return "http://" + host + ":" + port() + "/metrics";
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static boolean isGet(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    if ("GET".equals(method) || "HEAD".equals(method)) {
      return true;
    }
    respond(exchange, 405, "text/plain; charset=utf-8", "only GET\n");
    return false;
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    if (acceptsGzip(exchange)) {
      bytes = gzip(bytes);
      exchange.getResponseHeaders().set("Content-Encoding", "gzip");
    }
    exchange.getResponseHeaders().set("Vary", "Accept-Encoding");
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      if (!head) {
        out.write(bytes);
      }
    }
  }

  private static boolean acceptsGzip(HttpExchange exchange) {
    return exchange.getRequestHeaders().getOrDefault("Accept-Encoding", List.of()).stream()
        .flatMap(value -> Arrays.stream(value.split(",")))
        .map(coding -> coding.trim().toLowerCase(Locale.ROOT))
        .anyMatch(coding -> coding.equals("gzip") || coding.startsWith("gzip;") && !coding.matches("gzip;\\s*q=0(\\.0*)?"));
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream(bytes.length / 4 + 64);
    try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
      out.write(bytes);
    }
    return compressed.toByteArray();
  }

  /** The metrics port is taken by another process. */
  public static final class PortInUseException extends RuntimeException {
    PortInUseException(String host, int port) {
      super("metrics port " + host + ":" + port + " is already in use: set "
          + WorkerSettings.METRICS_PORT + " to a free port (0 picks one)");
    }
  }
}
