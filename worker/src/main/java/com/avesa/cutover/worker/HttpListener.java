package com.avesa.cutover.worker;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** What the metrics and codec listeners share: binding {@code METRICS_HOST}:port, two daemon threads. */
final class HttpListener {
  private HttpListener() {}

  /**
   * An unstarted server bound to {@code host}:{@code port} (0 picks a free port).
   *
   * @throws WorkerSettings.InvalidSettingException when {@code host} does not resolve
   * @throws RuntimeException from {@code taken} when the port is in use
   */
  static HttpServer bind(String host, int port, String what, Supplier<RuntimeException> taken) {
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new WorkerSettings.InvalidSettingException(WorkerSettings.METRICS_HOST, host,
          "the host does not resolve to an address of this machine");
    }
    try {
      return HttpServer.create(new InetSocketAddress(address, port), 0);
    } catch (BindException e) {
      throw taken.get();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve " + what + " on " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  /** Starts {@code server} on two daemon threads named {@code threadName}; shut the executor down after stopping it. */
  static ExecutorService serve(HttpServer server, String threadName) {
    ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, threadName);
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.start();
    return executor;
  }
}
